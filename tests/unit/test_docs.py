"""The docs stay true about the repository: every path README.md, CONTRIBUTING.md and docs/*.md name in
`backticks` or link to exists (after sqlite-utils' tests/test_docs.py, which checks its docs the same way)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = sorted([ROOT / "README.md", ROOT / "CONTRIBUTING.md", *(ROOT / "docs").glob("*.md")])
# Pages that name files relative to the part of the repository they describe.
BASES = {
    "docs/architecture.md": ("extension",),
    "docs/benchmarks.md": ("bench",),
    "docs/extension.md": ("extension", "extension/adapters", "tests/extension", "tests/extension/unit",
                          "tests/extension/fixtures"),
}
# Named in the docs but not files of the repository: made by a command, the user's, or CSS class names.
NOT_REPOSITORY_FILES = {
    ".demo-data/",  # `make demo`
    ".venv/bin/tandem",  # `make setup`
    "tandem.toml", "DATA_DIR/tandem.toml",  # the team's optional settings file, in the data dir
    ".ticket-article-item.customer/agent/system", "justify-start/end/center",  # helpdesks' CSS classes
}
# The public data sets beside the checkout (too large for the repository). Nothing else outside it may be named:
# a page pointing at a design note only some checkouts have sends readers nowhere.
OUTSIDE = ("../shared/data",)

FENCED = re.compile(r"^```.*?^```", re.S | re.M)
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
EXTENSIONS = r"(?:py|md|js|mjs|json|toml|html|txt|jsonl|csv|ya?ml|cfg|sh|png|sql)"
PATHLIKE = re.compile(r"^(?:\.\./|\./)*[\w.*-]+(?:/[\w.*-]*)*$")


def is_path(text: str) -> bool:
    """Whether inline code names a path: `backend/app.py`, `bench/`, `adapters/*.js`, `CHANGELOG.md`."""
    if not PATHLIKE.match(text) or text.startswith("/"):  # /v1/... and /dashboard are routes
        return False
    return "/" in text or re.search(rf"\.{EXTENSIONS}$", text) is not None


def mentioned(text: str) -> list[tuple[str, str]]:
    """(kind, path) for every path in inline code and every local link of a page (fenced blocks are examples)."""
    text = FENCED.sub("", text)
    found = [("code", m.group(1).strip()) for m in CODE.finditer(text) if is_path(m.group(1).strip())]
    for m in LINK.finditer(text):
        target = m.group(1).split("#", 1)[0]
        if target and not re.match(r"^[a-z]+:", target):
            found.append(("link", target))
    return found


def exists(path: str, bases: list[Path]) -> bool:
    """Whether `path` names something in the repository (a file beside the checkout does not count)."""
    inside = [base for base in bases if (base / path).resolve().is_relative_to(ROOT.resolve())]
    return any(any(base.glob(path)) if "*" in path else (base / path).exists() for base in inside)


def dead_paths(doc: Path, text: str | None = None) -> list[str]:
    """The paths `doc` (or `text`, read as if it were `doc`) names that are not in the repository."""
    name = doc.relative_to(ROOT).as_posix()
    extra = [ROOT / b for b in BASES.get(name, ())]
    dead = []
    for kind, path in mentioned(doc.read_text(encoding="utf-8") if text is None else text):
        if path in NOT_REPOSITORY_FILES or path.startswith(OUTSIDE):
            continue
        bases = [doc.parent] if kind == "link" else [ROOT, doc.parent, *extra]
        if not exists(path, bases):
            dead.append(path)
    return dead


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_every_path_the_docs_name_exists(doc: Path):
    assert not dead_paths(doc), f"{doc.relative_to(ROOT)} names paths that do not exist: {dead_paths(doc)}"


def test_the_scan_reads_paths_and_would_see_a_dead_one():
    assert sum(len(mentioned(d.read_text(encoding="utf-8"))) for d in DOCS) > 100  # a broken pattern passes all
    assert ("code", "backend/tuning.py") in mentioned((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    page = ("See `tests/unit/test_no_such_module.py`, `bench/README.md`, [x](nowhere.md), [y](api.md#routes), `POST "
            "/v1/assist`, `backend/app.py`, `../shared/DESIGN.md`, `bench/results/*.json`.\n"
            "```\nnot/checked.py\n```\n")
    assert dead_paths(ROOT / "docs" / "page.md", page) == ["tests/unit/test_no_such_module.py", "bench/README.md",
                                                             "../shared/DESIGN.md", "nowhere.md"]
