"""Auto-QA (issue 29): each flag on small conversations over the demo KB, good conversations left unflagged,
a team's edited rubric, per-agent aggregation, re-runs, the CLI --json contract and GET /v1/qa roles."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from litestar.testing import TestClient

from backend.app import create_app
from backend.models import Conversation
from backend.services import conversations as conv_service
from backend.services import kb as kb_service
from backend.services import qa
from backend.services import users as user_service
from backend.services.runtime import Runtime
from backend.settings import load_settings
from tests.conftest import CLI, ROOT, TEST_EMBEDDER

POLICY = "https://help.harborandpine.example/articles/return-policy"
AT = "2026-11-02T10:00:00Z"


def conv(ticket: str, *turns: tuple[str, str, str | None], customer: dict | None = None) -> Conversation:
    """A conversation from (role, text, author) turns, messages m1, m2, ... an hour apart."""
    messages = [{"id": f"m{i + 1}", "role": role, "text": text, "at": f"2026-11-02T{10 + i:02d}:00:00Z",
                 **({"author": author} if author else {})} for i, (role, text, author) in enumerate(turns)]
    return msgspec.convert({"helpdesk": "zendesk", "ticket_id": ticket, "messages": messages,
                            **({"customer": customer} if customer else {})}, Conversation)


CASES = {
    # flagged
    "wrong-window": conv("wrong-window",
                         ("customer", "Hi, I bought a lamp last week. How long do I have to return it?", None),
                         ("agent", f"You have 90 days from delivery to return it for a full refund: {POLICY}", "Sanne")),
    "credit": conv("credit",
                   ("customer", "My parcel arrived two days late and I'm annoyed.", None),
                   ("agent", "Sorry about that! I've added a $50 credit to your account as a goodwill gesture.", "Piet")),
    "card-leak": conv("card-leak",
                      ("customer", "Hello, what payment method is saved on my account?", None),
                      ("agent", "The payment method saved on your account is the card 4111 1111 1111 1111.", "Piet")),
    "rude": conv("rude",
                 ("customer", "I still don't understand how to start a return for my order.", None),
                 ("agent", "As I already told you, read the FAQ. It's not my problem.", "Piet")),
    "second-question": conv("second-question",
                            ("customer", "My order hasn't arrived yet, where is my order? Also, can I change the "
                                         "delivery address on my account?", None),
                            ("agent", "Your order is in transit with the courier and should arrive soon.", "Sanne")),
    "manager": conv("manager",
                    ("customer", "This is ridiculous, it's the third time I write. I want to speak to a manager "
                                 "right now.", None),
                    ("agent", "Your parcel is in transit with the courier and should arrive soon.", "Sanne")),
    # unflagged
    "supported": conv("supported",
                      ("customer", "Hi, I bought a lamp last week. How long do I have to return it?", None),
                      ("agent", "You can return it within 30 days of delivery for a full refund, as long as it is "
                                f"unused and in its original packaging: {POLICY}", "Sanne")),
    "polite-refusal": conv("polite-refusal",
                           ("customer", "Can you refund the gift card I bought for my brother?", None),
                           ("agent", "I'm sorry, but we can't refund gift cards once they are bought. I'm happy to "
                                     "help with anything else about the gift card.", "Piet")),
    "acknowledged": conv("acknowledged",
                         ("customer", "This is ridiculous, it's the third time I write. I want to speak to a manager "
                                      "right now.", None),
                         ("agent", "I understand, and I'm sorry. I've escalated this to my manager, who will call "
                                   "you today.", "Sanne")),
}
FLAGGED = {"wrong-window": "wrong_information", "credit": "unsupported_promise", "card-leak": "leaked_personal_data",
           "rude": "rude_or_dismissive", "second-question": "unanswered_question", "manager": "missed_escalation"}


def _store(rt: Runtime, conversation: Conversation) -> int:
    return conv_service.store(rt, conv_service.prepare(conversation, key=rt.pseudonym_key))


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    data = tmp_path_factory.mktemp("qa")
    rt = Runtime(load_settings(data, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    for conversation in CASES.values():
        _store(rt, conversation)
    tokens = {name: user_service.add_user(rt, name, role)
              for name, role in (("ana", "agent"), ("lin", "lead"), ("adm", "admin"), ("kim", "knowledge_manager"))}
    result = qa.run(rt)
    yield {"rt": rt, "data": data, "tokens": tokens, "result": result}
    rt.close()


def _by_ticket(result: dict) -> dict[str, dict]:
    return {c["ticket_id"]: c for c in result["conversations"]}


@pytest.mark.parametrize("ticket", sorted(FLAGGED))
def test_each_flag_names_its_message_and_reason(env, ticket):
    found = _by_ticket(env["result"])[ticket]
    flags = [f for f in found["flags"] if f["flag"] == FLAGGED[ticket]]
    assert flags, found
    assert flags[0]["message_ids"] and flags[0]["reason"]
    assert found["score"] < 100


def test_details_of_the_flags(env):
    found = _by_ticket(env["result"])
    wrong = next(f for f in found["wrong-window"]["flags"] if f["flag"] == "wrong_information")
    assert wrong["message_ids"] == ["m2"] and "90 days" in wrong["reason"] and "30 days" in wrong["reason"]
    assert found["second-question"]["flags"][0]["message_ids"] == ["m1"]
    assert "delivery address" in found["second-question"]["flags"][0]["reason"]
    leak = next(f for f in found["card-leak"]["flags"] if f["flag"] == "leaked_personal_data")
    assert "CARD" in leak["reason"] and "4111" not in leak["reason"]  # kinds and counts, never values
    assert next(f for f in found["manager"]["flags"] if f["flag"] == "missed_escalation")["message_ids"] == ["m1"]


@pytest.mark.parametrize("ticket", ["supported", "polite-refusal", "acknowledged"])
def test_good_conversations_stay_unflagged(env, ticket):
    found = _by_ticket(env["result"])[ticket]
    assert found["flags"] == [] and found["score"] == 100


def test_leak_is_recorded_at_ingest_as_kinds_not_values(env):
    rt = env["rt"]
    from backend.store import conversations as conv_store

    row = rt.db.value("SELECT id FROM conversations WHERE ticket_id = 'card-leak'")
    thread = conv_store.load_thread(rt.db, row)
    agent = next(m for m in thread.messages if m.role == "agent")
    assert agent.pii == {"CARD:other": 1} and "4111" not in agent.text
    own = conv_service.prepare(conv("own", ("customer", "Reach me at dana@example.com", None),
                                    ("agent", "We'll write to dana@example.com, and not to bo@example.org.", "Piet")))
    assert own.messages[1].pii == {"EMAIL:own": 1, "EMAIL:other": 1}
    team = conv_service.prepare(conv("team", ("customer", "Where do I send the invoice question?", None),
                                     ("agent", "Please write to billing@harborandpine.example.", "Piet")))
    assert team.messages[1].pii == {"EMAIL:org": 1}  # a team mailbox is no one's personal data
    line = conv_service.prepare(conv("line", ("customer", "Who do I ring?", None),
                                     ("agent", "Call our 24-hour line on 07700 900200, or members@club.example.", "Piet")))
    assert line.messages[1].pii == {"PHONE:org": 1, "EMAIL:org": 1}  # introduced as the team's own
    other = conv_service.prepare(conv("other", ("customer", "Who had the car before me?", None),
                                      ("agent", "That was Craig Dunmore, 07700 900482, at 14 Aubert Park, London.",
                                       "Piet")))
    assert other.messages[1].pii == {"PHONE:other": 1, "ADDRESS:other": 1} and "07700" not in other.messages[1].text
    repeated = conv_service.prepare(conv("repeat", ("customer", "I've moved to 27 Cotham Road, Bristol.", None),
                                         ("agent", "Thanks, boxes now go to 27 Cotham Road. Returns go back to us at "
                                                   "4 Dock Road, Hull.", "Piet")))
    assert repeated.messages[1].pii == {"ADDRESS:own": 1, "ADDRESS:org": 1}
    flagged = {f.flag for f in qa.Scorer(env["rt"], qa.load_rubric()).score(other)}
    assert "leaked_personal_data" in flagged
    assert "leaked_personal_data" not in {f.flag for f in qa.Scorer(env["rt"], qa.load_rubric()).score(repeated)}


def test_a_value_the_kb_states_otherwise_in_another_unit(env):
    rt = env["rt"]
    scorer = qa.Scorer(rt, qa.load_rubric())
    articles = [a for a in scorer.articles.values() if "cancel" in a.title.lower() and "order" in a.title.lower()]
    assert articles, "the demo KB has an article on changing or cancelling an order"
    said = "Orders can only be cancelled within 30 minutes of placing them."
    found = scorer.fact_check(said, "time_frame", "30 minutes", articles)
    assert found is not None and not found.agrees and "2 hours" in found.text
    right = scorer.fact_check("You can cancel an order within 2 hours of placing it.", "time_frame", "2 hours", articles)
    assert right is not None and right.agrees
    # a statement about another matter is not governed by the cancellation article
    assert scorer.fact_check("Our warehouse team is great.", "time_frame", "3 days", articles) is None
    applied = conv("applied", ("customer", "Can I still cancel my order? I placed it this morning.", None),
                   ("agent", "You placed it 5 hours ago and orders can be cancelled within 2 hours of placing them, "
                             "so I'm afraid it's too late.", "Piet"))
    flags = scorer.score(conv_service.prepare(applied, key=rt.pseudonym_key))
    assert not [f for f in flags if f.flag == "wrong_information"], flags


def test_a_value_about_another_matter_in_a_sentence_on_the_policy_is_not_wrong(env):
    """The sentence is about inspecting returns, as the article's is; the figure's own clause is about the courier."""
    scorer = qa.Scorer(env["rt"], qa.load_rubric())
    articles = [scorer.articles["refund-timing"]]
    other = ("Returns are inspected when they reach us and refunded that day, but the courier may need 5 business "
             "days to collect your parcel.")
    about_other = scorer.fact_check(other, "time_frame", "5 business days", articles)
    assert about_other is not None and about_other.agrees is None
    wrong = scorer.fact_check("We inspect returns within 10 business days of receiving them.", "time_frame",
                              "10 business days", articles)
    assert wrong is not None and wrong.agrees is False and "3 business days" in wrong.text


def test_saying_a_priced_thing_is_free_is_wrong_unless_the_kb_says_so(env):
    rt = env["rt"]
    scorer = qa.Scorer(rt, qa.load_rubric())

    def flags(*turns: tuple[str, str, str | None]) -> list[qa.Finding]:
        return scorer.score(conv_service.prepare(conv("free", *turns), key=rt.pseudonym_key))

    asked = ("customer", "It's my sister's birthday, can you gift wrap the vase? What does that cost?", None)
    wrong = flags(asked, ("agent", "Gift wrapping is free on every item, so just tick the box at checkout.", "Piet"))
    found = [f for f in wrong if f.flag == "wrong_information"]
    assert found and "$6 per item" in found[0].reason, wrong
    # "free on orders over $200": the article makes it free sometimes, so "it's free" may be right.
    sometimes = flags(("customer", "What does shipping to Canada cost?", None),
                      ("agent", "International delivery is free, so there's nothing extra to pay.", "Piet"))
    assert not [f for f in sometimes if f.flag == "wrong_information"], sometimes
    # The KB's own "never expire" backs the agent's.
    right = flags(("customer", "Do gift cards run out at some point?", None),
                  ("agent", "No, gift cards never expire, so there's no rush to use it.", "Piet"))
    assert not [f for f in right if f.flag == "wrong_information"], right
    # "I'll ... at no charge" grants a waiver: a promise the article prices, not a policy misstated.
    waived = flags(asked, ("agent", "I'll gift wrap it at no charge this time, so it costs you nothing.", "Piet"))
    assert [f.flag for f in waived if f.flag in ("wrong_information", "unsupported_promise")] == ["unsupported_promise"]


@pytest.mark.parametrize("sentence", [
    "You won't be charged twice.", "Please don't charge the scooter overnight.", "You are free to cancel.",
    "If you are free tomorrow, we can call.", "The pickup slot is free on Tuesday.",
    "I can see no charges on your card.", "Your reset link won't expire for another 24 hours.",
    "It doesn't expire until March.",
])
def test_sentences_that_only_look_like_costs_nothing(sentence):
    assert qa.denials(sentence) == []


def test_a_check_or_a_confirmation_is_no_waiver(env):
    rt = env["rt"]
    scorer = qa.Scorer(rt, qa.load_rubric())
    asked = ("customer", "It's my sister's birthday, can you gift wrap the vase? What does that cost?", None)
    checked = scorer.score(conv_service.prepare(conv("checked", asked, (
        "agent", "I've checked and gift wrapping is free on every item.", "Piet")), key=rt.pseudonym_key))
    # a policy misstated, not a waiver granted (the word "free" may still count as a promise the KB lacks)
    assert [f for f in checked if f.flag == "wrong_information"], checked
    assert not [f for f in checked if f.flag == "unsupported_promise" and "; the article" in f.reason], checked


def test_a_decimal_amount_is_one_sentence():
    assert qa.sentences("Return shipping costs $6.95. Then we refund you.") == [
        "Return shipping costs $6.95.", "Then we refund you."]


def test_an_exception_to_policy_is_an_unsupported_promise(env):
    rt = env["rt"]
    scorer = qa.Scorer(rt, qa.load_rubric())
    thread = conv_service.prepare(conv("exception", ("customer", "The lamp is 40 days old, can I still return it?", None),
                                       ("agent", "It's past the window, but I'll make an exception this time and "
                                                 "accept the return.", "Sanne")), key=rt.pseudonym_key)
    assert [f for f in scorer.score(thread) if f.flag == "unsupported_promise"]
    policy = conv_service.prepare(conv("policy", ("customer", "How long do refunds take to reach my card?", None),
                                       ("agent", "Refunds reach your card 5 to 10 business days after we issue them.",
                                        "Sanne")), key=rt.pseudonym_key)
    assert not [f for f in scorer.score(policy) if f.flag == "unsupported_promise"]


def test_an_escalation_needs_a_named_threat_and_words_about_it(env):
    rt = env["rt"]
    scorer = qa.Scorer(rt, qa.load_rubric())
    short = conv_service.prepare(conv("short", ("customer", "Where is my order?", None),
                                      ("agent", "It arrives tomorrow.", "Piet"), ("customer", "OK.", None),
                                      ("agent", "Anything else?", "Piet"), ("customer", "I paid with PayPal.", None),
                                      ("agent", "Thanks, noted.", "Piet")), key=rt.pseudonym_key)
    assert not [f for f in scorer.score(short) if f.flag == "missed_escalation"]
    lawyer = conv_service.prepare(conv("lawyer", ("customer", "The kettle scorched my counter. I'll be talking to my "
                                                  "lawyer about the damage.", None),
                                       ("agent", "I'm very sorry. I've passed this to our safety team.", "Piet")),
                                  key=rt.pseudonym_key)
    assert [f for f in scorer.score(lawyer) if f.flag == "missed_escalation"]
    third = conv_service.prepare(conv("third", ("customer", "This is the third time I'm contacting you about my "
                                                "missing grinder.", None),
                                      ("agent", "I've reshipped the grinder at no cost.", "Piet")), key=rt.pseudonym_key)
    assert [f for f in scorer.score(third) if f.flag == "missed_escalation"]
    refused = conv_service.prepare(conv("refused", ("customer", "The courier lost my order twice now. I want to speak "
                                                    "to a manager about it, please.", None),
                                        ("agent", "A manager will tell you exactly the same thing: it's in transit.",
                                         "Piet")), key=rt.pseudonym_key)
    assert [f for f in scorer.score(refused) if f.flag == "missed_escalation"], "naming a manager to refuse one"
    afraid = conv_service.prepare(conv("afraid", ("customer", "The courier lost my order twice now. I want to speak "
                                                  "to a manager about it, please.", None),
                                       ("agent", "I'm afraid a manager will tell you exactly the same thing.", "Piet")),
                                  key=rt.pseudonym_key)
    assert [f for f in scorer.score(afraid) if f.flag == "missed_escalation"], "an 'I'm afraid' refusal"
    offered = conv_service.prepare(conv("offered", ("customer", "The courier lost my order twice now. I want to speak "
                                                    "to a manager about it, please.", None),
                                        ("agent", "Of course. I've asked my team lead to call you this afternoon.",
                                         "Piet")), key=rt.pseudonym_key)
    assert not [f for f in scorer.score(offered) if f.flag == "missed_escalation"]
    hurt = ("customer", "The lamp you sold me sparked when I plugged it in and burned my daughter's hand. We were at "
                        "A&E half the night.", None)
    ignored = conv_service.prepare(conv("ignored", hurt, ("agent", "Sorry to hear that. I've sent a replacement lamp, it "
                                                                   "arrives on Friday.", "Piet"),
                                        ("customer", "Thanks.", None)), key=rt.pseudonym_key)
    missed = [f for f in scorer.score(ignored) if f.flag == "missed_escalation"]
    assert missed and missed[0].reason.startswith("safety"), missed
    answered = conv_service.prepare(conv("answered", hurt, ("agent", "I'm so sorry, is your daughter okay? I've "
                                                                     "reported this to our safety team today.", "Piet")),
                                    key=rt.pseudonym_key)
    assert not [f for f in scorer.score(answered) if f.flag == "missed_escalation"]


def test_per_agent_aggregation(env):
    agents = {a["agent"]: a for a in env["result"]["per_agent"]}
    assert set(agents) == {"Sanne", "Piet"}
    assert agents["Sanne"]["conversations"] == 5 and agents["Piet"]["conversations"] == 4
    assert agents["Piet"]["flags"]["leaked_personal_data"] == 1 and agents["Sanne"]["flags"]["leaked_personal_data"] == 0
    assert agents["Sanne"]["flags"]["wrong_information"] == 1 and agents["Sanne"]["flags"]["missed_escalation"] == 1
    scores = [c["score"] for c in env["result"]["conversations"] if "Piet" in c["agents"]]
    assert agents["Piet"]["score"] == round(sum(scores) / len(scores), 2)


def test_rerun_skips_scored_and_rescores_after_a_new_message(env):
    rt = env["rt"]
    again = qa.run(rt)
    assert again["rubric"]["scored_now"] == 0 and len(again["conversations"]) == len(CASES)
    grown = conv("second-question",
                 ("customer", "My order hasn't arrived yet, where is my order? Also, can I change the "
                              "delivery address on my account?", None),
                 ("agent", "Your order is in transit with the courier and should arrive soon.", "Sanne"),
                 ("agent", "About the address: you can change the delivery address on your account page.", "Sanne"))
    _store(rt, grown)
    third = qa.run(rt)
    assert third["rubric"]["scored_now"] == 1
    assert _by_ticket(third)["second-question"]["flags"] == []


def test_a_live_conversation_waits_until_idle(env):
    rt = env["rt"]
    from backend.models import Escalation, Sentiment, Signals
    from backend.store import conversations as conv_store

    recent = conv("live", ("customer", "Can you tell me where my parcel is right now?", None))
    recent.messages[0].at = None  # stamped now
    row = _store(rt, recent)
    signals = Signals(sentiment=Sentiment("neutral", 0.0), urgency="low", escalation=Escalation("low", [], []),
                      language="en")
    with rt.db.transaction():
        conv_store.add_signal_event(rt.db, row, None, signals, False)
    assert "live" not in _by_ticket(qa.run(rt))
    with rt.db.transaction():
        rt.db.run("DELETE FROM signal_events WHERE conversation_id = ?", [row])


def test_a_team_rubric_turns_a_flag_off_and_reweights(env, tmp_path):
    text = qa.default_rubric_text()
    text = text.replace("[flags.rude_or_dismissive]\nenabled = true", "[flags.rude_or_dismissive]\nenabled = false")
    text = text.replace("[flags.leaked_personal_data]\nenabled = true\nweight = 40",
                        "[flags.leaked_personal_data]\nenabled = true\nweight = 90")
    path = tmp_path / "team.toml"
    path.write_text(text)
    result = qa.run(env["rt"], rubric=qa.load_rubric(path))
    found = _by_ticket(result)
    assert found["rude"]["flags"] == [] and found["rude"]["score"] == 100
    assert found["card-leak"]["score"] == 10, found["card-leak"]["flags"]
    assert result["rubric"]["flags"]["rude_or_dismissive"]["enabled"] is False
    bad = tmp_path / "bad.toml"
    bad.write_text('[flags.typo_flag]\nweight = 3\n')
    from backend.errors import InvalidInput

    with pytest.raises(InvalidInput, match="typo_flag"):
        qa.load_rubric(bad)


def test_cli_json_contract_and_html(env, tmp_path):
    cli = CLI(env["data"])
    out = tmp_path / "qa.html"
    data = json.loads(cli.run("qa", "run", "--json", "--out", str(out), "--since", "2026-11-01").stdout)
    assert set(data) == {"rubric", "conversations", "per_agent"}
    for c in data["conversations"]:
        assert set(c) == {"helpdesk", "ticket_id", "agents", "score", "flags"}
        for f in c["flags"]:
            assert set(f) == {"flag", "message_ids", "reason"} and f["flag"] in qa.FLAGS
    for a in data["per_agent"]:
        assert set(a) == {"agent", "conversations", "score", "flags"} and set(a["flags"]) == set(qa.FLAGS)
    assert 'data-table="qa-flags"' in out.read_text()
    assert json.loads(cli.run("qa", "run", "--json", "--until", "2026-11-01").stdout)["conversations"] == []
    assert "[flags.unsupported_promise]" in cli.run("qa", "rubric").stdout
    report = json.loads(cli.run("report", "--json").stdout)
    assert report["qa"]["conversations"] >= len(CASES) and report["qa"]["per_agent"]


def test_get_qa_roles(env):
    with TestClient(create_app(runtime=env["rt"])) as client:
        def get(name: str | None, **params: str):
            headers = {"Authorization": f"Bearer {env['tokens'][name]}"} if name else {}
            return client.get("/v1/qa", headers=headers, params=params)

        assert get(None).status_code == 401
        assert get("ana").status_code == 403 and get("kim").status_code == 403
        for lead in ("lin", "adm"):
            response = get(lead)
            assert response.status_code == 200
            assert {c["ticket_id"] for c in response.json()["conversations"]} >= set(FLAGGED)
        assert get("lin", until="2026-11-01").json()["conversations"] == []
        assert get("lin", since="not a date").status_code == 400


def test_rubric_default_is_shipped():
    assert Path(qa.__file__).with_name("qa_rubric.toml").exists()
    rubric = qa.load_rubric()
    assert set(rubric.flags) == set(qa.FLAGS) and all(rubric.rule(f) for f in qa.FLAGS)


def test_tone_head_reads_rudeness_no_rule_names(env):
    """Sentences in no rule and not in the tone bank: the head reads the style, civil refusals stay clean."""
    scorer = qa.Scorer(env["rt"], qa.load_rubric())
    rude = ("Just wait like everybody else, it will come.", "Well, nobody else seems to have trouble with it.",
            "I honestly don't see why this is so hard to understand.")
    civil = ("Unfortunately the return window has closed, I'm sorry.", "The sofa is due on Thursday between 8am and noon.",
             "Sorry, we can't accept returns of opened mattresses.", "Could you tell me which size you ordered?")
    for i, text in enumerate(rude + civil):
        thread = conv_service.prepare(conv(f"tone{i}", ("customer", "Where is my sofa? It's late.", None),
                                           ("agent", text, "Bo")))
        found = scorer.rude(thread)
        assert [f.flag for f in found] == (["rude_or_dismissive"] if text in rude else []), text
        if found:
            assert "reads as rude" in found[0].reason and text[:30] in found[0].reason


def test_rubric_with_the_old_similarity_threshold_still_loads(tmp_path, caplog):
    """A team's copy of the earlier default names min_similarity: it loads, with a warning that it is unread."""
    old = tmp_path / "rubric.toml"
    old.write_text(qa.default_rubric_text().replace("min_probability = 0.7", "min_similarity = 0.8"))
    rubric = qa.load_rubric(old)
    assert rubric.flags["rude_or_dismissive"].min_probability == 0.7
    assert "min_similarity is no longer read" in caplog.text


