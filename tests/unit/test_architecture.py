"""The house rules, checked: imports run one way (faces -> services -> engines -> store), SQL lives in
backend/store only, and every CLI command and option has help text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest

from tests.conftest import ROOT

BASE = {"backend.models", "backend.text", "backend.tuning", "backend.errors", "backend.dates", "backend.metrics",
        "backend.settings", "backend.vocabulary", "backend"}
LAYERS = {  # a module may import its own layer, lower layers and BASE
    "store": 0, "engines": 1, "services": 2, "faces": 3,
}


def layer(module: str) -> str | None:
    if module in BASE:
        return None
    if module.startswith("backend.store"):
        return "store"
    if module.startswith(("backend.llm", "backend.retrieval", "backend.signals", "backend.privacy")):
        return "engines"
    if module.startswith("backend.services"):
        return "services"
    if module.startswith(("backend.api", "backend.app", "backend.asgi", "cli")):
        return "faces"
    return None


def modules() -> dict[str, Path]:
    found = {}
    for folder in ("backend", "cli"):
        for path in (ROOT / folder).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):  # function-level (lazy) imports count too
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return {n for n in names if n.startswith(("backend", "cli"))}


def test_imports_run_one_way():
    all_modules = modules()
    wrong = []
    for name, path in all_modules.items():
        mine = layer(name)
        for target in imports_of(path):
            if target not in all_modules and target.rpartition(".")[0] in all_modules:
                target = target.rpartition(".")[0]  # `from pkg import function`
            theirs = layer(target)
            if mine is None and theirs is not None:
                wrong.append(f"{name} (shared base) imports {target}")
            elif mine and theirs and LAYERS[theirs] > LAYERS[mine]:
                wrong.append(f"{name} ({mine}) imports {target} ({theirs})")
    assert not wrong, "\n".join(sorted(wrong))


def test_engines_do_not_import_each_other_sideways():
    """Retrieval and the LLM engines share text utilities from backend.text, not each other."""
    for name, path in modules().items():
        for target in imports_of(path):
            assert not (name.startswith("backend.retrieval") and target.startswith("backend.llm")), (name, target)
            assert not (name.startswith("backend.llm") and target.startswith("backend.retrieval")), (name, target)
            assert not (name.startswith("cli.") and target == "cli.main"), f"{name} imports cli.main"


def controller_modules() -> dict[str, Path]:
    """The API modules that define routes (a Controller or a route handler)."""
    found = {}
    for name, path in modules().items():
        if name.startswith("backend.api."):
            text = path.read_text()
            if re.search(r"^class \w+\((?:\w*Controller)\)|^@(?:get|post|delete|put|patch)\(", text, re.M):
                found[name] = path
    return found


def test_no_controller_imports_another():
    """Controllers get what they share (the Runtime, as the `rt` dependency) from the app, not from each other."""
    controllers = controller_modules()
    assert {"backend.api.assist", "backend.api.kb", "backend.api.health", "backend.api.reports"} <= set(controllers)
    wrong = []
    for name, path in controllers.items():
        for target in imports_of(path):
            owner = target if target in controllers else target.rpartition(".")[0]
            if owner in controllers and owner != name:
                wrong.append(f"{name} imports {target}")
        if "state.rt" in path.read_text():
            wrong.append(f"{name} reads the Runtime from app.state instead of taking the `rt` dependency")
    assert not wrong, "\n".join(wrong)


MAX_MODULE_LINES = 650  # evaluation.py had grown to 748 before it was split into a package


def test_no_module_outgrows_one_reading():
    """A module longer than this holds several things; split it into a package (see backend/services/evaluation/)."""
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES}
    assert not long, long


def test_evaluation_keeps_its_public_names():
    """The split package answers every name its callers (cli, api, bench, tests) import from it."""
    import backend.services.evaluation as evaluation

    used = {"About", "EvalReport", "GoldenQuestion", "HistoryEvaluator", "MAX_API_WORK", "QUESTION_CHARS_PER_UNIT",
            "QuestionEvaluator", "apply_operating_point", "evaluate_questions", "expected_calibration_error",
            "golden_question", "history_threads", "parse_questions", "read_questions", "render_html", "replay_points",
            "rouge_l", "was_escalated", "work"}
    assert used <= set(evaluation.__all__) and all(hasattr(evaluation, name) for name in evaluation.__all__)


SQL = re.compile(r"\b(?:SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|VACUUM\b|PRAGMA\b)")


def test_sql_lives_only_in_the_store():
    offenders = []
    for name, path in modules().items():
        if name.startswith("backend.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{name}: {node.value[:60]!r}")
    assert not offenders, "\n".join(offenders)


def test_every_command_has_help():
    from cli.main import cli as tandem_cli

    def walk(command: click.Command, path: str, ctx: click.Context):
        yield path, command
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                yield from walk(command.get_command(ctx, name), f"{path} {name}", ctx)

    ctx = click.Context(tandem_cli)
    seen = 0
    for path, command in walk(tandem_cli, "tandem", ctx):
        seen += 1
        assert command.help and command.help.strip(), f"{path} has no help text"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"{path} option {param.name} has no help text"
    assert seen > 25


@pytest.mark.subprocess
def test_help_imports_nothing_heavy():
    """`tandem --help` loads the command modules but none of the engines, the store or the web stack."""
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from cli.main import cli; "
            "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
            "heavy = [m for m in ('numpy', 'faiss', 'onnxruntime', 'torch', 'litestar', 'anthropic', 'openai', 'sqlite_utils', "
            "'backend.services', 'backend.store') if m in sys.modules]; assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
