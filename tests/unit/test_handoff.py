"""The offline handoff summary names every issue with its references, what was done and promised, and what is
open; replies such as "yes please" or "thanks" are never the issue."""

from __future__ import annotations

import msgspec
import pytest

from backend.llm.handoff import (
    MAX_SENTENCE_CHARS,
    MAX_SENTENCES,
    MAX_WORDS,
    extractive_summary,
    is_chitchat,
    split_sentences,
)
from backend.models import Conversation
from backend.services.conversations import prepare
from backend.signals.core import compute_signals
from tests.conftest import growth


def summarize(messages: list[tuple[str, str]]):
    conversation = msgspec.convert({"helpdesk": "test", "ticket_id": "1", "messages": [
        {"id": f"m{i}", "role": role, "text": text} for i, (role, text) in enumerate(messages)]}, Conversation)
    thread = prepare(conversation, redact_pii=False)
    return extractive_summary(thread, compute_signals(thread.messages))


TWO_ISSUES = [
    ("customer", "Hi, my order LT-20931 was meant to arrive on Tuesday and it still hasn't turned up."),
    ("agent", "Sorry about that! Let me check the tracking for LT-20931."),
    ("agent", "The courier lost a day at the depot. I've upgraded it to next-day delivery, so it will arrive "
              "tomorrow before 1pm."),
    ("customer", "ok thanks. Also, I was charged twice for it, £48.50 both times on my card statement."),
    ("agent", "I can see the duplicate payment. I've refunded the second £48.50; it takes 3 to 5 working days "
              "to appear."),
    ("customer", "Can you leave it with a neighbour if I'm out?"),
    ("agent", "Of course. Would you like me to add a note for the courier?"),
    ("customer", "yes please, I'd rather not have it in the hallway while I'm away"),
    ("agent", "Done, the note is on the delivery."),
    ("customer", "great, thanks so much!"),
]


def test_a_two_issue_conversation_names_both_issues_with_their_references():
    summary = summarize(TWO_ISSUES)
    text = summary.text.lower()
    assert "hasn't turned up" in text or "arrive" in text  # the late delivery
    assert "charged twice" in text  # the double charge, not only the second issue
    for reference in ("lt-20931", "£48.50"):
        assert reference in text
    assert "refunded" in text or "next-day" in text  # what the agent did
    assert len(summary.text.split()) <= MAX_WORDS
    assert "LT-20931" in summary.entities.order_ids and "£48.50" in summary.entities.amounts
    assert [p.text for p in summary.promises if "3 to 5 working days" in p.text]


def test_trailing_replies_and_thanks_are_never_the_issue():
    summary = summarize(TWO_ISSUES)
    assert "yes please" not in summary.issue.lower() and "thanks so much" not in summary.issue.lower()
    assert summary.issue.startswith("My order LT-20931")
    replies = [s for s in split_sentences(prepare(msgspec.convert({"helpdesk": "t", "ticket_id": "1", "messages": [
        {"id": "a", "role": "customer", "text": "ok thanks"}, {"id": "b", "role": "customer", "text": "will do 😊"},
        {"id": "c", "role": "customer", "text": "my card was charged twice for order 88213"}]}, Conversation),
        redact_pii=False).messages)]
    assert [is_chitchat(s) for s in replies] == [True, True, False]


def test_an_unresolved_conversation_keeps_the_promise_and_the_open_question():
    summary = summarize([
        ("customer", "My account ACC-55102 is locked after the password reset and I can't get in."),
        ("agent", "I've raised it with the security team as SEC-7781; they will email you within 24 hours."),
        ("customer", "Will I lose the invoices I drafted yesterday?"),
    ])
    assert "SEC-7781" in summary.text and "within 24 hours" in summary.text
    assert "Still open: Will I lose the invoices" in summary.text
    assert "Resolved" not in summary.text
    assert summary.open_questions and summary.next_steps[0].text.startswith("Answer the customer")


def test_a_conversation_closed_in_the_chat_says_so():
    summary = summarize([
        ("customer", "The app keeps crashing when I open the map on my phone."),
        ("agent", "I've reset the map cache on your account; please reopen the app."),
        ("customer", "that worked, thank you!"),
    ])
    assert summary.text.endswith("Resolved in the conversation.")


def test_an_empty_or_agent_only_conversation_gives_an_empty_issue_not_an_error():
    assert summarize([]).issue == ""
    only_agent = summarize([("agent", "Hello, I've sent the replacement card to your address.")])
    assert only_agent.issue == "" and "replacement card" in only_agent.text


@pytest.mark.parametrize("unit", ["ABC-", "AB-12-", "I'm "])
def test_summary_cost_grows_linearly_with_the_text(unit):
    """Hostile references ("ABC-ABC-...") no longer make the reference pattern quadratic."""
    def work(chars: int) -> None:
        text = (unit * (chars // len(unit) + 1))[:chars]
        summarize([("customer", text), ("agent", text)])

    assert growth(work, 4_000) < 8  # linear: about 4; quadratic: about 16


def test_a_flood_of_sentences_is_read_at_its_start_and_end():
    """A 20,000-character message of tiny sentences is not scored sentence by sentence: the opening and the
    end are (bounded work per request), and a long "sentence" is read as its start."""
    flood = "Where is it? " + "ok ok. " * 2700 + "Still no parcel, order LT-20931."
    sentences = split_sentences(prepare(msgspec.convert({"messages": [
        {"role": "customer", "text": flood}, {"role": "agent", "text": "x " * 5000}]}, Conversation)).messages)
    assert len(sentences) <= MAX_SENTENCES and max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert sentences[0].text == "Where is it?" and sentences[-2].text == "Still no parcel, order LT-20931."
    summary = summarize([("customer", flood)])
    assert "LT-20931" in summary.text
