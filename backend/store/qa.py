"""Auto-QA results: each finished conversation's latest score and flags, kept until a new message arrives."""

from __future__ import annotations

import json
from collections.abc import Sequence

import msgspec

from backend.store.db import Database, now_iso


class QAFlagRow(msgspec.Struct, kw_only=True):
    """One flag of a scored conversation (the `flags[]` item of `tandem qa run --json`)."""

    flag: str
    message_ids: list[str]
    reason: str
    agents: list[str] = msgspec.field(default_factory=list)  # whom it counts against (empty: every agent)


class QAResultRow(msgspec.Struct, kw_only=True):
    """A scored conversation as stored."""

    conversation_id: int
    helpdesk: str
    ticket_id: str
    scored_through: str
    agents: list[str]
    score: float
    flags: list[QAFlagRow]


class Candidate(msgspec.Struct, kw_only=True):
    """A finished conversation that needs scoring (never scored, scored before its last message, or under
    another rubric)."""

    conversation_id: int
    last_activity_at: str


def _range(since: str | None, until: str | None, params: list) -> str:
    sql = ""
    if since:
        sql += " AND c.last_activity_at >= ?"
        params.append(since)
    if until:
        sql += " AND c.last_activity_at < ?"
        params.append(until)
    return sql


def candidates(db: Database, *, rubric: str, idle_before: str, since: str | None,
               until: str | None, limit: int | None = None) -> list[Candidate]:
    """Conversations to score, oldest activity first: finished (idle since `idle_before`, or never assisted
    live, i.e. imported history) and not yet scored through their last activity under `rubric`; at most
    `limit` (None: all)."""
    params: list = [idle_before]
    sql = ("SELECT c.id, c.last_activity_at FROM conversations c LEFT JOIN qa_results q ON q.conversation_id = c.id "
           "WHERE (c.last_activity_at <= ? OR NOT EXISTS (SELECT 1 FROM signal_events s "
           "WHERE s.conversation_id = c.id))")
    sql += _range(since, until, params)
    sql += " AND (q.conversation_id IS NULL OR q.scored_through < c.last_activity_at OR q.rubric <> ?)"
    params.append(rubric)
    sql += " ORDER BY c.last_activity_at, c.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [Candidate(conversation_id=int(r[0]), last_activity_at=r[1]) for r in db.rows(sql, params)]


def save(db: Database, rows: Sequence[QAResultRow], *, rubric: str) -> None:
    """Store (or replace) the results of scored conversations."""
    stamp = now_iso()
    db.run_many(
        "INSERT INTO qa_results (conversation_id, scored_through, rubric, agents, score, flags, scored_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id) DO UPDATE SET "
        "scored_through = excluded.scored_through, rubric = excluded.rubric, agents = excluded.agents, "
        "score = excluded.score, flags = excluded.flags, scored_at = excluded.scored_at",
        [(r.conversation_id, r.scored_through, rubric, json.dumps(r.agents, ensure_ascii=False), r.score,
          msgspec.json.encode(r.flags).decode(), stamp) for r in rows])


def results(db: Database, *, rubric: str | None, since: str | None, until: str | None) -> list[QAResultRow]:
    """Stored results of conversations whose last activity falls in [since, until), oldest first."""
    params: list = []
    sql = ("SELECT c.id, c.helpdesk, c.ticket_id, q.scored_through, q.agents, q.score, q.flags FROM qa_results q "
           "JOIN conversations c ON c.id = q.conversation_id WHERE 1 = 1")
    if rubric is not None:
        sql += " AND q.rubric = ?"
        params.append(rubric)
    sql += _range(since, until, params)
    return [QAResultRow(conversation_id=int(r[0]), helpdesk=r[1], ticket_id=r[2], scored_through=r[3],
                        agents=json.loads(r[4]), score=float(r[5]),
                        flags=msgspec.json.decode(r[6], type=list[QAFlagRow]))
            for r in db.rows(sql + " ORDER BY c.last_activity_at, c.id", params)]


class VerdictText(msgspec.Struct, kw_only=True):
    """A lead's verdict on one flag of an agent message, with the message's (redacted) text."""

    verdict: str
    text: str


def conversation_ids(db: Database, helpdesk: str, ticket_id: str, site: str | None = None) -> list[int]:
    """The stored conversations of a helpdesk ticket (one per site; only `site`'s when given)."""
    sql = "SELECT id FROM conversations WHERE helpdesk = ? AND ticket_id = ?"
    params = [helpdesk, ticket_id]
    if site is not None:
        sql += " AND site = ?"
        params.append(site)
    return [int(r[0]) for r in db.rows(sql + " ORDER BY id", params)]


def message_role(db: Database, conversation_id: int, message_key: str) -> str | None:
    """The role of one stored message, or None when there is no such message."""
    row = db.row("SELECT role FROM messages WHERE conversation_id = ? AND message_key = ?",
                 [conversation_id, message_key])
    return row[0] if row is not None else None


def save_verdict(db: Database, *, conversation_id: int, message_key: str, flag: str, verdict: str,
                 by_user: str) -> None:
    """Record a lead's verdict (the latest per message and flag stands)."""
    db.run("INSERT INTO qa_verdicts (conversation_id, message_key, flag, verdict, by_user, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, message_key, flag) DO UPDATE SET "
           "verdict = excluded.verdict, by_user = excluded.by_user, created_at = excluded.created_at",
           [conversation_id, message_key, flag, verdict, by_user, now_iso()])


def verdict_texts(db: Database, flag: str) -> list[VerdictText]:
    """Every verdict on `flag`, with its message's text, oldest first."""
    rows = db.rows("SELECT v.verdict, m.text FROM qa_verdicts v JOIN messages m ON m.conversation_id = "
                   "v.conversation_id AND m.message_key = v.message_key WHERE v.flag = ? ORDER BY v.id", [flag])
    return [VerdictText(verdict=r[0], text=r[1]) for r in rows]
