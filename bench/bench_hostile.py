"""Hostile requests at the documented limits: no single request may cost more than 1 s of CPU.

Issue 25: one POST /v1/assist with a 3.9 MB subject of phone-like text took 38 s of CPU. This benchmark sends
every route an agent can call (and the knowledge managers' golden-question scoring) a body at the documented limits (200,000 characters of messages as 10 x 20,000
and as 200 x 1,000, and every other string of the Conversation at its own limit), filled with text built to
be expensive: back-to-back phone numbers (the reviewer's), labelled ids, e-mail and IBAN look-alikes, spoken
addresses, references, newlines, one-word sentences, honest help-centre prose. Each request is sent three
times; its CPU (this process: the app runs in-process on Litestar's TestClient) is the median of the three.
The demo KB, the shipped embedder, the offline engine, rate limits off.

Writes bench/results/hostile.json. Run: .venv/bin/python -m bench.bench_hostile (BENCH_SMOKE=1: three texts)
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import ROOT, SMOKE, write_result

BOUND_S = 1.0
REPEATS = 3


def _fill(make: Callable[[int], str], chars: int) -> str:
    """`make(i)` for i = 0, 1, ... joined by spaces, cut to `chars`."""
    parts, size, i = [], 0, 0
    while size < chars:
        part = make(i)
        parts.append(part)
        size += len(part) + 1
        i += 1
    return " ".join(parts)[:chars]


def _prose() -> str:
    text = " ".join(re.sub(r"(?s)^---.*?---", "", p.read_text()) for p in sorted((ROOT / "kb").rglob("*.md")))
    return " ".join(text.split())


TEXTS: dict[str, Callable[[int], str]] = {
    "phones (the reviewer's)": lambda n: _fill(lambda i: f"+44 20 7946 {i % 10_000:04d}", n),
    "labelled phone numbers": lambda n: _fill(lambda i: f"call 555 12{i % 10_000:04d},", n),
    "bare 7-digit numbers": lambda n: _fill(lambda i: f"12{i:05d},", n),
    "labelled national ids": lambda n: _fill(lambda i: f"ssn 123-45-{i % 10_000:04d} bsn 1112223{i % 100:02d}", n),
    "e-mail addresses": lambda n: _fill(lambda i: f"a{i}@b.co", n),
    "at signs": lambda n: ("a@" * n)[:n],
    "spoken addresses": lambda n: _fill(lambda i: f"a{i} at b dot com", n),
    "IBANs and look-alikes": lambda n: _fill(lambda i: "DE89 3704 0044 0532 0130 00 DE00 AAAA BBBB CCCC DE89", n),
    "card numbers": lambda n: _fill(lambda i: "4111 1111 1111 1111,", n),
    "digit zones": lambda n: _fill(lambda i: "1-2-3-4-5-6", n),
    "references": lambda n: ("ABC-" * n)[:n],
    "promised": lambda n: ("promised " * n)[:n],
    "one-word sentences": lambda n: ("a. " * n)[:n],
    "newlines": lambda n: ("x" + "\n" * n)[:n],
    "help-centre prose": lambda n: (_prose() * (n // 1000 + 1))[:n],
}
SMOKE_TEXTS = ("phones (the reviewer's)", "labelled national ids", "help-centre prose")


def body(text: Callable[[int], str], layout: tuple[int, int]) -> dict:
    """A Conversation with every string at its documented limit, filled with `text`."""
    count, chars = layout
    message = text(chars)
    return {
        "helpdesk": text(100), "ticket_id": text(200), "url": "https://desk.example/" + text(1979),
        "subject": text(1000),
        "customer": {"id": text(200), "name": text(200), "email": text(320), "tier": text(100)},
        "messages": [{"id": text(196) + f"#{i:03d}", "role": ("customer", "agent")[i % 2], "text": message,
                      "at": "2026-11-20T10:00:00Z"} for i in range(count)],
    }


def measure(send: Callable[[], object]) -> dict:
    """Median CPU and wall seconds of `send()` over REPEATS runs, and its status code."""
    cpu, wall, status = [], [], None
    for _ in range(REPEATS):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        response = send()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
        status = getattr(response, "status_code", None)
    return {"cpu_s": round(statistics.median(cpu), 3), "wall_s": round(statistics.median(wall), 3), "status": status}


def redaction_ms(names: tuple[str, ...]) -> dict[str, float]:
    """CPU to redact one 20,000-character message of each text (a fresh budget each; best of three)."""
    from backend.privacy import redaction

    redaction.warm_up()
    out = {}
    for name in names:
        text = TEXTS[name](20_000)
        best = float("inf")
        for _ in range(REPEATS):
            redaction._VERDICTS.clear()  # no verdict remembered from the run before
            started = time.process_time()
            redaction.redact(text)
            best = min(best, time.process_time() - started)
        out[name] = round(best * 1000, 1)
    return out


def main() -> None:
    from litestar.testing import TestClient

    from backend.app import create_app
    from backend.services import evaluation
    from backend.services import kb as kb_service
    from backend.services import users as user_service
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    work = Path(tempfile.mkdtemp(prefix="tandem-hostile-"))
    rt = Runtime(load_settings(work, env={"TANDEM_LLM": "extractive", "TANDEM_ASSIST_RATE_PER_MIN": "0"}))
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    token = user_service.add_user(rt, "agent", "agent")
    curator = {"Authorization": f"Bearer {user_service.add_user(rt, 'curator', 'knowledge_manager')}"}
    auth = {"Authorization": f"Bearer {token}"}
    sse = {**auth, "Accept": "text/event-stream"}
    cases: list[dict] = []
    names = SMOKE_TEXTS if SMOKE else tuple(TEXTS)
    with TestClient(create_app(runtime=rt)) as client:
        client.post("/v1/assist", json={"messages": [{"text": "warm up"}]}, headers=auth)

        def record(route: str, text: str, layout: str, send: Callable[[], object]) -> None:
            result = {"route": route, "text": text, "layout": layout, **measure(send)}
            cases.append(result)
            print(json.dumps(result), flush=True)

        # The reviewer's requests: a 3.9 MB subject to assist, the same text as a summary's URL.
        phones = TEXTS["phones (the reviewer's)"](3_900_000)
        record("POST /v1/assist", "3.9 MB subject", "1 x 20",
               lambda: client.post("/v1/assist", json={"subject": phones, "messages": [{"text": "hi"}]}, headers=auth))
        record("POST /v1/summaries", "3.9 MB url", "1 x 20",
               lambda: client.post("/v1/summaries", json={"url": "https://x.example/" + phones,
                                                          "messages": [{"text": "hi"}]}, headers=auth))
        suggestion = client.post("/v1/assist", json={"messages": [{"text": "refund?"}]}, headers=auth).json()
        for name in names:
            make = TEXTS[name]
            for layout in ((10, 20_000), (200, 1_000)):
                conversation = body(make, layout)
                label = f"{layout[0]} x {layout[1]:,}"
                record("POST /v1/assist", name, label,
                       lambda c=conversation: client.post("/v1/assist", json=c, headers=auth))
                record("POST /v1/assist (SSE)", name, label,
                       lambda c=conversation: client.post("/v1/assist", json=c, headers=sse))
                record("POST /v1/summaries", name, label,
                       lambda c=conversation: client.post("/v1/summaries", json=c, headers=auth))
            record("POST /v1/feedback", name, "final_text 20,000",
                   lambda m=make: client.post("/v1/feedback", headers=auth, json={
                       "suggestion_id": suggestion["suggestions"][0]["id"], "action": "edited",
                       "final_text": m(20_000)}))
            record("GET /v1/kb/search", name, "q 2,000, k 50",
                   lambda m=make: client.get("/v1/kb/search", params={"q": m(2000), "k": 50}, headers=auth))
        # Golden questions at the work limit (a question is 1 unit plus 1 per 100 characters), at each length.
        prose = TEXTS["help-centre prose"](400_000)
        for chars in (10, 99, 500, 1900):
            count = int(evaluation.MAX_API_WORK // (1 + chars / evaluation.QUESTION_CHARS_PER_UNIT))
            questions = [{"query": prose[i * 101:i * 101 + chars], "expected_article_id": None} for i in range(count)]
            record("POST /v1/eval/questions", "help-centre prose", f"{count} x {chars:,}, k 20",
                   lambda q=questions: client.post("/v1/eval/questions", json={"questions": q, "k": 20},
                                                   headers=curator))
    rt.close()
    one_message = redaction_ms(names)
    print(json.dumps({"redaction of one 20,000-character message (ms)": one_message}), flush=True)
    bad = [c for c in cases if c["status"] not in (200, 201, 413)]
    worst = max(cases, key=lambda c: c["cpu_s"])
    by_route = {route: max(c["cpu_s"] for c in cases if c["route"] == route) for route in {c["route"] for c in cases}}
    targets = {f"every request <= {BOUND_S} s CPU": worst["cpu_s"] <= BOUND_S, "no request failed": not bad}
    path = write_result("hostile", {
        "bound_cpu_s": BOUND_S, "repeats": REPEATS, "embedder": rt.settings.embedder, "engine": "extractive",
        "worst": worst, "worst_cpu_s_by_route": dict(sorted(by_route.items())), "targets_met": targets,
        "redaction_of_one_20000_char_message_ms": one_message, "cases": cases})
    print(json.dumps({"worst": worst, "by_route": by_route}, indent=2))
    print(targets, "->", path)


if __name__ == "__main__":
    main()
