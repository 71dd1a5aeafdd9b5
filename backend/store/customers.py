"""Customers as keyed hashes: the links between a customer's conversations, each conversation's context
summary and the promises agents made in it."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from backend.store.db import Database, placeholders
from backend.store.learned import bump_version


class Earlier(msgspec.Struct):
    """An earlier linked conversation with its cached context summary (None when never summarized)."""

    conversation_id: int
    ticket_id: str
    last_activity_at: str
    summary: str | None
    risk: str | None
    escalated: bool
    as_of: str | None


class StoredPromise(msgspec.Struct):
    """A promise row: what, when made, when due, and when kept (None while not known kept)."""

    id: int
    conversation_id: int
    kind: str
    text: str
    made_at: str
    due_at: str
    kept_at: str | None


class NewPromise(msgspec.Struct):
    message_key: str
    kind: str
    text: str
    made_at: str
    due_at: str


def create_secret(db: Database, key: str, value: str) -> None:
    """Store a secret under `key` unless one is there (two workers starting together keep the first)."""
    db.run("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", [key, value])


def link(db: Database, conversation_id: int, keys: Sequence[str]) -> None:
    """Link a conversation to its customer's keys (idempotent)."""
    db.run_many("INSERT INTO customer_links (conversation_id, customer_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(conversation_id, key) for key in keys])


def earlier(db: Database, keys: Sequence[str], helpdesk: str, site: str, ticket_id: str,
            limit: int) -> tuple[int, list[Earlier]]:
    """How many other conversations share one of `keys`, and the `limit` most recent of them."""
    linked = (f"SELECT DISTINCT conversation_id FROM customer_links WHERE customer_key IN ({placeholders(len(keys))})")
    other = "NOT (c.helpdesk = ? AND c.site = ? AND c.ticket_id = ?)"
    count = int(db.value(f"SELECT count(*) FROM conversations c WHERE c.id IN ({linked}) AND {other}",
                         [*keys, helpdesk, site, ticket_id], 0))
    if not count:
        return 0, []
    rows = db.rows(
        f"SELECT c.id, c.ticket_id, c.last_activity_at, x.summary, x.risk, x.escalated, x.as_of FROM conversations c "
        f"LEFT JOIN conversation_context x ON x.conversation_id = c.id WHERE c.id IN ({linked}) AND {other} "
        "ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?", [*keys, helpdesk, site, ticket_id, limit])
    return count, [Earlier(int(r[0]), r[1], r[2], r[3], r[4], bool(r[5]), r[6]) for r in rows]


def linked_conversations(db: Database, keys: Sequence[str], exclude_id: int) -> list[int]:
    """Ids of the other conversations linked to one of `keys`."""
    return [int(r[0]) for r in db.rows(
        f"SELECT DISTINCT conversation_id FROM customer_links WHERE customer_key IN ({placeholders(len(keys))}) "
        "AND conversation_id <> ?", [*keys, exclude_id])]


class ConversationSignals(msgspec.Struct):
    """A conversation's own signals, kept beside its context summary (reports read them for imported history)."""

    sentiment: str
    sentiment_score: float
    reasons: list[str]


def save_context(db: Database, conversation_id: int, summary: str, risk: str, escalated: bool, as_of: str,
                 signals: ConversationSignals | None = None) -> None:
    """Cache a conversation's context summary (and its signals) as of its last activity."""
    sentiment = signals.sentiment if signals else None
    score = signals.sentiment_score if signals else None
    reasons = msgspec.json.encode(signals.reasons).decode() if signals else None
    db.run("INSERT INTO conversation_context (conversation_id, summary, risk, escalated, as_of, sentiment, "
           "sentiment_score, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT (conversation_id) DO UPDATE SET summary = excluded.summary, risk = excluded.risk, "
           "escalated = excluded.escalated, as_of = excluded.as_of, sentiment = excluded.sentiment, "
           "sentiment_score = excluded.sentiment_score, reasons = excluded.reasons",
           [conversation_id, summary, risk, int(escalated), as_of, sentiment, score, reasons])


class HistoryCandidate(msgspec.Struct):
    """A conversation never assisted live whose report signals or topic are missing or older than its last
    activity."""

    conversation_id: int
    needs_signals: bool
    needs_topic: bool


def history_to_analyze(db: Database, limit: int) -> list[HistoryCandidate]:
    """Up to `limit` conversations without signal events (imported history) that lack current signals or a
    current topic, oldest id first (a run picks up where the last one stopped)."""
    rows = db.rows(
        "SELECT c.id, CASE WHEN x.conversation_id IS NULL OR x.sentiment IS NULL OR x.as_of < c.last_activity_at "
        "THEN 1 ELSE 0 END, CASE WHEN x.topic_as_of IS NULL OR x.topic_as_of < c.last_activity_at THEN 1 ELSE 0 END "
        "FROM conversations c LEFT JOIN conversation_context x ON x.conversation_id = c.id "
        "WHERE NOT EXISTS (SELECT 1 FROM signal_events s WHERE s.conversation_id = c.id) "
        "AND (x.conversation_id IS NULL OR x.sentiment IS NULL OR x.as_of < c.last_activity_at "
        "OR x.topic_as_of IS NULL OR x.topic_as_of < c.last_activity_at) ORDER BY c.id LIMIT ?", [limit])
    return [HistoryCandidate(int(r[0]), bool(r[1]), bool(r[2])) for r in rows]


def save_topic(db: Database, conversation_id: int, article_id: str | None, title: str | None, as_of: str) -> None:
    """Record a conversation's topic (None: no article answers it) as computed through `as_of`."""
    db.run("UPDATE conversation_context SET topic = ?, topic_title = ?, topic_as_of = ? WHERE conversation_id = ?",
           [article_id, title, as_of, conversation_id])


def add_promises(db: Database, conversation_id: int, promises: Sequence[NewPromise]) -> None:
    """Store promises not stored yet (a conversation summarized again keeps its promises' state)."""
    db.run_many("INSERT INTO promises (conversation_id, message_key, kind, text, made_at, due_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, message_key, text) DO NOTHING",
                [(conversation_id, p.message_key, p.kind, p.text, p.made_at, p.due_at) for p in promises])


def promises_of(db: Database, conversation_ids: Sequence[int], *, unkept: bool = True) -> list[StoredPromise]:
    """Promises made in these conversations (only those not known kept, by default), oldest first."""
    if not conversation_ids:
        return []
    sql = (f"SELECT id, conversation_id, kind, text, made_at, due_at, kept_at FROM promises WHERE conversation_id IN "
           f"({placeholders(len(conversation_ids))})")
    if unkept:
        sql += " AND kept_at IS NULL"
    return [StoredPromise(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6])
            for r in db.rows(sql + " ORDER BY made_at, id", list(conversation_ids))]