def test_qa_results_on_each_backend(any_runtime):
    rt = any_runtime
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    for ticket in ("card-leak", "supported", "second-question"):
        _store(rt, CASES[ticket])
    first = qa.run(rt)
    assert first["rubric"]["scored_now"] == 3
    found = _by_ticket(first)
    assert [f["flag"] for f in found["card-leak"]["flags"]] == ["leaked_personal_data"]
    assert found["supported"]["flags"] == [] and found["second-question"]["flags"]
    assert qa.run(rt)["rubric"]["scored_now"] == 0
    assert {a["agent"] for a in qa.report(rt)["per_agent"]} == {"Sanne", "Piet"}


def test_the_periodic_job_scores_in_bounded_resumable_runs(any_runtime, monkeypatch):
    """The server's "qa" job scores finished conversations a bounded batch a run, oldest first, and the next
    run goes on where the last one stopped; nothing is scored twice."""
    from backend import tuning
    from backend.app import start_jobs
    from tests.conftest import wait_for

    rt = any_runtime
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    for ticket in ("card-leak", "supported", "second-question"):
        _store(rt, CASES[ticket])
    first = qa.periodic(rt, limit=2)
    assert (first.scored, first.more) == (2, True) and "more left" in first.summary()
    assert len(qa.report(rt)["conversations"]) == 2
    second = qa.periodic(rt, limit=2)
    assert (second.scored, second.more) == (1, False)
    assert qa.periodic(rt, limit=2).scored == 0
    assert sorted(c["ticket_id"] for c in qa.report(rt)["conversations"]) == ["card-leak", "second-question",
                                                                             "supported"]
    # Started by the server: a new finished conversation is scored without anyone running `tandem qa run`.
    _store(rt, CASES["rude"])
    monkeypatch.setattr(tuning, "QA_EVERY_S", 0.2)
    jobs = start_jobs(rt)
    try:
        wait_for(lambda: "rude" in _by_ticket(qa.report(rt)), timeout=60)
    finally:
        for job in jobs:
            job.stop()
    assert [f["flag"] for f in _by_ticket(qa.report(rt))["rude"]["flags"]] == ["rude_or_dismissive"]


