"""Conversations, messages, suggestions, feedback, summaries, signals, knowledge gaps and LLM call records."""

from __future__ import annotations

import json
from collections.abc import Sequence

import msgspec

from backend.models import Customer, LLMCall, Signals, Suggestion, Summary, Thread, Turn
from backend.store.db import Database, now_iso

_json = msgspec.json.Encoder()


def upsert_conversation(db: Database, thread: Thread) -> int:
    """Insert or update a conversation by (helpdesk, site, ticket_id); returns its row id."""
    stamp = now_iso()
    customer = _json.encode(thread.customer).decode()
    row = db.row(
        "INSERT INTO conversations (helpdesk, site, ticket_id, url, subject, customer, created_at, updated_at, "
        "last_activity_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (helpdesk, site, ticket_id) DO UPDATE SET "
        "url = coalesce(excluded.url, conversations.url), subject = coalesce(excluded.subject, conversations.subject), "
        "customer = excluded.customer, updated_at = excluded.updated_at RETURNING id",
        [thread.helpdesk, thread.site, thread.ticket_id, thread.url, thread.subject, customer, stamp, stamp, stamp])
    assert row is not None
    return int(row[0])


def add_messages(db: Database, conversation_id: int, messages: Sequence[Turn]) -> int:
    """Store messages not seen before (deduplicated by message key); returns how many were new.

    The conversation's last activity is its newest message time (when the helpdesk gave one), so
    retention ages imported history by when it happened, not by when it was imported.
    """
    stamp = now_iso()
    before = int(db.value("SELECT count(*) FROM messages WHERE conversation_id = ?", [conversation_id], 0))
    db.run_many(
        "INSERT INTO messages (conversation_id, message_key, ordinal, role, text, at, author, pii, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, message_key) DO UPDATE SET "
        "role = excluded.role, text = excluded.text, author = coalesce(excluded.author, messages.author), "
        "pii = coalesce(excluded.pii, messages.pii)",
        [(conversation_id, m.key, i, m.role, m.text, m.at, m.author, json.dumps(m.pii, sort_keys=True) if m.pii else None,
          stamp) for i, m in enumerate(messages)])
    after = int(db.value("SELECT count(*) FROM messages WHERE conversation_id = ?", [conversation_id], 0))
    times = [m.at for m in messages if m.at]
    latest = max(times) if times else stamp
    db.run("UPDATE conversations SET last_activity_at = CASE WHEN ? > last_activity_at OR ? = 1 "
           "THEN ? ELSE last_activity_at END WHERE id = ?", [latest, int(before == 0), latest, conversation_id])
    return after - before


def save_suggestions(db: Database, conversation_id: int | None, user_id: int | None,
                     suggestions: Sequence[Suggestion], *, engine: str, degraded: bool, prompt_version: str) -> None:
    """Record the suggestions shown, so feedback can refer to them."""
    stamp = now_iso()
    db.run_many(
        "INSERT INTO suggestions (id, conversation_id, user_id, kind, text, confidence, grounded, citations, engine, "
        "degraded, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        # `confidence` is NOT NULL since the first schema; clarify and escalate (no confidence) store 0,
        # which nothing reads back.
        [(s.id, conversation_id, user_id, s.kind, s.text, s.confidence or 0.0, int(s.grounded),
          _json.encode(s.citations).decode(), engine, int(degraded), prompt_version, stamp) for s in suggestions])


def suggestion_text(db: Database, suggestion_id: str) -> str | None:
    """The text of a stored suggestion, or None if unknown."""
    return db.value("SELECT text FROM suggestions WHERE id = ?", [suggestion_id])


