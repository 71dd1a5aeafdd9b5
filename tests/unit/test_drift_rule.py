"""The drift rule's matching of an agent's value to the article phrase it is about (backend/services/upkeep.py)."""

from __future__ import annotations

from backend.models import Article
from backend.services import upkeep


def _article(body: str) -> Article:
    return Article(row_id=1, article_id="a", source="kb", title="Room cancellations", body=body, url=None, tags=[],
                   status="published", origin_path=None, content_hash="h", created_at="", updated_at="")


def _drift(body: str, replies: list[str]) -> list[upkeep.Drift]:
    article = _article(body)
    return upkeep._article_drift(article, [upkeep.Reply(1, f"c{i}", f"T{i}", f"m{i}", text, f"2026-10-{i + 1:02d}")
                                           for i, text in enumerate(replies)])


def test_time_frames_without_a_digit_and_abbreviated_units():
    found = {(s.kind, s.value) for s in upkeep.statements("Report it within a week. The window is 48 hrs.")}
    assert found == {("time_frame", "7 day"), ("time_frame", "48 hour")}


def test_a_sentence_repeating_two_of_the_articles_values_is_no_drift():
    body = ("A pause lasts from 1 to 8 weeks. We email you 3 days before your first box after a pause, "
            "so you can extend it.")
    replies = ["You can pause for 1 to 8 weeks and the plan restarts; we email you 3 days before the first box."] * 5
    assert _drift(body, replies) == []


def test_hours_are_compared_with_hours_and_a_repeated_window_is_one_matter():
    body = ("Cancel at least 24 hours before the start for a full credit. No-shows: the room is released 15 "
            "minutes after the start and charged in full. Cancellations within 24 hours are charged in full.")
    replies = ["Free cancellation is now until 48 hours before the booking starts; within that it's charged in full.",
               "Cancellations are free up to 48 hours before the start time.",
               "The free cancellation window is 48 hrs before the booking.",
               "As you cancelled less than 48 hours before the start, it was charged in full.",
               "Cancel 24 hours before the start for a full credit."]
    (drift,) = _drift(body, replies)
    assert (drift.said.phrase, drift.agents_value, drift.conversations, drift.speaking) == ("24 hours", "48 hour", 4, 5)
    draft = upkeep._update_draft(drift.article, [drift])
    assert "24 hours" not in draft.answer and draft.answer.count("48 hours") == 2 and "15 minutes" in draft.answer


def test_quantities_are_counted_by_their_number():
    body = "Each member gets 100 free black-and-white pages per month. Colour costs €0.25 per page."
    replies = ["Every member gets 50 free black-and-white pages per month.",
               "The free allowance is 50 pages per month.",
               "The monthly allowance is now 50 black-and-white pages per member."]
    (drift,) = _drift(body, replies)
    assert (drift.said.phrase, drift.agents_value, drift.conversations) == ("100 free", "50", 3)


def test_clock_times_are_one_value_however_written():
    found = [(s.kind, s.value) for s in upkeep.statements(
        "Phones: 8:00 to 20:00. Chat until 10pm, or 6 p.m. on Sundays; the desk closes at 17.30. It costs $18.00.")]
    assert found == [("time", "08:00"), ("time", "20:00"), ("time", "22:00"), ("time", "18:00"),
                     ("time", "17:30"), ("amount", "USD 18")]
    for not_a_time in ("Version 2.10 of the app", "v1.30 is out", "Price 9.45 EUR", "Calls cost 0.45 per minute",
                       "see section 4.30", "Rated 3.30 out of 5", "a 2.15 kg bag", "the trip runs 1:30 hours"):
        assert "time" not in [s.kind for s in upkeep.statements(not_a_time)], not_a_time


def test_per_cent_keeps_every_later_phrase_where_it_is():
    body = "Deposits are 20 per cent of the fee. Refunds take 14 days. Calls until 18:00."
    found = {s.kind: s for s in upkeep.statements(body)}
    assert found["percent"].value == "20%" and found["percent"].phrase == "20 per cent"
    assert body[found["time_frame"].start:found["time_frame"].end] == "14 days" == found["time_frame"].phrase
    assert body[found["time"].start:found["time"].end] == "18:00"


def test_a_closing_time_drifts_and_a_repeated_one_beside_it_settles_its_own_matter():
    body = "Phone: 8:00 to 20:00 every day. Call 555 0143. Live chat in the app: 7:00 to 22:00."
    replies = ["You can call until 18:00; after that, live chat is open until 22:00.",
               "The phone line closes at 6 p.m. now, live chat until 22:00.",
               "Lines are open 08:00-18:00 daily.", "We take calls from 8am to 6pm."]
    (drift,) = _drift(body, replies)
    # The first reply's "call until 18:00" shares no word with the phone sentence: left unmatched, not guessed.
    assert (drift.said.phrase, drift.agents_value, drift.conversations) == ("20:00", "18:00", 3)


def test_a_conversation_votes_once_per_value_and_per_cent_is_a_percentage():
    body = "Cancellations within 48 hours of pick-up get a 50% refund of the rental price."
    old = ["Inside 48 hours you get 50% of the rental price back."] * 2
    new = ["Inside 48 hours we now refund 75 per cent of the rental price.",
           "We keep 25% and refund 75% of the rental price for a late cancellation.",
           "A late cancellation gets a 75% refund of the rental price.",
           "You'll get 75% of the rental price back."]
    (drift,) = _drift(body, old + new)
    assert (drift.agents_value, drift.conversations, drift.speaking, drift.since) == ("75%", 4, 6, "2026-10-03")
    # The same other value repeated late in a long history stating the article's is not drift: the share is
    # over the whole history.
    assert _drift(body, old * 5 + new[2:]) == []
