"""The closed vocabularies (roles, suggestion kinds, priority, risk, urgency, sentiment, unsupported kinds, draft
statuses) are defined once, in backend/vocabulary.py: the Structs' Literal types make the API refuse anything
else, the engines produce nothing else, and the docs list the same values."""

from __future__ import annotations

import ast
import re

import msgspec
import pytest

from backend import vocabulary as v
from backend.models import Conversation, Signals, Unsupported
from tests.conftest import ROOT, TEST_EMBEDDER
from tests.unit.test_architecture import modules

ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
API = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def listed(pattern: str, text: str) -> tuple[str, ...]:
    """The values a doc lists after `pattern` ("a|b|c", "a | b | c" or "a, b, c")."""
    for separator in (r"\|", ","):
        match = re.search(pattern + rf"\s*`?(\w+(?:\s*{separator}\s*\w+)+)", text)
        if match:
            return tuple(re.split(rf"\s*{separator}\s*", match.group(1)))
    raise AssertionError(f"no list after {pattern!r}")


@pytest.mark.parametrize(("pattern", "doc", "values"), [
    (r"`role` is", ARCHITECTURE, v.ROLES),
    (r"kind:", ARCHITECTURE, v.KINDS),
    (r"priority:", ARCHITECTURE, v.PRIORITIES),
    (r"risk:", ARCHITECTURE, v.RISKS),
    (r"urgency:", ARCHITECTURE, v.URGENCIES),
    (r"sentiment\{label:", ARCHITECTURE, v.SENTIMENTS),
    (r"status:", ARCHITECTURE, v.DRAFT_STATUSES),
    (r"`kind` is one of", API, v.UNSUPPORTED_KINDS),
])
def test_the_docs_list_the_vocabulary(pattern: str, doc: str, values: tuple[str, ...]):
    assert set(listed(pattern, doc)) == set(values)


def test_the_engines_produce_only_the_vocabulary():
    from backend.llm import checks
    from backend.services import qa, upkeep

    assert tuple(kind for kind, _ in checks.PATTERNS) == v.VALUE_KINDS
    assert tuple(kind for kind, _, _ in checks.PROMISES) == v.PROMISE_KINDS
    assert set(qa.PROMISE_KINDS) <= set(v.UNSUPPORTED_KINDS) and set(upkeep.KINDS) <= set(v.VALUE_KINDS)


def _vocabularies() -> dict[frozenset[str], str]:
    return {frozenset(values): name for name, values in vars(v).items()
            if name.isupper() and isinstance(values, tuple) and len(values) >= 3}


def test_no_module_spells_a_vocabulary_out_again():
    """A tuple, set or Literal holding exactly a vocabulary's values, outside backend/vocabulary.py, is a copy that
    will drift (cli/users.py had its own ROLES)."""
    known = _vocabularies()
    copies = []
    for name, path in modules().items():
        if name == "backend.vocabulary":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            items = node.elts if isinstance(node, ast.Tuple | ast.Set | ast.List) else (
                node.slice.elts if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) else None)
            if items and all(isinstance(i, ast.Constant) and isinstance(i.value, str) for i in items):
                values = frozenset(i.value for i in items)  # type: ignore[attr-defined]
                if values in known:
                    copies.append(f"{name}:{node.lineno} repeats vocabulary.{known[values]}")
    assert not copies, "\n".join(copies)


def test_decoding_refuses_values_outside_the_vocabulary():
    with pytest.raises(msgspec.ValidationError, match="role"):
        msgspec.convert({"messages": [{"role": "wizard", "text": "hi"}]}, Conversation)
    signals = {"sentiment": {"label": "negative", "score": -0.5}, "urgency": "high",
               "escalation": {"risk": "low", "reasons": []}, "language": "en"}
    msgspec.convert(signals, Signals)
    with pytest.raises(msgspec.ValidationError, match="urgency"):
        msgspec.convert({**signals, "urgency": "extreme"}, Signals)
    with pytest.raises(msgspec.ValidationError, match="label"):
        msgspec.convert({**signals, "sentiment": {"label": "furious", "score": -0.9}}, Signals)
    with pytest.raises(msgspec.ValidationError, match="kind"):
        msgspec.convert({"text": "x", "kind": "guess"}, Unsupported)


def test_the_api_rejects_an_unknown_role(tmp_path):
    from litestar.testing import TestClient

    from backend.app import create_app
    from backend.services import users
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    rt = Runtime(load_settings(tmp_path, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    token = users.add_user(rt, "ana", "agent")
    try:
        with TestClient(create_app(runtime=rt)) as client:
            bad = client.post("/v1/summaries", headers={"Authorization": f"Bearer {token}"},
                              json={"messages": [{"role": "wizard", "text": "my order is late"}]})
            good = client.post("/v1/summaries", headers={"Authorization": f"Bearer {token}"},
                               json={"messages": [{"role": "customer", "text": "my order is late"}]})
    finally:
        rt.close()
    assert bad.status_code == 400 and "role" in bad.text, bad.text
    assert good.status_code == 201 or good.status_code == 200, good.text
    assert good.json()["sentiment"] in v.SENTIMENTS
