"""API load and Claude-path overhead.

1. Load: `tandem serve` (uvicorn, one worker, offline engine, demo KB) on loopback; N concurrent clients
   POST /v1/assist for 30 s; throughput, p50/p99 latency and errors, per embedder, side by side with a bare
   Litestar JSON echo on the same stack (bench/echo_app.py) in the same run. Two question streams: the 12
   demo questions in turn (repeats: what an overlay re-opening tickets sends) and every request a question
   of its own (no cache helps).
2. Overhead before the first token on the Anthropic path against a zero-delay loopback fake:
   time from the start of `assist_events` to the first `delta`, through the real SDK.
Writes bench/results/api.json. Run: .venv/bin/python -m bench.bench_api [seconds] [clients]
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import ROOT, latency_summary, write_result

QUESTIONS = [
    "When will I get my refund after returning a lamp?", "My card keeps getting declined at checkout, why?",
    "How do I reset my password? The link expired.", "Can I change the shipping address on my order?",
    "Do you ship to Canada and are duties included?", "My package says delivered but I never got it.",
    "How do I cancel my Pine Club membership?", "The kettle stopped working after two months.",
    "I was charged twice for the same order.", "Can you recommend a good hiking trail near Denver?",
    "How long does standard shipping take?", "I want a copy of all my personal data.",
]
EMBEDDERS = ("minilm", "wordllama")


def conversation(i: int, distinct: bool = False) -> dict:
    text = QUESTIONS[i % len(QUESTIONS)] + (f" It is about order HP-{100000 + i}." if distinct else "")
    return {"helpdesk": "bench", "ticket_id": f"L-{i % 500}", "customer": {"name": "Alex"},
            "messages": [{"id": "m1", "role": "customer", "text": text}]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def load(base: str, token: str, seconds: float, clients: int, distinct: bool = False) -> dict:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            body = conversation(next(counter), distinct)
            start = time.perf_counter()
            try:
                r = await client.post(f"{base}/v1/assist", json=body)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                latencies.append((time.perf_counter() - start) * 1000)
            else:
                errors += 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30, limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {"requests": len(latencies), "errors": errors, "seconds": round(elapsed, 1),
            "throughput_rps": round(len(latencies) / elapsed, 1), "latency": latency_summary(latencies)}


def run_load(embedder: str, seconds: float, clients: int, workdir: Path) -> dict:
    data = workdir / embedder
    env = {**os.environ, "TANDEM_DATA_DIR": str(data), "TANDEM_EMBEDDER": embedder, "TANDEM_LLM": "extractive",
           "TANDEM_ASSIST_RATE_PER_MIN": "0"}  # one bench user: the per-user limit would answer 429s
    tandem = str(Path(sys.executable).parent / "tandem")
    subprocess.run([tandem, "kb", "import", str(ROOT / "kb")], env=env, check=True, capture_output=True)
    token = subprocess.run([tandem, "users", "add", "bench", "--role", "agent"], env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    port = free_port()
    server = subprocess.Popen([tandem, "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        asyncio.run(load(base, token, 3, clients))  # warm-up
        return {"embedder": embedder, "clients": clients,
                "repeated_questions": asyncio.run(load(base, token, seconds, clients)),
                "distinct_questions": asyncio.run(load(base, token, seconds, clients, distinct=True))}
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_echo(seconds: float, clients: int) -> dict:
    """The bare Litestar echo under the same load generator."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "bench.echo_app:app", "--port", str(port),
                               "--log-level", "warning", "--no-access-log"], cwd=ROOT, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.post(f"{base}/v1/assist", json={}, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        asyncio.run(load(base, "-", 3, clients))
        return {"clients": clients, **asyncio.run(load(base, "-", seconds, clients))}
    finally:
        server.terminate()
        server.wait(timeout=30)


def first_token_overhead(workdir: Path, n: int = 200) -> dict:
    """Time to the first delta through the real SDK against a zero-delay fake, plus the fake alone."""
    sys.path.insert(0, str(ROOT))
    import msgspec

    from backend.models import Conversation
    from backend.services import kb as kb_service
    from backend.services.assist import assist_events
    from backend.services.runtime import Runtime
    from backend.settings import load_settings
    from tests.fake_anthropic import FakeAnthropic

    os.environ["ANTHROPIC_API_KEY"] = "sk-bench"
    with FakeAnthropic() as fake:
        rt = Runtime(load_settings(workdir / "claude", env={"TANDEM_LLM": "anthropic",
                                                            "TANDEM_ANTHROPIC_BASE_URL": fake.url}))
        kb_service.import_paths(rt, [ROOT / "kb"])
        first, raw = [], []
        client = httpx.Client()
        for i in range(n + 10):
            start = time.perf_counter()
            for event, _ in assist_events(rt, msgspec.convert(conversation(i), Conversation)):
                if event == "delta":
                    elapsed = (time.perf_counter() - start) * 1000
                    break
            t = time.perf_counter()
            with client.stream("POST", f"{fake.url}/v1/messages", json={"stream": True, "model": "m"},
                               headers={"x-api-key": "k"}) as r:
                next(r.iter_lines())
            fake_ms = (time.perf_counter() - t) * 1000
            if i >= 10 and QUESTIONS[i % len(QUESTIONS)] != QUESTIONS[9]:  # the hiking question has no answer
                first.append(elapsed)
                raw.append(fake_ms)
        rt.close()
    return {"time_to_first_delta": latency_summary(first), "fake_alone_first_line": latency_summary(raw),
            "overhead_p50_ms": round(latency_summary(first)["p50_ms"] - latency_summary(raw)["p50_ms"], 2),
            "note": "includes redaction, signals, query embedding + hybrid retrieval, prompt building, SDK setup"}


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        echo = run_echo(seconds, clients)
        print(json.dumps(echo), file=sys.stderr)
        runs = {}
        for embedder in EMBEDDERS:
            runs[embedder] = run_load(embedder, seconds, clients, workdir)
            for stream in ("repeated_questions", "distinct_questions"):
                row = runs[embedder][stream]
                row["ratio_to_echo"] = round(row["throughput_rps"] / echo["throughput_rps"], 3)
                row["p99_over_p50"] = round(row["latency"]["p99_ms"] / row["latency"]["p50_ms"], 2)
            print(json.dumps(runs[embedder]), file=sys.stderr)
        overhead = first_token_overhead(workdir)
        print(json.dumps(overhead), file=sys.stderr)
    path = write_result("api", {"echo": echo, "load": runs, "anthropic_first_token": overhead,
                                "targets": "ratio_to_echo >= 0.5 and p99_over_p50 <= 2 on one worker"})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
