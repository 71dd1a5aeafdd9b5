"""Handoff metrics for team leads: time to first human reply, handle time and reopen rate, with and without
Tandem's suggestions inserted, per week and per agent (`tandem report`, the dashboard, exports).

Definitions (docs/api.md, "Handoff metrics"), over customer and agent messages that carry a time (notes and
bot messages are not replies; a message without a time is left out):
- first human reply: the first agent message after the conversation's first customer message; the time to it
  is its time minus that customer message's time;
- handle time: from the first customer message to the conversation's last agent message;
- reopened: a customer message arrives after an agent reply that was followed by at least TANDEM_QA_IDLE_H
  hours with no customer or agent message (the conversation looked finished, as auto-QA reads it);
- with suggestions: an agent inserted one of Tandem's suggestions in the conversation (feedback `inserted` or
  `edited`).
A conversation with no timed customer message followed by a timed agent reply is not measured.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import groupby
from typing import Any

import msgspec

from backend.errors import InvalidInput
from backend.services.runtime import Runtime
from backend.store import reports as report_store
from backend.store.reports import HandoffMessage

UNATTRIBUTED = "(unattributed)"
CSV_COLUMNS = ("conversation_id", "helpdesk", "ticket_id", "week", "first_customer_at", "first_reply_s", "handle_s",
               "reopened", "with_suggestions", "first_replier", "agents")


class HandoffConversation(msgspec.Struct, kw_only=True):
    """One measured conversation (a row of the handoff export)."""

    conversation_id: int
    helpdesk: str
    ticket_id: str
    week: str  # ISO week of the first customer message, YYYY-Www
    first_customer_at: str
    first_reply_s: float
    handle_s: float
    reopened: bool
    with_suggestions: bool
    first_replier: str
    agents: list[str]


def _instant(value: str) -> datetime:
    return datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def measure_one(messages: list[HandoffMessage], *, idle_h: float, with_suggestions: bool,
                fallback_agents: list[str]) -> HandoffConversation | None:
    """The metrics of one conversation's messages (in order), or None when it cannot be measured."""
    timed = [(m, _instant(m.at)) for m in messages if m.at]
    first = next((i for i, (m, _) in enumerate(timed) if m.role == "customer"), None)
    if first is None:
        return None
    start = timed[first][1]
    replies = [(m, at) for m, at in timed[first + 1:] if m.role == "agent"]
    if not replies:
        return None
    reopened = any(m.role == "agent" and nxt.role == "customer" and (nxt_at - at).total_seconds() >= idle_h * 3600
                   for (m, at), (nxt, nxt_at) in zip(timed[first:], timed[first + 1:], strict=False))
    authors = list(dict.fromkeys(m.author for m, _ in replies if m.author))
    agents = authors or fallback_agents or [UNATTRIBUTED]
    year, week, _ = start.isocalendar()
    head = messages[0]
    return HandoffConversation(
        conversation_id=head.conversation_id, helpdesk=head.helpdesk, ticket_id=head.ticket_id,
        week=f"{year}-W{week:02d}", first_customer_at=timed[first][0].at or "",
        first_reply_s=max(0.0, (replies[0][1] - start).total_seconds()),
        handle_s=max(0.0, (replies[-1][1] - start).total_seconds()), reopened=reopened,
        with_suggestions=with_suggestions, first_replier=replies[0][0].author or agents[0], agents=agents)


def measure(rt: Runtime, *, since: str | None = None, until: str | None = None) -> Iterator[HandoffConversation]:
    """Every measurable conversation last active in [since, until), streamed."""
    inserted = report_store.conversations_with_inserts(rt.db)
    users = report_store.assist_users(rt.db)
    messages = report_store.iter_handoff_messages(rt.db, since, until)
    for conversation_id, group in groupby(messages, key=lambda m: m.conversation_id):
        row = measure_one(list(group), idle_h=rt.settings.qa_idle_h, with_suggestions=conversation_id in inserted,
                          fallback_agents=users.get(conversation_id, []))
        if row is not None:
            yield row


def _stats(rows: list[HandoffConversation], first_reply: list[float]) -> dict[str, Any]:
    """Counts, medians (seconds) and the reopen rate of a group of conversations."""
    n = len(rows)
    reopened = sum(r.reopened for r in rows)
    return {"conversations": n,
            "first_reply_median_s": round(statistics.median(first_reply), 1) if first_reply else None,
            "handle_median_s": round(statistics.median([r.handle_s for r in rows]), 1) if rows else None,
            "reopened": reopened, "reopen_rate": round(reopened / n, 3) if n else None}


def _split(rows: list[HandoffConversation], replier: str | None = None) -> dict[str, dict[str, Any]]:
    """The with / without suggestions pair of a group (first replies only the `replier`'s, when given)."""
    out = {}
    for name, flag in (("with_suggestions", True), ("without", False)):
        part = [r for r in rows if r.with_suggestions is flag]
        firsts = [r.first_reply_s for r in part if replier is None or r.first_replier == replier]
        out[name] = _stats(part, firsts)
    return out


def summarize(rows: Iterable[HandoffConversation], *, idle_h: float) -> dict[str, Any]:
    """The `handoff` section of the report: overall, per week (of the first customer message) and per agent
    (a conversation counts for every agent who replied in it; its first-reply time for the first replier only)."""
    rows = list(rows)
    weeks: dict[str, list[HandoffConversation]] = {}
    agents: dict[str, list[HandoffConversation]] = {}
    for row in rows:
        weeks.setdefault(row.week, []).append(row)
        for agent in row.agents:
            agents.setdefault(agent, []).append(row)
    return {"idle_h": idle_h, "measured": len(rows), "overall": _split(rows),
            "by_week": [{"week": week, **_split(weeks[week])} for week in sorted(weeks)],
            "by_agent": [{"agent": agent, **_split(agents[agent], agent)} for agent in sorted(agents)]}


def report(rt: Runtime, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The handoff section for the period."""
    return summarize(measure(rt, since=since, until=until), idle_h=rt.settings.qa_idle_h)


def export_lines(rt: Runtime, fmt: str, *, since: str | None = None, until: str | None = None) -> Iterator[str]:
    """One row per measured conversation, as CSV (cells made safe) or JSONL, streamed."""
    from backend.services.exports import csv_line

    if fmt not in ("csv", "jsonl"):
        raise InvalidInput(f"unknown handoff export format {fmt!r} (use csv or jsonl)")
    rows = measure(rt, since=since, until=until)
    if fmt == "jsonl":
        encode = msgspec.json.Encoder().encode
        for row in rows:
            yield encode(row).decode() + "\n"
        return
    yield csv_line(list(CSV_COLUMNS))
    for row in rows:
        yield csv_line([row.conversation_id, row.helpdesk, row.ticket_id, row.week, row.first_customer_at,
                        row.first_reply_s, row.handle_s, int(row.reopened), int(row.with_suggestions),
                        row.first_replier, " | ".join(row.agents)])
