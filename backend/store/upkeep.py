"""What knowledge upkeep reads: conversation ids, and suggestions citing articles with how agents used them."""

from __future__ import annotations

import json
from collections.abc import Iterator

import msgspec

from backend.store.db import Database


class CitedSuggestion(msgspec.Struct, kw_only=True):
    """An answer suggestion with its citations and what the agent did with it (last feedback)."""

    suggestion_id: str
    conversation_id: int | None
    text: str
    article_ids: list[str]
    ticket_id: str
    action: str | None
    final_text: str | None
    edit_distance: int | None
    created_at: str


class AgentMessage(msgspec.Struct, kw_only=True):
    """An agent's message with its conversation, as drift reads it."""

    conversation_id: int
    ticket_id: str
    message_key: str
    text: str
    at: str | None


def agent_messages(db: Database) -> Iterator[AgentMessage]:
    """Every stored agent message, streamed in one query (not one query per conversation)."""
    for r in db.stream("SELECT m.conversation_id, c.ticket_id, m.message_key, m.text, m.at FROM messages m "
                       "JOIN conversations c ON c.id = m.conversation_id WHERE m.role = 'agent' "
                       "ORDER BY m.conversation_id, m.ordinal, m.id"):
        yield AgentMessage(conversation_id=int(r[0]), ticket_id=r[1], message_key=r[2], text=r[3], at=r[4])


def cited_suggestions(db: Database) -> list[CitedSuggestion]:
    """Answer suggestions that cite articles, each with its latest feedback (if any)."""
    rows = db.rows(
        "SELECT s.id, s.conversation_id, s.text, s.citations, coalesce(c.ticket_id, ''), f.action, f.final_text, f.edit_distance, "
        "s.created_at FROM suggestions s LEFT JOIN conversations c ON c.id = s.conversation_id "
        "LEFT JOIN feedback f ON f.id = (SELECT max(id) FROM feedback WHERE suggestion_id = s.id "
        "AND action IN ('inserted', 'edited')) "
        "WHERE s.kind = 'answer' AND s.citations <> '[]' ORDER BY s.created_at, s.id")
    out = []
    for r in rows:
        cited = [str(c["article_id"]) for c in json.loads(r[3] or "[]") if isinstance(c, dict) and c.get("article_id")]
        if cited:
            out.append(CitedSuggestion(suggestion_id=r[0], conversation_id=None if r[1] is None else int(r[1]),
                                       text=r[2], article_ids=list(dict.fromkeys(cited)), ticket_id=r[4],
                                       action=r[5], final_text=r[6], edit_distance=None if r[7] is None else int(r[7]),
                                       created_at=r[8]))
    return out
