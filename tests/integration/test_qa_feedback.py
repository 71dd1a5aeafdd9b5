"""A lead's verdicts on QA flags: recorded through the CLI and the API with clear errors, stored on each
backend, and the tone head judging the team's own wordings as its lead did."""

from __future__ import annotations

import json

import msgspec
import pytest
from litestar.testing import TestClient

from backend.app import create_app
from backend.errors import InvalidInput
from backend.services import history as history_service
from backend.services import qa, qa_feedback
from backend.services import users as user_service
from backend.store import conversations as conv_store
from backend.store import qa as qa_store
from tests.conftest import CLI, make_runtime

# A team where "per the handbook, not our department" is how agents point to the courier (fine here), and
# "we'll get there when we get there" is how one agent brushes customers off (not fine). The bank reads neither
# that way, and no exact rule names them.
HANDBOOK = ["That isn't our department per the handbook, the courier will sort it out.",
            "As per the handbook, damaged parcels aren't our department; the courier handles claims.",
            "Per the handbook that's not our department, please raise it with the courier."]
BRUSH_OFF = ["We'll get there when we get there, tickets are handled in order.",
             "We'll get there when we get there, we work through them in order.",
             "We will get there when we get there, everything is done in order."]
NEW_HANDBOOK = "Per the handbook this is not our department, the courier sorts it out."
# The same agent's habit, reworded: judged sentences decide close rewordings (a macro, a habit), not every
# brush-off in other words (those are left to the bank's head and the exact rules).
NEW_BRUSH_OFF = "We'll get there when we get there, all tickets are handled in order."


def _conversation(ticket: str, agent_text: str) -> dict:
    return {"helpdesk": "zendesk", "ticket_id": ticket, "messages": [
        {"id": "c1", "role": "customer", "text": "My parcel arrived damaged and I want it sorted out quickly.",
         "at": "2026-11-02T10:00:00Z"},
        {"id": "a1", "role": "agent", "author": "Bo", "text": agent_text, "at": "2026-11-02T11:00:00Z"}]}


@pytest.fixture
def team(tmp_path):
    data = tmp_path / "data"
    rows = [_conversation(f"H-{i}", t) for i, t in enumerate(HANDBOOK)]
    rows += [_conversation(f"B-{i}", t) for i, t in enumerate(BRUSH_OFF)]
    rows += [_conversation("N-1", NEW_HANDBOOK), _conversation("N-2", NEW_BRUSH_OFF)]
    path = tmp_path / "history.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rt = make_runtime(data)
    history_service.import_history(rt, [path])
    rt.close()
    return data


def _rude_tickets(data) -> set[str]:
    """The new tickets flagged rude, under a rubric whose threshold (.5) keeps both clear of it either way (the
    bank's head reads the handbook wording at about .72 and the brush-off at about .10)."""
    rubric = qa.load_rubric()
    rule = msgspec.structs.replace(rubric.flags["rude_or_dismissive"], min_probability=0.5)
    rt = make_runtime(data)
    try:
        scorer = qa.Scorer(rt, msgspec.structs.replace(rubric, flags={**rubric.flags, "rude_or_dismissive": rule}))
        out = set()
        for ticket in ("N-1", "N-2"):
            (conversation_id,) = qa_store.conversation_ids(rt.db, "zendesk", ticket)
            thread = conv_store.load_thread(rt.db, conversation_id)
            assert thread is not None
            if scorer.rude(thread):
                out.add(ticket)
        return out
    finally:
        rt.close()


def test_the_tone_head_judges_a_teams_wordings_as_its_lead_did(team):
    cli = CLI(team)
    assert _rude_tickets(team) == {"N-1"}  # the bank reads the handbook wording as curt, the brush-off as fine
    for i in range(len(HANDBOOK)):
        cli.run("qa", "verdict", "zendesk", f"H-{i}", "a1", "rude_or_dismissive", "dismiss", "--by", "lin")
    for i in range(len(BRUSH_OFF)):
        cli.run("qa", "verdict", "zendesk", f"B-{i}", "a1", "rude_or_dismissive", "missed", "--by", "lin")
    assert _rude_tickets(team) == {"N-2"}  # as the lead judged: the brush-off is rude, the handbook wording fine