def mark_kept(db: Database, promise_id: int, kept_at: str, kept_in: int) -> None:
    """Record that a later conversation shows this promise kept."""
    db.run("UPDATE promises SET kept_at = ?, kept_in = ? WHERE id = ? AND kept_at IS NULL",
           [kept_at, kept_in, promise_id])


def forget(db: Database, keys: Sequence[str]) -> int:
    """Delete every conversation linked to one of `keys` (everything derived cascades); returns how many.
    Call inside a write transaction."""
    linked = f"SELECT conversation_id FROM customer_links WHERE customer_key IN ({placeholders(len(keys))})"
    learned = int(db.value(f"SELECT count(*) FROM learned_questions WHERE conversation_id IN ({linked})", list(keys), 0))
    removed = db.run(f"DELETE FROM conversations WHERE id IN ({linked})", list(keys))
    if learned:  # retrievers drop what was learned from them at their next follow
        bump_version(db)
    return removed


def unlink_all(db: Database) -> int:
    """Drop every customer link (after the secret is replaced, old keys can link nobody)."""
    return db.run("DELETE FROM customer_links")


def promise_rows(db: Database, since: str | None, until: str | None) -> list[tuple[str, str, str | None]]:
    """(made_at, due_at, kept_at) of the promises made in [since, until)."""
    sql, params = "SELECT made_at, due_at, kept_at FROM promises WHERE 1 = 1", []
    if since:
        sql += " AND made_at >= ?"
        params.append(since)
    if until:
        sql += " AND made_at < ?"
        params.append(until)
    return [(r[0], r[1], r[2]) for r in db.rows(sql, params)]
