"""A lead's first report after importing past conversations (issue 29): signals, escalation reasons and topics
computed for imported history (on import, and by the bounded, resumable "history" job), on both backends."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from backend.services import analytics, history
from backend.services import kb as kb_service
from tests.conftest import CLI, ROOT

START = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
REFUND = "https://help.harborandpine.example/articles/refund-timing"
KINDS = [
    # (customer's first message, agent's reply)
    ("How long until I get my refund for the lamp I returned last week?",
     f"Refunds reach your card within 5 to 10 business days after we receive the return: {REFUND}"),
    ("My order is late, it was supposed to arrive Monday. Where is my parcel?",
     "Your parcel is with the courier and should arrive tomorrow."),
    ("I was charged twice for the same order!! This is the second time I write. I want a chargeback and I will "
     "leave a review about this.", "I'm sorry about the double charge, I have passed this to billing."),
    ("Can I change the delivery address on my order before it ships?",
     "Yes, you can change it from your account page until the order ships."),
    ("Can you recommend a good pizza place near the harbour tonight?", "I'm afraid I can't help with that one."),
]


def past_conversations(n: int) -> list[dict]:
    """`n` past conversations over three weeks, each a customer question and an agent's reply 40 minutes later."""
    out = []
    for i in range(n):
        question, reply = KINDS[i % len(KINDS)]
        asked = START + timedelta(hours=3 * i)
        out.append({"helpdesk": "zendesk", "ticket_id": f"H-{i}", "subject": question[:40], "messages": [
            {"id": "c1", "role": "customer", "text": question, "at": _iso(asked)},
            {"id": "a1", "role": "agent", "text": reply, "author": "Sanne" if i % 2 else "Piet",
             "at": _iso(asked + timedelta(minutes=40))}]})
    return out


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_first_report_after_importing_150_conversations_says_something(tmp_path):
    data = tmp_path / "data"
    cli = CLI(data)
    cli.run("kb", "import", str(ROOT / "kb"), "--source", "demo")
    cli.run("conversations", "import", str(_write(tmp_path / "past.jsonl", past_conversations(150))))
    report = cli.json("report", "--json")
    assert report["totals"]["conversations"] == 150 and report["totals"]["assist_requests"] == 0
    assert report["totals"]["history_conversations"] == 150
    days = report["signals_by_day"]
    assert sum(d["history"] for d in days) == 150 and all(d["requests"] == 0 for d in days)
    assert days[0]["day"] == "2026-10-05"
    assert sum(d["escalation_high"] for d in days) == 30  # the chargeback-and-review customers, one in five
    assert any(d["mean_sentiment"] != 0 for d in days)
    reasons = " ".join(r["reason"] for r in report["escalation_reasons"]).lower()
    assert "chargeback" in reasons
    topics = {t["article_id"]: t for t in report["top_topics"]}
    assert topics["refund-timing"]["conversations"] == 30 and topics["refund-timing"]["cited"] == 0  # linked
    assert sum(t["conversations"] for t in report["top_topics"]) >= 60
    # The HTML report: none of those sections is empty any more.
    out = tmp_path / "report.html"
    cli.run("report", "--out", str(out))
    page = out.read_text()
    for chart in ("sentiment-over-time", "escalation-over-time", "top-topics"):
        figure = re.search(rf'<figure data-chart="{chart}">.*?</figure>', page, re.S).group(0)
        assert "No data for this period" not in figure and "<svg" in figure, chart
    assert '<table data-table="escalation-reasons">' in page
    # A period selects history by when it happened (last activity), not when it was imported.
    week = cli.json("report", "--json", "--since", "2026-10-05", "--until", "2026-10-12")
    assert 0 < week["totals"]["history_conversations"] < 150
    assert cli.json("report", "--json", "--since", "2026-12-01")["totals"]["history_conversations"] == 0


def test_history_analysis_is_bounded_and_resumable(any_runtime, tmp_path):
    """Conversations stored before this release (no signals, no topic) are analyzed by the periodic job a
    bounded batch at a time, picking up where the last run stopped; a new message makes one current again."""
    rt = any_runtime
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    path = tmp_path / "past.jsonl"
    history.import_history(rt, [_write(path, past_conversations(7))])
    assert history.analyze(rt).analyzed == 0  # the import analyzed them already
    with rt.db.transaction():  # as a store from before this release has them
        rt.db.run("UPDATE conversation_context SET sentiment = NULL, topic_as_of = NULL")
    assert analytics.build(rt)["totals"]["history_conversations"] == 0
    first = history.analyze(rt, limit=3)
    assert (first.analyzed, first.more) == (3, True)
    assert analytics.build(rt)["totals"]["history_conversations"] == 3
    second = history.analyze(rt, limit=3)
    third = history.analyze(rt, limit=3)
    assert (second.analyzed, second.more, third.analyzed, third.more) == (3, True, 1, False)
    assert history.analyze(rt, limit=3).analyzed == 0
    built = analytics.build(rt)
    assert built["totals"]["history_conversations"] == 7
    assert {t["article_id"] for t in built["top_topics"]} >= {"refund-timing"}
    # A conversation that goes on is analyzed again through its new last message.
    grown = past_conversations(1)[0]
    grown["messages"].append({"id": "c2", "role": "customer", "text": "Thanks, that answers it.",
                              "at": _iso(START + timedelta(days=1))})
    history.import_history(rt, [_write(path, [grown])])
    assert history.analyze(rt).analyzed == 0  # done at import
    row = rt.db.row("SELECT x.topic_as_of, c.last_activity_at FROM conversation_context x JOIN conversations c "
                    "ON c.id = x.conversation_id WHERE c.ticket_id = 'H-0'")
    assert row is not None and row[0] == row[1]


def test_the_server_runs_the_history_job(any_runtime, monkeypatch, tmp_path):
    from backend import tuning
    from backend.app import start_jobs
    from tests.conftest import wait_for

    rt = any_runtime
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    path = tmp_path / "past.jsonl"
    history.import_history(rt, [_write(path, past_conversations(4))])
    with rt.db.transaction():
        rt.db.run("UPDATE conversation_context SET sentiment = NULL, topic_as_of = NULL")
    monkeypatch.setattr(tuning, "HISTORY_EVERY_S", 0.2)
    jobs = start_jobs(rt)
    try:
        wait_for(lambda: analytics.build(rt)["totals"]["history_conversations"] == 4, timeout=60)
    finally:
        for job in jobs:
            job.stop()
