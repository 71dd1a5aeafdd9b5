"""Knowledge upkeep: owners and review dates, `kb verify`, the review queue, drift from what agents say,
update drafts through approval, and the re-import warning (issue 27)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from backend.services import kb as kb_service
from backend.services.kb_formats import read_file
from backend.services.readers import FileFormatError
from tests.conftest import CLI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upkeep"


def _md(folder: Path, name: str, front: str, body: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    return path


def test_front_matter_review_fields(tmp_path):
    path = _md(tmp_path, "a", "id: a\ntitle: A\nowner: Ana\nreviewed_at: 2026-09-01\nreview_every_days: 90", "Body.")
    (article,) = read_file(path, tmp_path)
    assert (article.owner, article.reviewed_at, article.review_every_days) == ("Ana", "2026-09-01", 90)
    bad = _md(tmp_path, "b", "id: b\nreviewed_at: last spring", "Body.")
    with pytest.raises(FileFormatError, match="not a date"):
        read_file(bad, tmp_path)


def test_csv_and_zendesk_review_fields(tmp_path):
    csv_path = tmp_path / "kb.csv"
    csv_path.write_text("id,title,body,owner,reviewed_at\nx,Title,Body text,Ben,2026-10-02T08:00:00Z\n")
    (row,) = read_file(csv_path, tmp_path)
    assert (row.owner, row.reviewed_at) == ("Ben", "2026-10-02")
    zendesk = tmp_path / "hc.json"
    zendesk.write_text(json.dumps({"articles": [{"id": 7, "title": "Zed", "body": "<p>Zed body</p>",
                                                 "updated_at": "2026-08-15T12:30:00Z"}]}))
    (article,) = read_file(zendesk, tmp_path, "zendesk")
    assert article.reviewed_at == "2026-08-15"


def test_verify_and_overdue(tmp_path, runtime):
    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "old", "id: old\ntitle: Old\nowner: Ana\nreviewed_at: 2025-01-10", "Old article text.")
    _md(kb, "new", "id: new\ntitle: New\nreview_every_days: 30", "New article text.")
    kb_service.import_paths(runtime, [kb])
    listed = {a.article_id: a for a in kb_service.list_articles(runtime)}
    assert listed["old"].due_at == "2025-07-09"  # 180 days, the default period
    assert listed["new"].reviewed_at is None and listed["new"].due_at is None
    detail = kb_service.verify(runtime, "new", by="Ben", on=dt.date(2026, 12, 1))
    assert (detail.reviewed_at, detail.reviewed_by, detail.due_at) == ("2026-12-01", "Ben", "2026-12-31")
    # Importing the file again keeps the newer review date (the file has none, or an older one).
    kb_service.import_paths(runtime, [kb])
    assert kb_service.get_article(runtime, "new").reviewed_at == "2026-12-01"  # type: ignore[union-attr]
    with pytest.raises(kb_service.ArticleNotFound):
        kb_service.verify(runtime, "missing")


def test_cli_verify_and_show(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "a", "id: a\ntitle: Alpha\nowner: Ana", "Alpha text.")
    cli = CLI(tmp_path / "data")
    cli.run("kb", "import", str(kb))
    out = cli.run("kb", "verify", "a", "--by", "Ana").stdout
    assert f"reviewed {dt.date.today().isoformat()} by Ana" in out
    shown = json.loads(cli.run("kb", "show", "a", "--json").stdout)
    assert shown["owner"] == "Ana" and shown["reviewed_by"] == "Ana" and shown["due_at"]
    listed = json.loads(cli.run("kb", "list", "--json").stdout)
    assert listed[0]["reviewed_at"] == dt.date.today().isoformat()


def _history_store(tmp_path: Path, history_name: str):
    from backend.services import history
    from tests.conftest import make_runtime

    rt = make_runtime(tmp_path / "store")
    kb_service.import_paths(rt, [FIXTURES / "kb"])
    history.import_history(rt, [FIXTURES / f"{history_name}.jsonl"])
    return rt


TODAY = dt.date(2026, 12, 7)  # every fixture article was reviewed on 2026-11-20: none is overdue


def test_drift_found_on_the_two_contradicted_articles(tmp_path):
    from backend.services import upkeep

    rt = _history_store(tmp_path, "drift")
    try:
        queue = upkeep.review_queue(rt, today=TODAY)
        assert sorted(row.article_id for row in queue) == ["delivery-fees", "returns"]
        by_id = {row.article_id: row for row in queue}
        for article_id, ours, theirs in (("returns", "30 days", "14 days"), ("delivery-fees", "€4.95", "€6.50")):
            (reason,) = by_id[article_id].reasons
            assert reason.kind == "drift"
            assert f'"{ours}"' in reason.detail and f'"{theirs}"' in reason.detail
            assert len(reason.evidence) >= 5
            assert all(theirs in e.text and e.ticket_id.startswith("T") for e in reason.evidence)
        # service-booking: one agent said 24 hours once, two said the article's 48: not drift.
        assert "service-booking" not in by_id
    finally:
        rt.close()


def test_no_drift_when_agents_repeat_the_article(tmp_path):
    from backend.services import upkeep

    rt = _history_store(tmp_path, "steady")
    try:
        assert upkeep.find_drift(rt) == {}
        assert upkeep.review_queue(rt, today=TODAY) == []
    finally:
        rt.close()


def test_overdue_and_never_reviewed_in_the_queue(tmp_path, runtime):
    from backend.services import upkeep

    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "late", "id: late\ntitle: Late\nreviewed_at: 2026-01-01\nreview_every_days: 30", "Late text.")
    _md(kb, "never", "id: never\ntitle: Never", "Never text.")
    _md(kb, "fresh", "id: fresh\ntitle: Fresh\nreviewed_at: 2026-12-01", "Fresh text.")
    kb_service.import_paths(runtime, [kb])
    queue = {row.article_id: row for row in upkeep.review_queue(runtime, today=TODAY)}
    assert set(queue) == {"late", "never"}
    assert queue["late"].reasons[0].kind == "overdue" and queue["late"].due_at == "2026-01-31"
    assert queue["never"].reasons[0].kind == "never_reviewed"
    assert queue["late"].score > queue["never"].score  # ten periods late beats never reviewed
    kb_service.verify(runtime, "late", by="Ana", on=TODAY)
    assert "late" not in {row.article_id for row in upkeep.review_queue(runtime, today=TODAY)}


def test_update_drafts_through_approval_and_the_reimport_warning(tmp_path):
    from backend.services import faq as faq_service
    from backend.services import upkeep

    rt = _history_store(tmp_path, "drift")
    try:
        report = faq_service.mine(rt, min_count=5)
        assert report.update_drafts == 2
        drafts = {d.article_id: d for d in faq_service.list_drafts(rt) if d.kind == "update"}
        assert set(drafts) == {"returns", "delivery-fees"}
        assert "within 14 days of delivery" in drafts["returns"].answer
        assert "30 days" not in drafts["returns"].answer
        assert "€6.50 per order" in drafts["delivery-fees"].answer
        assert len(drafts["returns"].evidence) >= 5 and drafts["returns"].suggested_action == "update_article"
        assert faq_service.mine(rt, min_count=5).update_drafts == 0  # a pending draft is not proposed twice

        approved = faq_service.approve(rt, drafts["returns"].id, user="Chloe")
        assert approved.status == "approved" and approved.article_id == "returns"
        article = kb_service.get_article(rt, "returns")
        assert article is not None and "within 14 days of delivery" in article.body
        assert article.reviewed_by == "Chloe" and article.reviewed_at == dt.date.today().isoformat()
        hits = kb_service.search(rt, "how many days do I have to return a bike", k=3)
        assert any(h.article_id == "returns" and "14 days" in h.text for h in hits)  # re-chunked, re-indexed
        # Agents now agree with the article: it no longer drifts.
        assert "returns" not in {d[0].article.article_id for d in upkeep.find_drift(rt).values()}

        again = kb_service.import_paths(rt, [FIXTURES / "kb"])
        assert any("returns" in note and "approved update" in note for note in again.notes)
        article = kb_service.get_article(rt, "returns")
        assert article is not None and "14 days" in article.body
    finally:
        rt.close()


def test_reimport_after_an_approved_update_applies_a_changed_source(tmp_path):
    """Only the text the update replaced is held back: the team editing the source file still wins."""
    import shutil

    from backend.services import faq as faq_service
    from backend.services import history
    from tests.conftest import make_runtime

    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", kb)
    rt = make_runtime(tmp_path / "store")
    try:
        kb_service.import_paths(rt, [kb])
        history.import_history(rt, [FIXTURES / "drift.jsonl"])
        faq_service.mine(rt, min_count=5)
        (draft,) = [d for d in faq_service.list_drafts(rt) if d.article_id == "returns"]
        faq_service.approve(rt, draft.id, user="Chloe")
        source = kb / "returns.md"
        source.write_text(source.read_text(encoding="utf-8").replace("within 30 days", "within 21 days"),
                          encoding="utf-8")
        report = kb_service.import_paths(rt, [kb])
        assert not any("approved update" in note for note in report.notes)
        article = kb_service.get_article(rt, "returns")
        assert article is not None and "within 21 days" in article.body and "14 days" not in article.body
    finally:
        rt.close()


def test_rejected_update_is_not_proposed_again(tmp_path):
    from backend.services import faq as faq_service

    rt = _history_store(tmp_path, "drift")
    try:
        faq_service.mine(rt, min_count=5)
        (draft,) = [d for d in faq_service.list_drafts(rt) if d.article_id == "delivery-fees"]
        faq_service.reject(rt, draft.id, user="Dev", reason="the fee rise is not live yet")
        assert faq_service.mine(rt, min_count=5).update_drafts == 0
    finally:
        rt.close()


def test_edited_suggestions_flag_the_article_and_drift_from_final_texts(tmp_path, runtime):
    from backend.models import Citation, Suggestion
    from backend.services import feedback, upkeep
    from backend.store import conversations as conv_store

    kb_service.import_paths(runtime, [FIXTURES / "kb"])
    suggested = "You can book your service at least 48 hours ahead in the app or in store [1]."
    sent = ("You can book your service at least 72 hours ahead in the app or in store, as our workshop is "
            "busy this season.")
    with runtime.db.transaction():
        conv_store.save_suggestions(runtime.db, None, None, [
            Suggestion(id=f"s{n}", kind="answer", text=suggested, confidence=0.9, grounded=True,
                       citations=[Citation("service-booking", "Booking a bike service", None, 1, "Book")])
            for n in range(4)], engine="extractive", degraded=False, prompt_version="test")
    for n in range(4):
        feedback.record(runtime, suggestion_id=f"s{n}", action="edited", rating=None, final_text=sent, user_id=None)
    (row,) = upkeep.review_queue(runtime, today=TODAY)
    assert row.article_id == "service-booking"
    kinds = {reason.kind: reason for reason in row.reasons}
    assert set(kinds) == {"edited", "drift"}  # heavily edited, and the sent texts state 72 hours
    assert '"72 hours"' in kinds["drift"].detail and len(kinds["edited"].evidence) == 4


def test_report_has_the_review_queue(tmp_path):
    from backend.services import analytics

    rt = _history_store(tmp_path, "drift")
    try:
        data = analytics.build(rt)
        assert data["knowledge_upkeep"]["articles"] == 2 and data["knowledge_upkeep"]["by_reason"] == {"drift": 2}
        page = analytics.render_html(data)
        assert "Knowledge that needs a review" in page and "agents say &quot;14 days&quot;" in page
    finally:
        rt.close()


def test_citations_carry_freshness(tmp_path):
    from backend.models import Conversation, Message
    from backend.services import assist, upkeep

    rt = _history_store(tmp_path, "drift")
    try:
        upkeep.review_queue(rt)  # an upkeep run remembers which articles drift
        conversation = Conversation(messages=[Message(id="m1", role="customer",
                                                      text="How many days do I have to return an unused bike?")])
        done = next(data for event, data in assist.assist_events(rt, conversation, persist=False) if event == "done")
        citations = [c for s in done.suggestions for c in s.citations if c.article_id == "returns"]
        assert citations, "the returns article answers this"
        fresh = citations[0].freshness
        assert fresh is not None and fresh.drift and not fresh.overdue
        assert (fresh.reviewed_at, fresh.owner) == ("2026-11-20", "Ana")
        assert upkeep.freshness(rt, ["rental"])["rental"].drift is False
        assert upkeep.freshness(rt, ["rental"], today=dt.date(2027, 6, 1))["rental"].overdue
    finally:
        rt.close()


def test_api_verify_and_stale(tmp_path):
    from litestar.testing import TestClient

    from backend.app import create_app
    from backend.services import users as user_service

    rt = _history_store(tmp_path, "drift")
    try:
        tokens = {role: user_service.add_user(rt, f"u-{role}", role) for role in ("agent", "knowledge_manager")}
        with TestClient(create_app(runtime=rt)) as client:
            manager = {"Authorization": f"Bearer {tokens['knowledge_manager']}"}
            agent = {"Authorization": f"Bearer {tokens['agent']}"}
            assert client.get("/v1/kb/stale", headers=agent).status_code == 403
            queue = client.get("/v1/kb/stale", headers=manager).json()
            assert sorted(row["article_id"] for row in queue) == ["delivery-fees", "returns"]
            assert queue[0]["reasons"][0]["evidence"][0].keys() == {"ticket_id", "message_id", "text"}
            assert client.post("/v1/kb/articles/rental/verify", headers=agent).status_code == 403
            r = client.post("/v1/kb/articles/rental/verify", headers=manager)
            assert r.status_code == 200 and r.json()["reviewed_by"] == "u-knowledge_manager"
            assert client.post("/v1/kb/articles/nope/verify", headers=manager).status_code == 404
            # a review "date" no calendar has (the API fuzzer's) is refused, and the queue still answers
            bad = {"source": "api", "articles": [{"external_id": "odd", "title": "Odd", "body": "Some text.",
                                                   "reviewed_at": "0000-13-99"}]}
            refused = client.post("/v1/kb/articles", json=bad, headers=manager)
            assert refused.status_code == 400 and "reviewed_at" in refused.json()["detail"]
            assert client.get("/v1/kb/stale", headers=manager).status_code == 200
    finally:
        rt.close()


def test_cli_stale_json(tmp_path):
    cli = CLI(tmp_path / "data")
    cli.run("kb", "import", str(FIXTURES / "kb"))
    cli.run("conversations", "import", str(FIXTURES / "drift.jsonl"))
    rows = json.loads(cli.run("kb", "stale", "--json").stdout)
    # the fixtures were reviewed on 2026-11-20: by the time they are 180 days old, they are overdue too
    assert {row["article_id"] for row in rows if any(r["kind"] == "drift" for r in row["reasons"])} == {
        "delivery-fees", "returns"}
    assert set(rows[0]) == {"article_id", "source", "title", "owner", "reviewed_at", "due_at", "score", "reasons"}
    assert "articles need a review" in cli.run("kb", "stale").stdout


def test_cli_update_draft_review_and_approve(tmp_path):
    cli = CLI(tmp_path / "data")
    cli.run("kb", "import", str(FIXTURES / "kb"))
    cli.run("conversations", "import", str(FIXTURES / "drift.jsonl"))
    assert "2 article updates proposed" in cli.run("faq", "mine").stdout
    drafts = {d["article_id"]: d for d in json.loads(cli.run("faq", "list", "--json").stdout) if d["kind"] == "update"}
    shown = cli.run("faq", "show", str(drafts["delivery-fees"]["id"])).stdout
    assert "Update of article delivery-fees" in shown and "€6.50" in shown and "What agents said" in shown
    out = cli.run("faq", "approve", str(drafts["delivery-fees"]["id"])).stdout
    assert "KB article delivery-fees updated and marked reviewed" in out
    again = cli.run("kb", "import", str(FIXTURES / "kb"), "--json")
    assert "approved update" in again.stderr


def test_api_upsert_takes_review_fields_and_reports_notes(tmp_path):
    from litestar.testing import TestClient

    from backend.app import create_app
    from backend.services import users as user_service
    from tests.conftest import make_runtime

    rt = make_runtime(tmp_path / "api")
    try:
        token = user_service.add_user(rt, "km", "knowledge_manager")
        with TestClient(create_app(runtime=rt)) as client:
            body = {"source": "web", "articles": [{"external_id": "w1", "title": "Web", "body": "Web text.",
                                                   "owner": "Ana", "reviewed_at": "2026-11-02"}]}
            r = client.post("/v1/kb/articles", json=body, headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200 and r.json()["notes"] == []
            article = client.get("/v1/kb/articles/w1", headers={"Authorization": f"Bearer {token}"}).json()
            assert (article["owner"], article["reviewed_at"]) == ("Ana", "2026-11-02")
            body["articles"][0]["reviewed_at"] = "last week"
            assert client.post("/v1/kb/articles", json=body,
                               headers={"Authorization": f"Bearer {token}"}).status_code == 400
    finally:
        rt.close()


def test_upkeep_on_each_backend(any_runtime):
    """The migration, drift, the queue, an update draft through approval and freshness, on SQLite and PostgreSQL."""
    from backend.services import faq as faq_service
    from backend.services import history, upkeep

    rt = any_runtime
    kb_service.import_paths(rt, [FIXTURES / "kb"])
    history.import_history(rt, [FIXTURES / "drift.jsonl"])
    assert sorted(row.article_id for row in upkeep.review_queue(rt, today=TODAY)) == ["delivery-fees", "returns"]
    assert faq_service.mine(rt, min_count=5).update_drafts == 2
    (draft,) = [d for d in faq_service.list_drafts(rt) if d.article_id == "returns"]
    assert draft.kind == "update" and len(draft.evidence) >= 5
    faq_service.approve(rt, draft.id, user="Ana")
    assert kb_service.get_article(rt, "returns").reviewed_by == "Ana"  # type: ignore[union-attr]
    assert upkeep.freshness(rt, ["delivery-fees"])["delivery-fees"].drift
    kb_service.verify(rt, "rental", by="Ben", on=TODAY)
    assert kb_service.get_article(rt, "rental").reviewed_at == TODAY.isoformat()  # type: ignore[union-attr]


def test_export_writes_review_fields_back(tmp_path, runtime):
    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "a", "id: a\ntitle: Alpha\nowner: Ana\nreviewed_at: 2026-09-01\nreview_every_days: 90", "Alpha text.")
    kb_service.import_paths(runtime, [kb])
    kb_service.export(runtime, tmp_path / "out")
    (written,) = (tmp_path / "out").rglob("*.md")
    (article,) = read_file(written, written)
    assert (article.owner, article.reviewed_at, article.review_every_days) == ("Ana", "2026-09-01", 90)
