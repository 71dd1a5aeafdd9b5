"""What knowledge upkeep reads: conversation ids, and suggestions citing articles with how agents used them."""

from __future__ import annotations

import json

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


def conversation_ids(db: Database) -> list[int]:
    """Every stored conversation's row id, oldest first."""
    return [int(r[0]) for r in db.rows("SELECT id FROM conversations ORDER BY id")]


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