def test_a_lone_question_answered_in_kind_is_addressed(env):
    """A yes, a time or an amount answers "Can I…?", "When…?", "How much…?" in other words; one such answer
    to a message of several questions does not tell which it answers."""
    scorer = qa.Scorer(env["rt"], qa.load_rubric())

    def unanswered(question: str, reply: str) -> list[str]:
        thread = conv_service.prepare(conv(f"kind{abs(hash(question + reply))}", ("customer", question, None),
                                           ("agent", reply, "Bo")))
        return [f.reason for f in scorer.unanswered(thread)]

    assert unanswered("Can I move the date my direct debit comes out?", "Yes, any day from the 1st to the 28th.") == []
    assert unanswered("When will the money actually reach my account?", "It lands within 3 business days.") == []
    assert unanswered("How much is the upgrade going to set me back?", "It's £12 on top of your plan.") == []
    assert unanswered("When will the money actually reach my account?", "I've passed your note to the team.")
    assert unanswered("Can I move the date my direct debit comes out? And when will my card statement update?",
                      "Yes, any day from the 1st to the 28th.")


def test_the_answer_model_flags_by_the_rubrics_probability(env, tmp_path):
    """A reply that passes the question on is flagged with the model's probability; a team that raises
    min_unaddressed flags only surer cases; a probability outside (0, 1) is refused."""
    question, deflection = "When will the money actually reach my account?", "I've passed your note to the team."
    thread = conv_service.prepare(conv("model-threshold", ("customer", question, None), ("agent", deflection, "Bo")))
    found = qa.Scorer(env["rt"], qa.load_rubric()).unanswered(thread)
    assert len(found) == 1 and question[:40] in found[0].reason
    probability = float(found[0].reason.rsplit("(", 1)[1].rstrip(")"))
    assert qa.load_rubric().flags["unanswered_question"].min_unaddressed <= probability < 1
    stricter = tmp_path / "stricter.toml"
    stricter.write_text(qa.default_rubric_text().replace("min_unaddressed = 0.4",
                                                         f"min_unaddressed = {min(probability + 0.01, 0.99):.2f}"))
    assert qa.Scorer(env["rt"], qa.load_rubric(stricter)).unanswered(thread) == []
    from backend.errors import InvalidInput

    broken = tmp_path / "broken.toml"
    broken.write_text(qa.default_rubric_text().replace("min_unaddressed = 0.4", "min_unaddressed = 1.5"))
    with pytest.raises(InvalidInput, match="min_unaddressed"):
        qa.load_rubric(broken)


