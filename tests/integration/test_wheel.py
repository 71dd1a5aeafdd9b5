"""Tandem installs as a wheel and works outside the checkout: prompts, the demo KB and the demo page ship
as package data. (The wheel goes into a fresh venv; its third-party dependencies come from the test
venv through a .pth file, so the test does not reinstall torch and friends every run.)"""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.subprocess
def test_wheel_works_outside_the_checkout(tmp_path: Path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels)], check=True, timeout=300, capture_output=True)
    [wheel] = list(wheels.glob("tandem-*.whl"))
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    purelib = next((fresh / "lib").glob("python3*/site-packages"))
    (purelib / "_deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")  # dependencies only
    subprocess.run([sys.executable, "-m", "pip", "--python", str(fresh / "bin" / "python"), "install", "--no-deps",
                    "-q", str(wheel)], check=True, timeout=300, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "PYTHONPATH", "VIRTUAL_ENV"))}
    env.update({"TANDEM_DATA_DIR": str(tmp_path / "data"), "TANDEM_LLM": "extractive"})

    def tandem(*args: str) -> str:
        result = subprocess.run([str(fresh / "bin" / "tandem"), *args], cwd=elsewhere, env=env, capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    where = subprocess.run([str(fresh / "bin" / "python"), "-c", "import backend, cli; print(backend.__file__, cli.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert str(ROOT) not in where and str(fresh) in where  # the installed copy, not the checkout
    out = tandem("demo", "--no-serve")
    assert "52 added" in out and "Demo agent token" in out
    example = tmp_path / "data" / "example-conversation.json"
    result = json.loads(tandem("suggest", str(example), "--json"))
    assert result["suggestions"][0]["kind"] == "answer" and result["suggestions"][0]["citations"]
