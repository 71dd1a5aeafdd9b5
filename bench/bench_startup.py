"""Start-up: `tandem --help`, a cold `tandem kb search`, and server start to the first answered /v1/assist,
as ratios to `python -c "import click"` measured in the same run, interleaved round by round.

The previous release (git worktree of PREVIOUS, same venv, its own data dir) runs the same commands in
the same rounds, so the ratios compare like for like on this noisy shared machine.

    python -m bench.bench_startup [rounds]
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, latency_summary, write_result

PREVIOUS = "f074dd3"  # the last commit before the two signals readers
QUERY = "battery range in winter"
CONVERSATION = ROOT / "cli" / "demo_helpdesk" / "conversation.json"


def timed(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of one command."""
    started = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=600)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{cmd} failed: {result.stderr[-500:]}")
    rss_kb = int(result.stderr.strip().splitlines()[-1])
    return wall, rss_kb / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_answer(cmd: list[str], env: dict[str, str], token: str, cwd: Path | None = None) -> float:
    """Seconds from starting the server to the first answered POST /v1/assist."""
    import httpx

    port = free_port()
    body = json.loads(CONVERSATION.read_text())
    started = time.perf_counter()
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port)], env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 120:
            try:
                r = httpx.post(f"http://127.0.0.1:{port}/v1/assist", json=body, timeout=30,
                               headers={"Authorization": f"Bearer {token}"})
                if r.status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                time.sleep(0.02)
        raise RuntimeError("server did not answer")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def prepare(cmd: list[str], data: Path, env: dict[str, str], cwd: Path | None = None) -> str:
    """Import the demo KB and create a token for one version's data dir."""
    subprocess.run([*cmd, "kb", "import", str(ROOT / "kb"), "--source", "demo"], env=env, cwd=cwd, check=True,
                   capture_output=True, timeout=1800)
    return subprocess.run([*cmd, "users", "add", f"bench-{time.time_ns()}", "--role", "agent"], env=env, cwd=cwd,
                          check=True, capture_output=True, text=True).stdout.strip()


def main(rounds: int = 7) -> None:
    work = Path(tempfile.mkdtemp(prefix="tandem-startup-"))
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_")}
    base_env.update({"TANDEM_LLM": "extractive", "HF_HUB_OFFLINE": "1"})
    tandem = [str(Path(sys.executable).parent / "tandem")]
    versions: dict[str, tuple[list[str], dict[str, str], Path | None]] = {
        "current": (tandem, {**base_env, "TANDEM_DATA_DIR": str(work / "current")}, None)}
    previous = work / "previous-src"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(previous), PREVIOUS], check=True,
                   capture_output=True)
    versions["previous"] = ([sys.executable, "-c", "import sys; from cli.main import cli; sys.exit(cli())"],
                            {**base_env, "TANDEM_DATA_DIR": str(work / "previous"), "PYTHONPATH": str(previous)},
                            previous)
    try:
        tokens = {name: prepare(cmd, work / name, env, cwd) for name, (cmd, env, cwd) in versions.items()}
        samples: dict[str, list[float]] = {}
        memory: dict[str, list[float]] = {}

        def record(key: str, wall: float, rss: float | None = None) -> None:
            samples.setdefault(key, []).append(wall)
            if rss is not None:
                memory.setdefault(key, []).append(rss)

        for _ in range(rounds):
            record("import_click", *timed([sys.executable, "-c", "import click"], base_env))
            for name, (cmd, env, cwd) in versions.items():
                record(f"{name}:help", *timed([*cmd, "--help"], env, cwd))
                record(f"{name}:kb_search", *timed([*cmd, "kb", "search", QUERY, "--json"], env, cwd))
                record(f"{name}:serve_to_first_assist", first_answer(cmd, env, tokens[name], cwd))
        click_s = sorted(samples["import_click"])[len(samples["import_click"]) // 2]
        table = {}
        for key, values in samples.items():
            median = sorted(values)[len(values) // 2]
            table[key] = {**latency_summary([v * 1000 for v in values]),
                          "ratio_to_import_click": round(median / click_s, 1),
                          "peak_rss_mb": round(max(memory[key]), 1) if key in memory else None}
        targets = {"help <= 3x import click": table["current:help"]["ratio_to_import_click"] <= 3,
                   "cold kb search <= 10x import click": table["current:kb_search"]["ratio_to_import_click"] <= 10,
                   "serve to first assist <= 3 s": table["current:serve_to_first_assist"]["p50_ms"] <= 3000}
        path = write_result("startup", {"rounds": rounds, "query": QUERY, "previous_release": PREVIOUS,
                                        "embedder": "minilm-int8 (default)", "results": table, "targets_met": targets})
        print(json.dumps(table, indent=2))
        print(targets, "->", path)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(previous)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
