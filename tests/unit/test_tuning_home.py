"""Tuned constants live in backend/tuning.py, documented there with where they were measured. A number a module
defines for itself must be an engineering limit named here with why it is not tuning (a size, a time-out, a
protocol value); a new weight or threshold anywhere else fails this test."""

from __future__ import annotations

import ast

from tests.conftest import ROOT
from tests.unit.test_architecture import modules

# module -> {name: why it is not a tuned constant}
LIMITS: dict[str, dict[str, str]] = {
    "backend.api.server": {"HEADER_TIMEOUT_S": "slow-header defence"},
    "backend.app": {"MAX_BODY_BYTES": "request size limit"},
    "backend.llm.anthropic": {"DEFAULT_TIMEOUT_S": "SDK default (settings override)", "MAX_RETRIES": "SDK default"},
    "backend.llm.openai": {"DEFAULT_TIMEOUT_S": "SDK default (settings override)", "MAX_RETRIES": "SDK default"},
    "backend.llm.handoff": {"MAX_SENTENCE_CHARS": "cost bound on hostile text", "MAX_SENTENCES": "cost bound"},
    "backend.privacy.redaction": {"ZONE_MARGIN": "scan window around digit runs (cost bound)"},
    "backend.retrieval.embed": {"ONNX_QUERY_BATCH": "batch size", "ONNX_BULK_BATCH": "batch size",
                                "MAX_TOKENS": "the encoder's input length"},
    "backend.retrieval.hybrid": {"EMBED_BATCH": "batch size"},
    "backend.retrieval.bridge": {"_BATCH": "batch size (memory and the shared encoder's lock)"},
    "backend.retrieval.learned": {"EMBED_BATCH": "batch size"},
    "backend.retrieval.index": {"STALE_FILE_AGE_S": "leftover temp files"},
    "backend.retrieval.onnx_export": {"OPSET": "ONNX opset"},
    "backend.services.access": {name: "abuse limit (docs/api.md)" for name in (
        "LOGIN_WINDOW_S", "LOGIN_FAILURES_PER_TOKEN", "LOGIN_FAILURES_PER_ADDRESS", "TOKEN_PREFIX_CHARS",
        "ASSIST_WINDOW_S")},
    "backend.services.conversations": {name: "input limit (docs/api.md)" for name in (
        "MAX_MESSAGES", "MAX_MESSAGE_CHARS", "MAX_TOTAL_CHARS", "MAX_CLOCK_SKEW")},
    "backend.services.evaluation.golden": {name: "input limit (the API's measured in bench/results/hostile.json)"
                                           for name in ("MAX_QUESTIONS", "MAX_API_WORK", "QUESTION_CHARS_PER_UNIT",
                                                        "MAX_QUERY_CHARS")},
    "backend.services.evaluation.replay": {"WORST": "report size"},
    "backend.services.feedback": {"MAX_FINAL_TEXT": "input limit"},
    "backend.services.history": {"EMBED_GROUP": "batch size", "MAX_HISTORY_BYTES": "input limit"},
    "backend.services.jobs": {"LEASE": "longer than any job runs"},
    "backend.services.kb": {"EMBED_GROUP": "batch size"},
    "backend.services.kb_formats": {name: "input limit" for name in (
        "MAX_TITLE_CHARS", "MAX_ID_CHARS", "MAX_FRONT_MATTER_CHARS", "MAX_HTML_DEPTH")},
    "backend.services.readers": {"MAX_FILE_BYTES": "input limit"},
    "backend.signals.core": {"SENTIMENT_PIECE_CHARS": "cost bound (VADER is quadratic)",
                             "_VADER_ALPHA": "VADER's own normalisation constant"},
    "backend.store.copy": {"COPY_BATCH": "batch size"},
    "backend.store.db": {"BUSY_TIMEOUT_MS": "SQLite lock wait"},
    "backend.store.migrations": {"POSTGRES_LOCK_KEY": "advisory lock id"},
    "backend.store.reports": {"EXPORT_BATCH": "batch size"},
}


def _numeric(node: ast.expr) -> bool:
    """A number written in place: 0.3, -0.6, 4 * 1024, 2 / 3, timedelta(hours=1)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _numeric(node.operand)
    if isinstance(node, ast.BinOp):
        return _numeric(node.left) and _numeric(node.right)
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("timedelta"):
        return all(_numeric(a) for a in node.args) and all(_numeric(k.value) for k in node.keywords)
    return False


def numeric_constants(tree: ast.Module) -> list[tuple[str, int]]:
    """(name, line) of the module-level UPPER_CASE names bound to a number written in place."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        values = value.elts if isinstance(value, ast.Tuple) else [value]
        for target in targets:
            names = target.elts if isinstance(target, ast.Tuple) else [target]
            for name, item in zip(names, values if len(values) == len(names) else [value] * len(names), strict=True):
                if isinstance(name, ast.Name) and name.id.lstrip("_").isupper() and _numeric(item):
                    found.append((name.id, node.lineno))
    return found


def test_tuned_constants_live_in_tuning():
    stray = []
    for module, path in modules().items():
        if not module.startswith("backend.") or module == "backend.tuning":
            continue
        for name, line in numeric_constants(ast.parse(path.read_text())):
            if name not in LIMITS.get(module, {}):
                stray.append(f"{path.relative_to(ROOT).as_posix()}:{line}: {name}")
    assert not stray, ("numbers that look tuned outside backend/tuning.py (move them there with where they were "
                       "measured, or list a true limit in LIMITS with why):\n" + "\n".join(stray))


def test_the_allow_list_names_only_what_exists():
    """A limit that moved or went away leaves the list, so the list cannot grow into a blanket pass."""
    known = {module: {name for name, _ in numeric_constants(ast.parse(path.read_text()))}
             for module, path in modules().items()}
    gone = [f"{module}.{name}" for module, names in LIMITS.items() for name in names
            if name not in known.get(module, set())]
    assert not gone


def test_the_scan_sees_a_stray_threshold():
    tree = ast.parse("SCORE_CUT = 0.42\nMARGIN = -0.1\nMAX_X = 4 * 1024\nNAME = 'x'\nPATTERN = None\n"
                     "A, B = 0.5, 'b'\nWAIT = timedelta(minutes=5)\nlower = 0.3\n")
    assert [name for name, _ in numeric_constants(tree)] == ["SCORE_CUT", "MARGIN", "MAX_X", "A", "WAIT"]

