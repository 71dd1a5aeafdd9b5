"""The habits in CONTRIBUTING.md ("Commits and formatting") stay wired: the complexity limit only comes
down, ruff format is configured, and the pre-commit hooks run the project's own tools without a fetch."""

from __future__ import annotations

import tomllib

import pytest

from tests.conftest import ROOT

COMPLEXITY_TODAY = 22  # privacy/redaction.py find_pii; lower both when the worst functions are split

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUFF = PYPROJECT["tool"]["ruff"]


def test_ruff_limits_complexity_and_the_limit_only_comes_down():
    assert "C90" in RUFF["lint"]["select"]
    assert RUFF["lint"]["mccabe"]["max-complexity"] <= COMPLEXITY_TODAY


def test_ruff_format_is_configured_for_the_one_time_pass():
    assert RUFF["format"]["quote-style"] == "double" and RUFF["line-length"] == 110


def test_pre_commit_runs_ruff_and_mypy_from_the_virtualenv_without_fetching_hooks():
    yaml = pytest.importorskip("yaml")  # comes with pre-commit in [dev]
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # no hook repository to clone
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert set(hooks) == {"ruff", "mypy"}
    assert all(hook["language"] == "system" for hook in hooks.values())
    assert '/bin/ruff" check' in hooks["ruff"]["entry"] and '/bin/mypy"' in hooks["mypy"]["entry"]
    assert hooks["mypy"]["pass_filenames"] is False  # [tool.mypy] files, as `make lint` runs it
    assert any(dep.startswith("pre-commit") for dep in PYPROJECT["project"]["optional-dependencies"]["dev"])
