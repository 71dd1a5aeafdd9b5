"""Promise kinds, due dates from the text's time frame, and the rule for a promise shown kept."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from backend import tuning
from backend.llm.promises import due_from, kind_of, shows_done

MADE = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(("text", "kind"), [
    ("I've issued a refund of €42.50.", "refund"), ("We'll add a $10 credit to your account.", "credit"),
    ("I will call you back tomorrow.", "callback"), ("We'll send a replacement today.", "replacement"),
    ("I'll get back to you by Friday.", "follow_up"), ("The parcel is on its way.", None)])
def test_the_kind_of_promise(text, kind):
    assert kind_of(text) == kind


@pytest.mark.parametrize(("text", "due"), [
    ("You will see it within 5 business days.", datetime(2026, 3, 11, 15, 30, tzinfo=UTC)),
    ("It takes 3-5 working days.", datetime(2026, 3, 11, 15, 30, tzinfo=UTC)),
    ("Expect it in 48 hours.", datetime(2026, 3, 6, 15, 30, tzinfo=UTC)),
    ("I will call you back tomorrow.", datetime(2026, 3, 5, 23, 59, 59, tzinfo=UTC)),
    ("You'll hear from us by Friday.", datetime(2026, 3, 6, 23, 59, 59, tzinfo=UTC)),
    ("A replacement goes out on Monday.", datetime(2026, 3, 9, 23, 59, 59, tzinfo=UTC)),
    ("The credit lands by the end of the month.", datetime(2026, 3, 31, 23, 59, 59, tzinfo=UTC)),
    ("Within two weeks you will have it.", datetime(2026, 3, 18, 15, 30, tzinfo=UTC))])
def test_the_due_date_comes_from_the_time_frame(text, due):
    assert due_from(text, MADE) == due


def test_a_promise_without_a_time_frame_falls_due_after_the_default():
    assert (due_from("We'll refund you.", MADE) - MADE).days == tuning.PROMISE_DEFAULT_DUE_DAYS


@pytest.mark.parametrize(("text", "done"), [
    ("The refund came through, thanks!", True), ("I got the replacement yesterday.", True),
    ("Thanks for calling me back.", True), ("Nobody has called me back yet.", False),
    ("I still haven't received my refund.", False), ("Where is my refund?", False),
    ("The replacement arrived but the lamp is broken again.", True)])
def test_a_later_message_shows_a_promise_kept(text, done):
    kind = "refund" if "refund" in text else "replacement" if "replacement" in text else "callback"
    assert shows_done(text, kind) is done
