"""The pytest markers tell the truth: a test that starts another process carries `subprocess`, so
`make test-fast` (`-m "not slow and not postgres and not subprocess"`) starts none."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

SPAWNERS = {"run", "Popen", "check_output", "check_call", "call"}  # subprocess.<these>
# The throwaway PostgreSQL server is a process too, but its tests carry the `postgres` marker instead.
POSTGRES_FIXTURES = {"PostgresServer", "postgres_server", "postgres_url"}


def spawns_directly(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in SPAWNERS
               and isinstance(n.func.value, ast.Name) and n.func.value.id == "subprocess" for n in ast.walk(node))


def names_used(node: ast.AST) -> set[str]:
    """Names a function or class refers to, including the fixtures a function asks for."""
    used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    if isinstance(node, ast.FunctionDef):
        used |= {a.arg for a in node.args.args}
    return used


def spawning(tree: ast.Module, known: set[str]) -> set[str]:
    """Module-level functions, fixtures and classes that start a process, themselves or through another."""
    defs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    found = set(known)
    grew = True
    while grew:
        grew = False
        for name, node in defs.items():
            if name not in found and (spawns_directly(node) or names_used(node) & found):
                found.add(name)
                grew = True
    return found


def marks(nodes: list[ast.expr]) -> set[str]:
    return {n.attr for node in nodes for n in ast.walk(node)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Attribute) and n.value.attr == "mark"}


def test_tests_that_start_a_process_are_marked_subprocess():
    shared = spawning(ast.parse((ROOT / "tests" / "conftest.py").read_text()), set()) - POSTGRES_FIXTURES
    assert {"ProcessCLI", "process_cli"} <= shared
    unmarked, seen = [], 0
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        if "node_modules" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        module_marks = marks([n.value for n in tree.body if isinstance(n, ast.Assign)
                              and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in n.targets)])
        local = spawning(tree, shared) - POSTGRES_FIXTURES
        for test in (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")):
            if spawns_directly(test) or names_used(test) & local:
                seen += 1
                if "subprocess" not in marks(list(test.decorator_list)) | module_marks:
                    unmarked.append(f"{path.relative_to(ROOT)}::{test.name}")
    assert seen >= 10  # the scan finds the known ones (CLI processes, servers, import checks)
    assert not unmarked, f"start another process but lack @pytest.mark.subprocess: {unmarked}"


def test_the_scan_sees_a_process_started_through_a_helper():
    tree = ast.parse("import subprocess\n"
                     "def _serve():\n    return subprocess.Popen(['tandem'])\n"
                     "def helper():\n    return _serve()\n"
                     "def test_a():\n    helper()\n")
    test = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "test_a")
    assert names_used(test) & spawning(tree, set()) == {"helper"}

