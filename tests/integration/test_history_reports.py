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


# ---- handoff metrics ----------------------------------------------------------------------------------------

def _timed(ticket: str, *turns: tuple[str, str, str | None, str | None]) -> dict:
    """A conversation from (role, text, author, at) turns."""
    return {"helpdesk": "zendesk", "ticket_id": ticket, "messages": [
        {"id": f"m{i + 1}", "role": role, "text": text, **({"author": author} if author else {}),
         **({"at": at} if at else {})} for i, (role, text, author, at) in enumerate(turns)]}


HANDOFF = [
    # with suggestions (an agent inserted one): first reply 10 min, handle 10 min
    _timed("W1", ("customer", "Where is my parcel? It was due Monday.", None, "2026-11-02T10:00:00Z"),
           ("agent", "It is with the courier and arrives tomorrow.", "Sanne", "2026-11-02T10:10:00Z")),
    # with suggestions, reopened: the customer writes again 30 h after Sanne's reply; Piet answers
    _timed("W2", ("customer", "How long until I get my refund?", None, "2026-11-03T09:00:00Z"),
           ("agent", "Refunds take 5 to 10 business days.", "Sanne", "2026-11-03T09:20:00Z"),
           ("note", "Checked the payment provider.", "Sanne", "2026-11-03T12:00:00Z"),
           ("customer", "It has been a week and nothing came.", None, "2026-11-04T15:20:00Z"),
           ("agent", "I have chased it with billing today.", "Piet", "2026-11-04T15:40:00Z")),
    # without: first reply 2 h, handle 3 h, the next week; an agent follow-up is not a reopen
    _timed("N1", ("customer", "Can I change my delivery address?", None, "2026-11-09T10:00:00Z"),
           ("agent", "Yes, from your account page.", "Piet", "2026-11-09T12:00:00Z"),
           ("agent", "Done for you, by the way.", "Piet", "2026-11-09T13:00:00Z")),
    # not measured: no agent reply; no times at all
    _timed("N2", ("customer", "Hello? Anyone there?", None, "2026-11-09T10:00:00Z")),
    _timed("N3", ("customer", "Do you ship to Norway?", None, None), ("agent", "We do.", "Piet", None)),
]


def _handoff_store(rt) -> None:
    import msgspec

    from backend.models import Conversation
    from backend.services import assist, feedback
    from backend.services import conversations as conv_service
    from backend.services import users as user_service

    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    user_service.add_user(rt, "ana", "agent")
    ana = next(u.id for u in user_service.list_users(rt) if u.name == "ana")
    for raw in HANDOFF:
        conversation = msgspec.convert(raw, Conversation)
        if raw["ticket_id"].startswith("W"):  # assisted live, and a suggestion was inserted
            result = assist.assist(rt, conversation, user_id=ana)
            feedback.record(rt, suggestion_id=result.suggestions[0].id, action="inserted", rating=None,
                            final_text=None, user_id=ana)
        else:
            conv_service.store(rt, conv_service.prepare(conversation, key=rt.pseudonym_key))


