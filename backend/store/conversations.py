"""Conversations, messages, suggestions, feedback, summaries, knowledge gaps and LLM call records."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlite_utils import Database

from backend.store.kb import now_iso


def upsert_conversation(db: Database, conv: dict) -> int:
    """Insert or update a conversation by (helpdesk, ticket_id); returns its row id."""
    stamp = now_iso()
    customer = json.dumps(conv.get("customer") or {}, ensure_ascii=False)
    db.execute(
        "INSERT INTO conversations (helpdesk, ticket_id, url, subject, customer, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(helpdesk, ticket_id) DO UPDATE SET "
        "url = coalesce(excluded.url, url), subject = coalesce(excluded.subject, subject), "
        "customer = excluded.customer, updated_at = excluded.updated_at",
        [conv["helpdesk"], conv["ticket_id"], conv.get("url"), conv.get("subject"), customer, stamp, stamp],
    )
    row = db.execute("SELECT id FROM conversations WHERE helpdesk = ? AND ticket_id = ?",
                     [conv["helpdesk"], conv["ticket_id"]]).fetchone()
    return row[0]


def add_messages(db: Database, conversation_id: int, messages: Sequence[dict]) -> int:
    """Store messages not seen before (deduplicated by message key); returns how many were new."""
    stamp = now_iso()
    before = db.execute("SELECT count(*) FROM messages WHERE conversation_id = ?", [conversation_id]).fetchone()[0]
    db.conn.executemany(
        "INSERT INTO messages (conversation_id, message_key, ordinal, role, text, at, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(conversation_id, message_key) DO UPDATE SET "
        "role = excluded.role, text = excluded.text",
        [(conversation_id, m["key"], i, m["role"], m["text"], m.get("at"), stamp) for i, m in enumerate(messages)],
    )
    after = db.execute("SELECT count(*) FROM messages WHERE conversation_id = ?", [conversation_id]).fetchone()[0]
    return after - before



def save_suggestions(db: Database, conversation_id: int | None, user_id: int | None, suggestions: Sequence[dict],
                     *, engine: str, degraded: bool, prompt_version: str) -> None:
    """Record the suggestions shown, so feedback can refer to them."""
    stamp = now_iso()
    db.conn.executemany(
        "INSERT INTO suggestions (id, conversation_id, user_id, kind, text, confidence, grounded, citations, engine, "
        "degraded, prompt_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s["id"], conversation_id, user_id, s["kind"], s["text"], s["confidence"], int(s["grounded"]),
          json.dumps(s["citations"], ensure_ascii=False), engine, int(degraded), prompt_version, stamp)
         for s in suggestions],
    )


def suggestion_text(db: Database, suggestion_id: str) -> str | None:
    """The text of a stored suggestion, or None if unknown."""
    row = db.execute("SELECT text FROM suggestions WHERE id = ?", [suggestion_id]).fetchone()
    return row[0] if row else None


def add_feedback(db: Database, suggestion_id: str, user_id: int | None, action: str, rating: int | None,
                 final_text: str | None, edit_distance: int | None) -> int:
    """Record what the agent did with a suggestion."""
    cursor = db.execute(
        "INSERT INTO feedback (suggestion_id, user_id, action, rating, final_text, edit_distance, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)", [suggestion_id, user_id, action, rating, final_text, edit_distance, now_iso()])
    return cursor.lastrowid


def add_summary(db: Database, conversation_id: int, body: dict, engine: str, prompt_version: str,
                user_id: int | None = None) -> int:
    """Store a summary (history is kept; the latest is the current one)."""
    cursor = db.execute(
        "INSERT INTO summaries (conversation_id, body, engine, prompt_version, created_at, user_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [conversation_id, json.dumps(body, ensure_ascii=False), engine, prompt_version, now_iso(), user_id])
    return cursor.lastrowid


def add_signal_event(db: Database, conversation_id: int, user_id: int | None, signals: dict, grounded: bool) -> None:
    """Record the signals of one assist request (for sentiment and escalation over time)."""
    db.execute(
        "INSERT INTO signal_events (conversation_id, user_id, sentiment, sentiment_score, urgency, escalation, reasons, "
        "grounded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [conversation_id, user_id, signals["sentiment"]["label"], signals["sentiment"]["score"], signals["urgency"],
         signals["escalation"]["risk"], json.dumps(signals["escalation"]["reasons"], ensure_ascii=False),
         int(grounded), now_iso()])



def add_knowledge_gap(db: Database, conversation_id: int | None, question: str, best_article_id: str | None,
                      best_similarity: float | None) -> None:
    """Record a question the KB could not answer."""
    db.execute("INSERT INTO knowledge_gaps (conversation_id, question, best_article_id, best_similarity, created_at) "
               "VALUES (?, ?, ?, ?, ?)", [conversation_id, question, best_article_id, best_similarity, now_iso()])



def record_llm_call(db: Database, call: dict) -> None:
    """Record one LLM call's usage and outcome."""
    db.execute(
        "INSERT INTO llm_calls (provider, model, purpose, input_tokens, output_tokens, cache_read_tokens, "
        "cache_write_tokens, ok, error, latency_ms, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [call["provider"], call["model"], call["purpose"], call.get("input_tokens"), call.get("output_tokens"),
         call.get("cache_read_tokens"), call.get("cache_write_tokens"), int(call["ok"]), call.get("error"),
         call.get("latency_ms"), now_iso()])


def llm_calls(db: Database) -> list[dict]:
    """Every recorded LLM call, oldest first."""
    keys = ("provider", "model", "purpose", "input_tokens", "output_tokens", "cache_read_tokens",
            "cache_write_tokens", "ok", "error", "latency_ms")
    rows = db.execute(f"SELECT {', '.join(keys)} FROM llm_calls ORDER BY id").fetchall()
    return [dict(zip(keys, r, strict=True)) for r in rows]
