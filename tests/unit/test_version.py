"""One version, written once in pyproject.toml: the code reads it from the package metadata (or, in a
checkout that was never installed, from pyproject.toml) and never spells it out itself."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import tomllib

from click.testing import CliRunner

from backend import version as version_module
from cli.main import cli
from tests.conftest import ROOT

DECLARED = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_the_version_comes_from_the_package_metadata():
    version_module.version.cache_clear()
    assert version_module.version() == importlib.metadata.version("tandem") == DECLARED


def test_a_checkout_that_was_never_installed_reads_pyproject(monkeypatch, tmp_path):
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    version_module.version.cache_clear()
    try:
        assert version_module.version() == DECLARED
    finally:
        version_module.version.cache_clear()
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9"\n')
    assert version_module.version_in(other) == version_module.UNKNOWN
    assert version_module.version_in(tmp_path / "missing.toml") == version_module.UNKNOWN
    other.write_text("not [toml")
    assert version_module.version_in(other) == version_module.UNKNOWN


def test_tandem_version_prints_it():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output == f"tandem, version {DECLARED}\n"


def test_no_python_module_spells_out_the_version():
    written = [f"{path.relative_to(ROOT)}:{node.lineno}"
               for folder in ("backend", "cli") for path in sorted((ROOT / folder).rglob("*.py"))
               for node in ast.walk(ast.parse(path.read_text()))
               if isinstance(node, ast.Constant) and node.value == DECLARED]
    assert not written, f"read it with backend.version.version() instead: {written}"


def test_the_extension_manifest_carries_the_same_version():
    # Chrome needs a literal in manifest.json, so it is checked here rather than read.
    assert json.loads((ROOT / "extension" / "manifest.json").read_text())["version"] == DECLARED
