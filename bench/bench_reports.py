"""Team-lead benchmarks (writes bench/results/reports.json):

1. `tandem summaries export` over 1,000,000 stored summaries: wall time and the peak RSS of the CLI
   process, CSV and JSONL side by side, next to the RSS of a bare `tandem --help` (the import cost).
2. `tandem report` over 100,000 conversations with their assist signals, suggestions, feedback and
   knowledge gaps: wall time (target <= 10 s).

The stores are filled with bulk SQL here (fabricated bench data, not product code paths): going
through the API a million times would measure the API, not the export.

BENCH_SMOKE=1: at most 2,000 summaries and 2,000 conversations; writes smoke-reports.json (and
smoke-report.html instead of report-100k.html).

Usage: python -m bench.bench_reports [summaries] [conversations]
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import SMOKE, result_file, runtime, sized, write_result

TANDEM = str(Path(sys.executable).parent / "tandem")
ISSUES = ["refund for a returned lamp", "late delivery of a side table", "double charge on a card",
          "password reset link expired", "damaged mug set", "subscription charged after cancelling"]


def summary_body(i: int, rng: random.Random) -> str:
    issue = ISSUES[i % len(ISSUES)]
    return json.dumps({
        "issue": f"Customer reports a {issue}.", "customer_goal": "Get it resolved quickly.",
        "steps_taken": [{"text": "Agent checked the order history.", "message_ids": ["m2"]}],
        "promises": [{"text": "Agent will follow up within 24 hours.", "message_ids": ["m3"]}],
        "open_questions": [{"text": "Which card was charged?", "message_ids": ["m1"]}],
        "next_steps": [{"text": "Confirm the refund once the return is scanned.", "message_ids": []}],
        "sentiment": rng.choice(["positive", "neutral", "negative"]), "handoff_reason": "",
        "entities": {"order_ids": [f"HP-{100000 + i}"], "amounts": ["$49.00"], "dates": []},
        "text": f"The customer says that there is a {issue} on order HP-{100000 + i}. The agent informs that a "
                "follow-up will come within 24 hours.",
        "engine": "extractive", "prompt_version": "extractive@1", "degraded": False})


def fill_summaries(db, count: int) -> None:
    rng = random.Random(0)
    with db.transaction():
        batch = 50_000
        for start in range(0, count, batch):
            rows = range(start, min(count, start + batch))
            db.run_many("INSERT INTO conversations (id, helpdesk, ticket_id, customer, created_at, updated_at, "
                        "last_activity_at) VALUES (?, 'zendesk', ?, '{}', ?, ?, ?)",
                        [(i + 1, f"T-{i}", *[f"2026-{1 + i % 11:02d}-10T10:00:00Z"] * 3) for i in rows])
            db.run_many("INSERT INTO summaries (conversation_id, body, engine, prompt_version, created_at) "
                        "VALUES (?, ?, 'extractive', 'extractive@1', ?)",
                        [(i + 1, summary_body(i, rng), f"2026-{1 + i % 11:02d}-10T11:00:00Z") for i in rows])


def measured(args: list[str], env: dict) -> dict:
    code = ("import json,resource,subprocess,sys,time\n"
            "t=time.perf_counter();subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL)\n"
            "print(json.dumps({'seconds':time.perf_counter()-t,"
            "'peak_rss_mb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024}))")
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, capture_output=True, text=True)
    data = json.loads(out.stdout)
    return {"seconds": round(data["seconds"], 1), "peak_rss_mb": round(data["peak_rss_mb"])}


def export_bench(count: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), "wordllama")
        fill_summaries(rt.db, count)
        rt.close()
        env = {**os.environ, "TANDEM_DATA_DIR": tmp, "TANDEM_EMBEDDER": "wordllama"}
        out = {"summaries": count, "bare_cli_help": measured([TANDEM, "--help"], env)}
        for fmt in ("csv", "jsonl"):
            target = Path(tmp) / f"export.{fmt}"
            result = measured([TANDEM, "summaries", "export", "--format", fmt, "--out", str(target)], env)
            with target.open("rb") as f:
                lines = sum(1 for _ in f)
            out[fmt] = {**result, "lines": lines, "mb_written": round(target.stat().st_size / 1e6)}
            target.unlink()
        out["targets"] = {"seconds": 60, "peak_rss_mb": 300}
        return out


def fill_activity(db, conversations: int) -> None:
    """Conversations with an assist request each (signals, suggestions), feedback on half, 5% gaps."""
    rng = random.Random(1)
    articles = [("late-orders", "My order is late"), ("refund-timing", "When will I get my refund?"),
                ("charged-twice", "I was charged twice"), ("reset-password", "Resetting your password")]
    gaps = ["Can I bring my dog to the showroom?", "Do you sell replacement lamp shades in velvet?",
            "Is there a discount for nurses?", "Can I pick up my order at the harbour warehouse?"]
    with db.transaction():
        db.run("INSERT INTO users (id, name, role, token_hash, created_at) VALUES "
               "(1, 'ana', 'agent', 'x1', '2026-01-01'), (2, 'bo', 'agent', 'x2', '2026-01-01')")
        for start in range(0, conversations, 20_000):
            rows = range(start, min(conversations, start + 20_000))
            day = [f"2026-{1 + i % 11:02d}-{1 + i % 28:02d}T10:00:00Z" for i in rows]
            db.run_many("INSERT INTO conversations (id, helpdesk, ticket_id, customer, created_at, updated_at, "
                        "last_activity_at) VALUES (?, 'zendesk', ?, '{}', ?, ?, ?)",
                        [(i + 1, f"T-{i}", d, d, d) for i, d in zip(rows, day, strict=True)])
            db.run_many(
                "INSERT INTO signal_events (conversation_id, user_id, sentiment, sentiment_score, urgency, escalation, "
                "reasons, grounded, created_at) VALUES (?, ?, ?, ?, 'low', ?, ?, ?, ?)",
                [(i + 1, 1 + i % 2, rng.choice(["positive", "neutral", "negative"]), rng.uniform(-1, 1),
                  rng.choice(["low", "low", "medium", "high"]), json.dumps(["repeat contact"] if i % 7 == 0 else []),
                  int(i % 20 != 0), d) for i, d in zip(rows, day, strict=True)])
            db.run_many(
                "INSERT INTO suggestions (id, conversation_id, user_id, kind, text, confidence, grounded, citations, "
                "engine, degraded, prompt_version, created_at) VALUES (?, ?, ?, 'answer', 'text', 0.8, 1, ?, "
                "'extractive', 0, 'extractive@1', ?)",
                [(f"s{i}", i + 1, 1 + i % 2, json.dumps([{"article_id": a, "title": t, "url": None, "chunk_id": 1,
                                                          "quote": "q"}]), d)
                 for i, d, (a, t) in ((i, d, articles[i % 4]) for i, d in zip(rows, day, strict=True))])
            db.run_many(
                "INSERT INTO feedback (suggestion_id, user_id, action, rating, final_text, edit_distance, created_at) "
                "VALUES (?, ?, ?, NULL, NULL, ?, ?)",
                [(f"s{i}", 1 + i % 2, ("inserted", "edited", "dismissed")[i % 3], 12 if i % 3 == 1 else None, d)
                 for i, d in zip(rows, day, strict=True) if i % 2 == 0])
            db.run_many(
                "INSERT INTO knowledge_gaps (conversation_id, question, created_at) VALUES (?, ?, ?)",
                [(i + 1, f"{gaps[i % 4]} (ticket {i % 300})", d) for i, d in zip(rows, day, strict=True) if i % 20 == 0])


def report_bench(conversations: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), "minilm-int8")
        fill_activity(rt.db, conversations)
        rt.close()
        env = {**os.environ, "TANDEM_DATA_DIR": tmp}
        out = Path(tmp) / "report.html"
        result = measured([TANDEM, "report", "--out", str(out)], env)
        numbers = measured([TANDEM, "report", "--json"], env)
        # Kept for the README screenshot (bench/bench_extension.mjs opens it in Chromium).
        keep = result_file("report.html" if SMOKE else "report-100k.html")  # smoke-report.html in smoke runs
        keep.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
        return {"conversations": conversations, "html": {**result, "kb_written": round(out.stat().st_size / 1024)},
                "json_only": numbers, "target_seconds": 10,
                "note": "includes CLI start-up and loading the WordLlama embedder for grouping knowledge gaps"}


def main() -> None:
    summaries = sized(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000, 2_000)
    conversations = sized(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000, 2_000)
    result = {"export": export_bench(summaries), "report": report_bench(conversations)}
    write_result("reports", result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
