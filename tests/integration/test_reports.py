"""Team leads: summary exports (CLI and streamed API), the HTML report and /dashboard, retention purge."""

from __future__ import annotations

import csv
import io
import json
import re

import msgspec
import pytest
from litestar.testing import TestClient

from backend.app import create_app
from backend.models import Conversation
from backend.services import assist, feedback, summaries
from backend.services import kb as kb_service
from backend.services import users as user_service
from backend.services.runtime import Runtime
from backend.settings import load_settings
from tests.conftest import CLI, ROOT, TEST_EMBEDDER

QUESTIONS = [
    ("zendesk", "How long until I get my refund for a returned lamp?"),
    ("zendesk", "My order is late, it was supposed to arrive Monday. Where is it?"),
    ("freshdesk", "I was charged twice for the same order!! This is the second time I write, I want a chargeback."),
    ("freshdesk", "Can you recommend a good pizza place near the harbour tonight?"),
]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A store with real activity: assist requests by two agents, feedback, summaries."""
    data = tmp_path_factory.mktemp("reports")
    rt = Runtime(load_settings(data, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    tokens = {name: user_service.add_user(rt, name, role)
              for name, role in (("ana", "agent"), ("bo", "agent"), ("lin", "lead"), ("kim", "knowledge_manager"))}
    ids = {u.name: u.id for u in user_service.list_users(rt)}
    for i, (desk, question) in enumerate(QUESTIONS):
        agent = "ana" if i % 2 == 0 else "bo"
        conv = msgspec.convert({"helpdesk": desk, "ticket_id": f"R-{i}", "customer": {"name": "Dana"},
                                "messages": [{"id": "m1", "role": "customer", "text": question}]}, Conversation)
        result = assist.assist(rt, conv, user_id=ids[agent])
        first = result.suggestions[0]
        action = ("inserted", "edited", "dismissed", "inserted")[i]
        feedback.record(rt, suggestion_id=first.id, action=action, rating=None,
                        final_text=first.text + " Thanks!" if action == "edited" else None, user_id=ids[agent])
        summaries.summarize(rt, conv, user_id=ids[agent])
    with TestClient(create_app(runtime=rt)) as client:
        yield {"rt": rt, "client": client, "tokens": tokens, "data": data}
    rt.close()


@pytest.fixture
def lead_cli(env) -> CLI:
    cli = CLI(env["data"])
    cli.env["TANDEM_LLM"] = "extractive"
    return cli


def test_csv_jsonl_md_html_exports(lead_cli, tmp_path):
    text = lead_cli.run("summaries", "export").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4
    assert {"conversation_id", "helpdesk", "ticket_id", "updated_at", "sentiment", "issue", "text"} <= set(rows[0])
    assert {r["ticket_id"] for r in rows} == {"R-0", "R-1", "R-2", "R-3"} and all(r["text"] for r in rows)
    assert {r["agent"] for r in rows} == {"ana", "bo"}

    lines = lead_cli.run("summaries", "export", "--format", "jsonl", "--agent", "ana").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["ticket_id"] for r in records] == ["R-0", "R-2"]
    for r in records:  # Summary objects plus their ids
        assert {"issue", "customer_goal", "steps_taken", "promises", "open_questions", "next_steps", "sentiment",
                "entities", "text", "engine", "prompt_version", "conversation_id", "helpdesk", "ticket_id"} <= set(r)

    only = lead_cli.run("summaries", "export", "--format", "jsonl", "--helpdesk", "freshdesk").stdout.splitlines()
    assert [json.loads(line)["ticket_id"] for line in only] == ["R-2", "R-3"]
    future = lead_cli.run("summaries", "export", "--since", "2999-01-01").stdout.splitlines()
    assert len(future) == 1 and future[0].startswith("conversation_id,")  # header only

    md = tmp_path / "s.md"
    lead_cli.run("summaries", "export", "--format", "md", "--out", str(md))
    assert md.read_text().count("\n## ") == 4
    page = tmp_path / "s.html"
    lead_cli.run("summaries", "export", "--format", "html", "--out", str(page))
    assert page.read_text().count("<tr>") == 5 and "<script" not in page.read_text()
    bad = lead_cli.run("summaries", "export", "--since", "yesterday-ish", check=False)
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_generate_missing_summaries(env, lead_cli, tmp_path):
    history = tmp_path / "h.jsonl"
    history.write_text(json.dumps({"helpdesk": "csv", "ticket_id": "H-1", "messages": [
        {"id": "a", "role": "customer", "text": "Where is my order HP-555123? It is late."},
        {"id": "b", "role": "agent", "text": "I have opened a trace with the carrier and will update you tomorrow."}]}) + "\n")
    lead_cli.run("conversations", "import", str(history))
    assert "H-1" not in lead_cli.run("summaries", "export", "--helpdesk", "csv").stdout
    out = lead_cli.run("summaries", "export", "--helpdesk", "csv", "--generate-missing", "--format", "jsonl")
    assert "generated 1 missing summaries" in out.stderr
    record = json.loads(out.stdout.splitlines()[0])
    assert record["ticket_id"] == "H-1" and "HP-555123" in record["entities"]["order_ids"]


def test_report_numbers_and_html(lead_cli, tmp_path):
    data = json.loads(lead_cli.run("report", "--json").stdout)
    by_agent = {r["key"]: r for r in data["acceptance_by_agent"]}
    assert (by_agent["ana"]["inserted"], by_agent["ana"]["dismissed"]) == (1, 1)
    assert (by_agent["bo"]["edited"], by_agent["bo"]["inserted"]) == (1, 1)
    assert by_agent["bo"]["mean_edit_distance"] == len(" Thanks!")
    assert data["totals"]["assist_requests"] == 4
    assert data["grounded"]["grounded"] >= 2 and data["grounded"]["not_grounded"] >= 1  # pizza: no KB answer
    assert any("pizza" in g["question"].lower() for g in data["knowledge_gaps"])
    assert data["signals_by_day"][0]["escalation_high"] >= 1 and data["escalation_reasons"]
    assert data["top_topics"] and data["acceptance_by_article"]
    out = tmp_path / "report.html"
    lead_cli.run("report", "--out", str(out))
    page = out.read_text()
    for chart in ("acceptance-by-agent", "grounded", "escalation-over-time", "sentiment-over-time", "top-topics"):
        assert f'data-chart="{chart}"' in page
    assert page.count("<svg") >= 5 and "<script" not in page and "http" not in page.split("<body>")[1]


def test_export_api_streams_for_leads_only(env):
    client, tokens = env["client"], env["tokens"]
    assert client.get("/v1/summaries/export").status_code == 401
    assert client.get("/v1/summaries/export", headers={"Authorization": f"Bearer {tokens['ana']}"}).status_code == 403
    assert client.get("/v1/summaries/export", headers={"Authorization": f"Bearer {tokens['kim']}"}).status_code == 403
    lead = {"Authorization": f"Bearer {tokens['lin']}"}
    r = client.get("/v1/summaries/export", headers=lead)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) >= 4 and "conversation_id" in rows[0]
    r = client.get("/v1/summaries/export?format=jsonl&helpdesk=zendesk", headers=lead)
    assert [json.loads(line)["ticket_id"] for line in r.text.splitlines()] == ["R-0", "R-1"]
    assert client.get("/v1/summaries/export?format=xml", headers=lead).status_code == 400
    assert client.get("/v1/summaries/export?since=someday", headers=lead).status_code == 400


def csrf_of(page: str) -> str:
    return re.search(r'name=_csrf_token value="([^"]+)"', page).group(1)


def test_dashboard_sign_in_and_roles(env):
    client, tokens = env["client"], env["tokens"]
    assert client.get("/dashboard").status_code == 401
    form = client.get("/dashboard/login").text
    assert "Sign in" in form
    csrf = csrf_of(form)
    denied = client.post("/dashboard/login", data={"token": tokens["ana"], "_csrf_token": csrf}, follow_redirects=False)
    assert denied.status_code == 401 and "lead or admin" in denied.text
    assert client.post("/dashboard/login", data={"token": "tdm_bad", "_csrf_token": csrf}).status_code == 401
    ok = client.post("/dashboard/login", data={"token": tokens["lin"], "_csrf_token": csrf}, follow_redirects=False)
    assert ok.status_code == 303 and "httponly" in ok.headers["set-cookie"].lower()
    page = client.get("/dashboard")
    assert page.status_code == 200 and 'data-chart="acceptance-by-agent"' in page.text
    client.cookies.clear()
    assert client.get("/dashboard", headers={"Authorization": f"Bearer {tokens['ana']}"}).status_code == 403
    assert client.get("/dashboard", headers={"Authorization": f"Bearer {tokens['lin']}"}).status_code == 200


def test_purge_removes_old_conversations_and_everything_with_them(tmp_path):
    rt = Runtime(load_settings(tmp_path / "p", env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    for ticket in ("old-1", "old-2", "new-1"):
        conv = msgspec.convert({"helpdesk": "z", "ticket_id": ticket, "messages": [
            {"role": "customer", "text": "How do I reset my password?"}]}, Conversation)
        first = assist.assist(rt, conv).suggestions[0]
        feedback.record(rt, suggestion_id=first.id, action="inserted", rating=None, final_text=None, user_id=None)
        summaries.summarize(rt, conv)
    rt.db.run("UPDATE conversations SET last_activity_at = '2020-01-01T00:00:00Z' WHERE ticket_id LIKE 'old-%'")

    def count(table: str) -> int:
        return rt.db.value(f"SELECT count(*) FROM {table}")

    before = {t: count(t) for t in ("conversations", "messages", "summaries", "suggestions", "feedback", "signal_events")}
    rt.close()
    cli = CLI(tmp_path / "p")
    refused = cli.run("conversations", "purge", "--older-than", "30x", check=False)
    assert refused.returncode == 2 and "not an age" in refused.stderr
    aborted = cli.run("conversations", "purge", "--older-than", "30d", input="n\n", check=False)
    assert aborted.returncode == 1
    out = json.loads(cli.run("conversations", "purge", "--older-than", "30d", "--json").stdout)
    removed = out["removed"]
    assert removed["conversations"] == 2 and removed["messages"] == 2 and removed["summaries"] == 2
    assert removed["feedback"] == 2 and removed["suggestions"] == before["suggestions"] // 3 * 2
    rt = Runtime(load_settings(tmp_path / "p", env={"TANDEM_EMBEDDER": TEST_EMBEDDER}))
    after = {t: count(t) for t in before}
    assert [r[0] for r in rt.db.rows("SELECT ticket_id FROM conversations")] == ["new-1"]
    assert after["messages"] == 1 and after["summaries"] == 1 and after["feedback"] == 1
    assert after["signal_events"] == before["signal_events"] - 2
    assert count("articles") > 40  # the KB is not touched
    rt.close()
    # The default comes from the retention_days setting (90): nothing recent goes.
    assert json.loads(cli.run("conversations", "purge", "--yes", "--json").stdout)["removed"]["conversations"] == 0