def test_more_replies_or_questions_answered_do_not_make_a_question_unanswered(env):
    """The answer model's counts are capped: an answer followed by many courtesy replies, or four questions each
    answered point by point, stay answered."""
    scorer = qa.Scorer(env["rt"], qa.load_rubric())
    question = ("customer", "How many days do I have to return the broken lamp?", None)
    answered = [question, ("agent", "You have 30 days to return it, and we pay for the return label.", "Bo")]
    courtesy = [m for _ in range(19) for m in (("customer", "ok", None), ("agent", "Anything else I can help with?", "Bo"))]
    for n, messages in enumerate((answered, answered + courtesy)):
        assert scorer.unanswered(conv_service.prepare(conv(f"cap{n}", *messages))) == [], n
    four = ("customer", "When does my plan renew? How much will it cost? Can I pay by card? Is delivery included?", None)
    reply = ("agent", "Your plan renews on 1 March. It will cost £15 a month. Yes, you can pay by card. Yes, delivery "
                      "is included in the price.", "Bo")
    assert scorer.unanswered(conv_service.prepare(conv("cap-four", four, reply))) == []


def test_a_promise_the_kb_offers_in_other_words_is_backed(env):
    """A refund an article offers, promised in the agent's own words, is backed; one no article offers, or one
    an article rules out ("cancelled without a refund"), is not."""
    scorer = qa.Scorer(env["rt"], qa.load_rubric())
    articles = list(scorer.articles.values())
    assert scorer._offered("Your order is under $300, so I have refunded it now without waiting for the result of "
                           "the carrier claim.", "refunded", "refund", articles)
    assert not scorer._offered("I've refunded the $40 gift card to your Visa.", "refunded", "refund", articles)
    assert not scorer._offered("I'll refund your membership for the months you have left.", "refund", "refund",
                               articles)


