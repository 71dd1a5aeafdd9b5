"""Message vectors and FAQ drafts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import numpy as np
from sqlite_utils import Database

from backend.store.kb import now_iso

_JSON_FIELDS = ("member_rows", "member_message_ids", "example_queries", "source_conversation_ids")
_DRAFT_COLUMNS = ("id", "status", "question", "answer", "cluster_size", *_JSON_FIELDS, "nearest_article_id",
                  "nearest_similarity", "suggested_action", "embedder", "engine", "article_id", "reason",
                  "created_at", "updated_at", "decided_by", "decided_at")


def customer_messages(db: Database, *, since: str | None = None) -> list[dict]:
    """Customer messages (oldest first) with their conversation, ordinal and whether they open it."""
    # One grouped pass finds each conversation's opening customer turn (a correlated subquery per row
    # went quadratic when the planner picked the role index).
    sql = (
        "WITH openings AS (SELECT conversation_id, min(ordinal) AS first FROM messages WHERE role = 'customer' "
        "GROUP BY conversation_id) "
        "SELECT m.id, m.message_key, m.conversation_id, m.ordinal, m.text, c.ticket_id, c.helpdesk, "
        "m.ordinal = o.first AS opening "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "JOIN openings o ON o.conversation_id = m.conversation_id WHERE m.role = 'customer'"
    )
    params: list = []
    if since:
        sql += " AND coalesce(m.at, m.created_at) >= ?"
        params.append(since)
    keys = ("row_id", "message_id", "conversation_row", "ordinal", "text", "ticket_id", "helpdesk", "opening")
    return [dict(zip(keys, row, strict=True)) for row in db.execute(sql + " ORDER BY m.id", params).fetchall()]


def agent_replies(db: Database, pairs: Iterable[tuple[int, int]]) -> dict[int, str]:
    """For (conversation row, ordinal) pairs: the first agent message after that turn, keyed by conversation."""
    out: dict[int, str] = {}
    for conversation_row, ordinal in pairs:
        row = db.execute("SELECT text FROM messages WHERE conversation_id = ? AND ordinal > ? AND role = 'agent' "
                         "ORDER BY ordinal LIMIT 1", [conversation_row, ordinal]).fetchone()
        if row and conversation_row not in out:
            out[conversation_row] = row[0]
    return out


def vectors_for(db: Database, message_rows: Sequence[int], embedder: str) -> dict[int, np.ndarray]:
    """Stored vectors of these messages made by `embedder`."""
    out: dict[int, np.ndarray] = {}
    for start in range(0, len(message_rows), 900):  # SQLite's bound-parameter limit
        batch = list(message_rows[start:start + 900])
        marks = ",".join("?" * len(batch))
        for row_id, blob in db.execute(
                f"SELECT message_id, vector FROM message_vectors WHERE embedder = ? AND message_id IN ({marks})",
                [embedder, *batch]).fetchall():
            out[row_id] = np.frombuffer(blob, dtype=np.float32)
    return out


def save_vectors(db: Database, rows: Sequence[int], vectors: np.ndarray, embedder: str) -> None:
    """Store message vectors (float32), replacing older ones."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO message_vectors (message_id, embedder, vector) VALUES (?, ?, ?)",
        [(int(r), embedder, np.asarray(v, dtype=np.float32).tobytes()) for r, v in zip(rows, vectors, strict=True)])


def _draft(row: Sequence) -> dict:
    draft = dict(zip(_DRAFT_COLUMNS, row, strict=True))
    for field in _JSON_FIELDS:
        draft[field] = json.loads(draft[field])
    return draft


def list_drafts(db: Database, status: str | None = "pending") -> list[dict]:
    """Drafts with this status (all when None), largest clusters first."""
    sql = f"SELECT {', '.join(_DRAFT_COLUMNS)} FROM faq_drafts"
    params = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    return [_draft(r) for r in db.execute(sql + " ORDER BY cluster_size DESC, id", params).fetchall()]


def get_draft(db: Database, draft_id: int) -> dict | None:
    """One draft, or None."""
    row = db.execute(f"SELECT {', '.join(_DRAFT_COLUMNS)} FROM faq_drafts WHERE id = ?", [draft_id]).fetchone()
    return _draft(row) if row else None


def centroids(db: Database, embedder: str) -> list[tuple[int, str, np.ndarray]]:
    """(id, status, centroid) of every draft made with `embedder`."""
    return [(r[0], r[1], np.frombuffer(r[2], dtype=np.float32))
            for r in db.execute("SELECT id, status, centroid FROM faq_drafts WHERE embedder = ?", [embedder])]


def insert_draft(db: Database, draft: dict, centroid: np.ndarray) -> int:
    """Store a new pending draft; returns its id."""
    stamp = now_iso()
    values = {k: json.dumps(draft[k], ensure_ascii=False) if k in _JSON_FIELDS else draft.get(k)
              for k in _DRAFT_COLUMNS if k not in ("id", "created_at", "updated_at")}
    values.update(status="pending", centroid=np.asarray(centroid, dtype=np.float32).tobytes(),
                  created_at=stamp, updated_at=stamp)
    cursor = db.execute(f"INSERT INTO faq_drafts ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                        list(values.values()))
    return cursor.lastrowid


def grow_draft(db: Database, draft_id: int, evidence: dict, centroid: np.ndarray) -> None:
    """Add evidence to an existing draft (re-mining never duplicates a draft)."""
    sets = ", ".join(f"{k} = ?" for k in evidence)
    values = [json.dumps(v, ensure_ascii=False) if k in _JSON_FIELDS else v for k, v in evidence.items()]
    db.execute(f"UPDATE faq_drafts SET {sets}, centroid = ?, updated_at = ? WHERE id = ?",
               [*values, np.asarray(centroid, dtype=np.float32).tobytes(), now_iso(), draft_id])


def decide(db: Database, draft_id: int, *, status: str, decided_by: str | None, question: str | None = None,
           answer: str | None = None, article_id: str | None = None, reason: str | None = None) -> None:
    """Record a reviewer's decision (and the final wording, when edited)."""
    db.execute(
        "UPDATE faq_drafts SET status = ?, decided_by = ?, decided_at = ?, updated_at = ?, "
        "question = coalesce(?, question), answer = coalesce(?, answer), article_id = coalesce(?, article_id), "
        "reason = coalesce(?, reason) WHERE id = ?",
        [status, decided_by, now_iso(), now_iso(), question, answer, article_id, reason, draft_id])


def unembedded_customer_messages(db: Database, embedder: str) -> list[tuple[int, str]]:
    """(row id, text) of customer messages with no vector from `embedder`."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT m.id, m.text FROM messages m LEFT JOIN message_vectors v ON v.message_id = m.id AND v.embedder = ? "
        "WHERE m.role = 'customer' AND v.message_id IS NULL ORDER BY m.id", [embedder]).fetchall()]