def test_bad_verdicts_are_clear_errors_and_change_nothing(team):
    cli = CLI(team)
    unknown = cli.run("qa", "verdict", "zendesk", "NOPE", "a1", "rude_or_dismissive", "dismiss", check=False)
    assert unknown.returncode != 0 and "no stored conversation zendesk NOPE" in unknown.stderr
    customer = cli.run("qa", "verdict", "zendesk", "H-0", "c1", "rude_or_dismissive", "dismiss", check=False)
    assert customer.returncode != 0 and "customer message" in customer.stderr
    flag = cli.run("qa", "verdict", "zendesk", "H-0", "a1", "grumpy", "dismiss", check=False)
    assert flag.returncode != 0 and "flag must be one of" in flag.stderr
    verdict = cli.run("qa", "verdict", "zendesk", "H-0", "a1", "rude_or_dismissive", "maybe", check=False)
    assert verdict.returncode != 0
    missing = cli.run("qa", "verdict", "zendesk", "H-0", "a9", "rude_or_dismissive", "dismiss", check=False)
    assert missing.returncode != 0 and "has no message a9" in missing.stderr
    rt = make_runtime(team)
    try:
        assert qa_store.verdict_texts(rt.db, "rude_or_dismissive") == []
    finally:
        rt.close()


def test_the_api_takes_a_leads_verdict_and_the_latest_stands(team):
    rt = make_runtime(team)
    try:
        tokens = {name: user_service.add_user(rt, name, role) for name, role in (("ana", "agent"), ("lin", "lead"))}
        body = {"helpdesk": "zendesk", "ticket_id": "B-0", "message_id": "a1", "flag": "rude_or_dismissive",
                "verdict": "confirm"}
        with TestClient(create_app(runtime=rt)) as client:
            def post(name: str, payload: dict):
                return client.post("/v1/qa/verdicts", json=payload, headers={"Authorization": f"Bearer {tokens[name]}"})

            assert post("ana", body).status_code == 403
            assert post("lin", {**body, "extra": 1}).status_code == 400
            assert post("lin", {**body, "verdict": "maybe"}).status_code == 400
            assert post("lin", {**body, "ticket_id": "NOPE"}).status_code == 404
            assert post("lin", body).status_code == 201
            assert post("lin", {**body, "verdict": "dismiss"}).status_code == 201
        assert [v.verdict for v in qa_store.verdict_texts(rt.db, "rude_or_dismissive")] == ["dismiss"]
    finally:
        rt.close()


def test_verdicts_on_each_backend(any_runtime, tmp_path):
    rt = any_runtime
    path = tmp_path / "verdicts.jsonl"
    path.write_text(json.dumps(_conversation("V-1", BRUSH_OFF[0])) + "\n", encoding="utf-8")
    history_service.import_history(rt, [path])
    qa_feedback.record_verdict(rt, helpdesk="zendesk", ticket_id="V-1", message_id="a1", flag="rude_or_dismissive",
                               verdict="missed", by="lin")
    (row,) = qa_store.verdict_texts(rt.db, "rude_or_dismissive")
    assert row.verdict == "missed" and row.text == BRUSH_OFF[0]
    rude, civil = qa_feedback.team_tone_examples(rt, qa.Scorer(rt, qa.load_rubric()).sentence_embedder)
    assert rude == [BRUSH_OFF[0]] and civil == []


def test_a_ticket_on_two_sites_needs_its_site(tmp_path):
    """Tickets are keyed by helpdesk + site + id: the same id on two sites is named by its site, not guessed."""
    rows = [{**_conversation("T-7", BRUSH_OFF[0]), "url": "https://acme.zendesk.example/agent/tickets/7"},
            {**_conversation("T-7", HANDBOOK[0]), "url": "https://other.zendesk.example/agent/tickets/7"}]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    rt = make_runtime(tmp_path / "data")
    try:
        history_service.import_history(rt, [path])
        with pytest.raises(InvalidInput, match="several sites"):
            qa_feedback.record_verdict(rt, helpdesk="zendesk", ticket_id="T-7", message_id="a1",
                                       flag="rude_or_dismissive", verdict="missed", by="lin")
        qa_feedback.record_verdict(rt, helpdesk="zendesk", ticket_id="T-7", message_id="a1", flag="rude_or_dismissive",
                                   verdict="missed", by="lin", site="https://acme.zendesk.example")
        assert [v.text for v in qa_store.verdict_texts(rt.db, "rude_or_dismissive")] == [BRUSH_OFF[0]]
    finally:
        rt.close()