def add_feedback(db: Database, suggestion_id: str, user_id: int | None, action: str, rating: int | None,
                 final_text: str | None, edit_distance: int | None) -> int:
    """Record what the agent did with a suggestion."""
    return db.insert(
        "INSERT INTO feedback (suggestion_id, user_id, action, rating, final_text, edit_distance, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [suggestion_id, user_id, action, rating, final_text, edit_distance, now_iso()])


def add_summary(db: Database, conversation_id: int, summary: Summary, user_id: int | None = None) -> int:
    """Store a summary (history is kept; the latest is the current one)."""
    return db.insert(
        "INSERT INTO summaries (conversation_id, body, engine, prompt_version, created_at, user_id) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [conversation_id, _json.encode(summary).decode(), summary.engine, summary.prompt_version, now_iso(), user_id])


def add_signal_event(db: Database, conversation_id: int, user_id: int | None, signals: Signals, grounded: bool) -> None:
    """Record the signals of one assist request (for sentiment and escalation over time)."""
    db.run(
        "INSERT INTO signal_events (conversation_id, user_id, sentiment, sentiment_score, urgency, escalation, "
        "reasons, grounded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [conversation_id, user_id, signals.sentiment.label, signals.sentiment.score, signals.urgency,
         signals.escalation.risk, json.dumps(signals.escalation.reasons, ensure_ascii=False), int(grounded),
         now_iso()])


def add_knowledge_gap(db: Database, conversation_id: int | None, question: str, best_article_id: str | None,
                      best_similarity: float | None) -> None:
    """Record a question the KB could not answer."""
    db.run("INSERT INTO knowledge_gaps (conversation_id, question, best_article_id, best_similarity, created_at) "
           "VALUES (?, ?, ?, ?, ?)", [conversation_id, question, best_article_id, best_similarity, now_iso()])


def record_llm_call(db: Database, call: LLMCall) -> None:
    """Record one LLM call's usage and outcome."""
    db.run(
        "INSERT INTO llm_calls (provider, model, purpose, input_tokens, output_tokens, cache_read_tokens, "
        "cache_write_tokens, ok, error, latency_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [call.provider, call.model, call.purpose, call.input_tokens, call.output_tokens, call.cache_read_tokens,
         call.cache_write_tokens, int(call.ok), call.error, call.latency_ms, now_iso()])


def llm_calls(db: Database) -> list[LLMCall]:
    """Every recorded LLM call, oldest first."""
    rows = db.rows("SELECT provider, model, purpose, ok, input_tokens, output_tokens, cache_read_tokens, "
                   "cache_write_tokens, error, latency_ms FROM llm_calls ORDER BY id")
    return [LLMCall(provider=r[0], model=r[1], purpose=r[2], ok=bool(r[3]), input_tokens=r[4], output_tokens=r[5],
                    cache_read_tokens=r[6], cache_write_tokens=r[7], error=r[8], latency_ms=r[9]) for r in rows]


def load_thread(db: Database, conversation_id: int) -> Thread | None:
    """A stored conversation as a Thread (to summarize or replay it)."""
    head = db.row("SELECT helpdesk, site, ticket_id, url, subject, customer FROM conversations WHERE id = ?",
                  [conversation_id])
    if head is None:
        return None
    helpdesk, site, ticket, url, subject, customer = head
    turns = [Turn(key=r[0], role=r[1], text=r[2], at=r[3], author=r[4], pii=json.loads(r[5]) if r[5] else None)
             for r in db.rows("SELECT message_key, role, text, at, author, pii FROM messages "
                              "WHERE conversation_id = ? ORDER BY ordinal, id",
        [conversation_id])]
    return Thread(helpdesk=helpdesk, site=site, ticket_id=ticket, url=url, subject=subject,
                  customer=msgspec.json.decode(customer or "{}", type=Customer), messages=turns)


def last_activity(db: Database, conversation_id: int) -> str | None:
    """When a conversation's last message was written (None if it is gone)."""
    return db.value("SELECT last_activity_at FROM conversations WHERE id = ?", [conversation_id])


class StoredConversation(msgspec.Struct, kw_only=True):
    """A conversation row with its ids, for replays."""

    row_id: int
    helpdesk: str
    ticket_id: str
    last_activity_at: str


def conversations_between(db: Database, since: str | None, until: str | None) -> list[StoredConversation]:
    """Stored conversations whose last activity falls in [since, until), oldest first."""
    sql = "SELECT id, helpdesk, ticket_id, last_activity_at FROM conversations WHERE 1 = 1"
    params: list = []
    if since:
        sql += " AND last_activity_at >= ?"
        params.append(since)
    if until:
        sql += " AND last_activity_at < ?"
        params.append(until)
    return [StoredConversation(row_id=int(r[0]), helpdesk=r[1], ticket_id=r[2], last_activity_at=r[3])
            for r in db.rows(sql + " ORDER BY last_activity_at, id", params)]