def test_where_the_kb_says_a_case_goes_to_a_supervisor_only_a_hand_over_answers_it(tmp_path):
    from backend.models import ArticleIn
    from backend.services.qa_wording import handover_codes

    assert handover_codes(["Disputes with your bank and third complaints are passed to a supervisor."]) == {
        "chargeback", "repeat"}
    assert handover_codes(["Disputes are handled by our billing team within 5 days."]) == set()
    listed = "An agent hands over to a supervisor when the customer:\n\n- mentions a solicitor;\n- asks for a refund.\n"
    assert handover_codes([listed + "\nSafety first: report a gas smell to the site team.\n"]) == {"legal"}
    dispute = ("customer", "You charged me a late fee when YOUR system was down. I've already raised a dispute "
                           "with my bank about it. I want it back.", None)
    words = ("agent", "Sorry! I've refunded the £15 today, so you can drop the dispute with your bank.", "Piet")
    handed = ("agent", "Sorry! I've refunded the £15 and passed your case to my supervisor, who will call you.", "Piet")

    def flags(name: str, policy: bool, reply: tuple[str, str, str | None]) -> set[str]:
        rt = Runtime(load_settings(tmp_path / name, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
        try:
            body = "Late fees are £15 when a payment fails. " + (
                "If a customer has raised a dispute or chargeback with their bank, pass the case to a supervisor."
                if policy else "We answer every message within 2 business days.")
            kb_service.upsert_articles(rt, [ArticleIn(external_id="fees", title="Late fees", body=body)], source="help")
            thread = conv_service.prepare(conv(name, dispute, reply))
            return {f.flag for f in qa.Scorer(rt, qa.load_rubric()).score(thread)}
        finally:
            rt.close()

    assert "missed_escalation" not in flags("no-policy", False, words)  # words about the dispute answer it
    assert "missed_escalation" in flags("policy", True, words)  # the KB asks for a hand-over
    assert "missed_escalation" not in flags("handed", True, handed)
    named = ("agent", "Sorry! I've refunded the £15. My manager will call you tomorrow about the dispute.", "Piet")
    assert "missed_escalation" not in flags("named", True, named)  # a hand-over as the signals read one


def test_a_promise_in_a_long_sentence_is_judged_by_its_own_clause(tmp_path):
    from backend.models import ArticleIn

    rt = Runtime(load_settings(tmp_path / "clause", env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    try:
        kb_service.upsert_articles(rt, [ArticleIn(external_id="goodwill", title="Goodwill", body=(
            "When we have let you down, an agent may add goodwill credit of up to £20 per case. "
            "Goodwill is always account credit, never a cash refund."))], source="help")
        thread = conv_service.prepare(conv("clause", (
            "customer", "Third week with the corridor lights out at the depot and nobody has fixed them.", None), (
            "agent", "I'm sorry, I've chased the site team again and marked the lights urgent, and I've added £20 of "
                     "goodwill credit to your account for the trouble.", "Piet")))
        found = {f.flag: f.reason for f in qa.Scorer(rt, qa.load_rubric()).score(thread)}
        assert "unsupported_promise" not in found, found
    finally:
        rt.close()


def test_contact_details_the_kb_publishes_are_the_teams_own(tmp_path):
    from backend.models import ArticleIn

    rt = Runtime(load_settings(tmp_path / "own", env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    try:
        kb_service.upsert_articles(rt, [ArticleIn(external_id="sites", title="Our sites", body=(
            "Exeter camp: Coldharbour School, 41 Sandy Way. On camp days ring the camp mobile, 07700 900411."))],
            source="help")
        said = conv("sites", ("customer", "Where is it and who do I ring if I'm late?", None), (
            "agent", "It's Coldharbour School, 41 Sandy Way. The Exeter camp mobile is 07700 900411; the other "
                     "parent's number is 07700 900999.", "Piet"))
        thread = conv_service.prepare_for(rt, said)
        assert thread.messages[1].pii == {"ADDRESS:org": 1, "PHONE:org": 1, "PHONE:other": 1}
        kb_service.upsert_articles(rt, [ArticleIn(external_id="sites", title="Our sites", body="We moved.")],
                                   source="help")
        assert conv_service.prepare_for(rt, said).messages[1].pii == {"ADDRESS:other": 1, "PHONE:other": 2}
    finally:
        rt.close()