def test_handoff_metrics_with_and_without_suggestions_per_week_and_agent(any_runtime):
    from backend.services import handoff

    rt = any_runtime
    _handoff_store(rt)
    rows = {r.ticket_id: r for r in handoff.measure(rt)}
    assert set(rows) == {"W1", "W2", "N1"}  # N2 has no reply, N3 no times
    assert (rows["W1"].first_reply_s, rows["W1"].handle_s, rows["W1"].reopened) == (600, 600, False)
    assert (rows["W2"].first_reply_s, rows["W2"].handle_s, rows["W2"].reopened) == (1200, 110400, True)
    assert (rows["N1"].first_reply_s, rows["N1"].handle_s, rows["N1"].reopened) == (7200, 10800, False)
    assert rows["W2"].agents == ["Sanne", "Piet"] and rows["W2"].first_replier == "Sanne"
    assert rows["W1"].with_suggestions and not rows["N1"].with_suggestions
    data = analytics.build(rt)["handoff"]
    assert data["measured"] == 3 and data["idle_h"] == 24.0
    assert data["overall"]["with_suggestions"] == {"conversations": 2, "first_reply_median_s": 900.0,
                                                   "handle_median_s": 55500.0, "reopened": 1, "reopen_rate": 0.5}
    assert data["overall"]["without"] == {"conversations": 1, "first_reply_median_s": 7200.0,
                                          "handle_median_s": 10800.0, "reopened": 0, "reopen_rate": 0.0}
    weeks = {w["week"]: w for w in data["by_week"]}
    assert sorted(weeks) == ["2026-W45", "2026-W46"]
    assert weeks["2026-W45"]["with_suggestions"]["conversations"] == 2
    assert weeks["2026-W45"]["without"]["conversations"] == 0
    assert weeks["2026-W45"]["without"]["first_reply_median_s"] is None
    assert weeks["2026-W46"]["without"]["conversations"] == 1
    agents = {a["agent"]: a for a in data["by_agent"]}
    assert agents["Sanne"]["with_suggestions"]["conversations"] == 2
    assert agents["Sanne"]["with_suggestions"]["first_reply_median_s"] == 900.0
    # Piet replied in W2 but not first: the conversation counts for him, its first reply does not.
    assert agents["Piet"]["with_suggestions"] == {"conversations": 1, "first_reply_median_s": None,
                                                  "handle_median_s": 110400.0, "reopened": 1, "reopen_rate": 1.0}
    assert agents["Piet"]["without"]["first_reply_median_s"] == 7200.0
    # A longer idle setting: 30 h of silence is no longer a reopen.
    import msgspec

    rt.settings = msgspec.structs.replace(rt.settings, qa_idle_h=48.0)
    assert not {r.ticket_id: r for r in handoff.measure(rt)}["W2"].reopened


def test_handoff_in_the_report_html_cli_export_and_api(tmp_path):
    from litestar.testing import TestClient

    from backend.app import create_app
    from backend.services import users as user_service
    from tests.conftest import TEST_EMBEDDER, make_runtime

    data = tmp_path / "data"
    rt = make_runtime(data, embedder=TEST_EMBEDDER)
    try:
        _handoff_store(rt)
        page = analytics.render_html(analytics.build(rt))
        week = re.search(r'<table data-table="handoff-by-week">.*?</table>', page, re.S).group(0)
        assert "2026-W45" in week and "15 min" in week and "50%" in week  # median first reply; reopen rate
        assert '<table data-table="handoff-by-agent">' in page and "Sanne" in page
        lead = user_service.add_user(rt, "lin", "lead")
        agent = user_service.add_user(rt, "bo", "agent")
        with TestClient(create_app(runtime=rt)) as client:
            r = client.get("/v1/reports/handoff", headers={"Authorization": f"Bearer {lead}"})
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
            lines = r.text.splitlines()
            assert lines[0] == ("conversation_id,helpdesk,ticket_id,week,first_customer_at,first_reply_s,handle_s,"
                                "reopened,with_suggestions,first_replier,agents") and len(lines) == 4
            assert any(",W2,2026-W45," in line and ",1,1,Sanne,Sanne | Piet" in line for line in lines)
            r = client.get("/v1/reports/handoff?format=jsonl&since=2026-11-09",
                           headers={"Authorization": f"Bearer {lead}"})
            assert [json.loads(x)["ticket_id"] for x in r.text.splitlines()] == ["N1"]
            assert client.get("/v1/reports/handoff?format=xml",
                              headers={"Authorization": f"Bearer {lead}"}).status_code == 400
            assert client.get("/v1/reports/handoff", headers={"Authorization": f"Bearer {agent}"}).status_code == 403
    finally:
        rt.close()
    cli = CLI(data)
    out = tmp_path / "handoff.csv"
    cli.run("report", "--out", str(tmp_path / "r.html"), "--handoff-out", str(out))
    assert out.read_text().splitlines()[0].startswith("conversation_id,helpdesk,ticket_id,week")
    report = cli.json("report", "--json")
    assert report["handoff"]["measured"] == 3
