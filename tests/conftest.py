"""Shared fixtures: temp data dirs, a CLI runner through the real `tandem` entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TANDEM = shutil.which("tandem", path=str(Path(sys.executable).parent)) or "tandem"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


class CLI:
    """Runs the installed `tandem` console script against one data dir."""

    def __init__(self, data_dir: Path, embedder: str = "wordllama") -> None:
        self.data_dir = data_dir
        self.env = {**os.environ, "TANDEM_DATA_DIR": str(data_dir), "TANDEM_EMBEDDER": embedder}

    def run(self, *args: str, check: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run([TANDEM, *args], env=self.env, capture_output=True, text=True, input=input,
                                timeout=300)
        if check and result.returncode != 0:
            raise AssertionError(f"tandem {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result

    def json(self, *args: str) -> object:
        return json.loads(self.run(*args).stdout)

    def popen(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([TANDEM, *args], env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)


@pytest.fixture
def cli(tmp_path: Path) -> CLI:
    """The CLI on a fresh data dir, with the tiny WordLlama embedder (fast to load)."""
    return CLI(tmp_path / "data")


@pytest.fixture
def runtime(tmp_path: Path):
    """A Runtime on a fresh data dir with WordLlama."""
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    rt = Runtime(load_settings(tmp_path / "rt", env={"TANDEM_EMBEDDER": "wordllama"}))
    yield rt
    rt.close()


@pytest.fixture
def demo_kb() -> Path:
    return ROOT / "kb"
