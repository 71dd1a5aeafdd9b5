"""Promises agents make (refunds, credits, call-backs, replacements, follow-ups): their kind, when they fall
due from the text's date or time frame relative to the message time, and whether a later message shows one
kept. Pure text rules; the store and the linking of conversations live in backend/services/customers.py."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from backend import tuning
from backend.text import message_sentences

_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("refund", re.compile(r"\brefund\w*|\bmoney back\b|\breimburs\w*", re.IGNORECASE)),
    ("credit", re.compile(r"\bcredit\w*|\bvoucher\b|\bgoodwill\b|\bdiscount\b", re.IGNORECASE)),
    ("callback", re.compile(r"\b(?:call|ring|phon)\w* (?:you |me )?back\b|\b(?:call|ring|phone) you\b|\bcall-?back\b",
                            re.IGNORECASE)),
    ("replacement", re.compile(r"\breplac\w*|\bnew one\b|\bresend\b|\bre-?ship\w*", re.IGNORECASE)),
    ("follow_up", re.compile(r"\b(?:get back to you|follow(?:ing)? up|update you|e-?mail you|let you know|"
                             r"contact you|hear (?:from us|back))\b", re.IGNORECASE)),
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SPAN = re.compile(r"\b(?:within|in|next|up to)?\s*(?:(\d+)\s*(?:-|to)\s*)?(\d+|a|an|one|two|three|four|five|"
                   r"seven|ten|fourteen)\s+(business |working )?(hour|day|week|month)s?\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "ten": 10,
            "fourteen": 14}
_WEEKDAY = re.compile(r"\b(?:by|on|until|before|this|next)?\s*(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|nobody|no one|yet|no sign|still (?:waiting|no)|where is|missing)\b|n't\b",
                      re.IGNORECASE)
_DONE = re.compile(
    r"\b(?:received|got|arrived|came|come through|went through|gone through|showed up|shows? up|landed|"
    r"in my (?:account|bank)|processed|issued|applied|completed|credited|refunded|sorted|resolved|spoke|called me|"
    r"rang me|thanks for (?:the|calling|ringing))\b", re.IGNORECASE)


def kind_of(text: str) -> str | None:
    """What an agent's promise commits to (refund, credit, callback, replacement, follow_up), or None."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None


def _business_days(start: datetime, days: int) -> datetime:
    moment = start
    while days > 0:
        moment += timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def due_from(text: str, made_at: datetime) -> datetime:
    """When the promise falls due: its time frame ("within 3-5 business days", "in 48 hours", "by Friday",
    "tomorrow", "next week", "end of the month") from the message time, else PROMISE_DEFAULT_DUE_DAYS."""
    lowered = text.lower()
    span = _SPAN.search(lowered)
    if span:
        count = int(span.group(2)) if span.group(2).isdigit() else _NUMBERS[span.group(2)]
        unit = span.group(4)
        if unit == "hour":
            return made_at + timedelta(hours=count)
        if unit == "day":
            return _business_days(made_at, count) if span.group(3) else made_at + timedelta(days=count)
        return made_at + timedelta(weeks=count) if unit == "week" else made_at + timedelta(days=30 * count)
    if "tomorrow" in lowered:
        return _end_of_day(made_at + timedelta(days=1))
    if "end of the week" in lowered or "this week" in lowered:
        return _end_of_day(made_at + timedelta(days=(4 - made_at.weekday()) % 7))
    if "next week" in lowered:
        return _end_of_day(made_at + timedelta(days=7 + (4 - made_at.weekday()) % 7))
    if "end of the month" in lowered or "this month" in lowered:
        following = (made_at.replace(day=28) + timedelta(days=4)).replace(day=1)
        return _end_of_day(following - timedelta(days=1))
    if "today" in lowered or "end of the day" in lowered:
        return _end_of_day(made_at)
    weekday = _WEEKDAY.search(lowered)
    if weekday:
        ahead = (_WEEKDAYS.index(weekday.group(1)) - made_at.weekday()) % 7 or 7
        return _end_of_day(made_at + timedelta(days=ahead))
    return made_at + timedelta(days=tuning.PROMISE_DEFAULT_DUE_DAYS)


def _end_of_day(moment: datetime) -> datetime:
    return moment.replace(hour=23, minute=59, second=59, microsecond=0)


def shows_done(text: str, kind: str) -> bool:
    """Whether a later message says a promise of this kind was kept: the same kind named in a sentence that
    says it happened ("the refund came through", "thanks for calling me back"), not that it is still missing."""
    pattern = dict(_KINDS)[kind]
    for sentence in message_sentences(text):
        if pattern.search(sentence) and _DONE.search(sentence) and not _NEGATED.search(sentence):
            return True
    return False
