"""Learned questions: customer questions agents answered with an article (or declined), with provenance.

Every change bumps `learned_version` in the meta table, so each process's retriever reloads them as it
follows the KB. Rows of a purged conversation go with it (foreign key cascade); a kept row belongs to
no conversation, so it stays.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import msgspec
import numpy as np

from backend.store.db import Database, get_meta, now_iso, placeholders, set_meta

STATUSES = ("learned", "declined", "conflict", "kept")
USED = ("learned", "kept")  # the statuses retrieval matches queries against


class NewLearned(msgspec.Struct, kw_only=True):
    """A question to learn: one customer question and the agent reply that answered (or declined) it."""

    article_row_id: int | None
    conversation_id: int | None
    reply_key: str
    question_keys: list[str]
    ticket_id: str
    text: str
    status: str
    how: str  # url | title | feedback | declined
    answered_at: str | None = None


class LearnedRow(msgspec.Struct, kw_only=True):
    """A stored learned question with its article's public fields (the `tandem kb learned --json` shape)."""

    id: int
    article_id: str | None
    source: str | None
    title: str | None
    text: str
    status: str
    how: str
    ticket_id: str
    reply_key: str
    question_keys: list[str]
    answered_at: str | None
    created_at: str
    kept_by: str | None = None
    kept_at: str | None = None


class LearnedVectors(msgspec.Struct, kw_only=True):
    """What retrieval needs: used questions' vectors and articles, and declined questions' vectors."""

    version: int
    ids: np.ndarray  # row ids of `vectors`
    article_row_ids: np.ndarray  # -1 for declined
    vectors: np.ndarray
    texts: list[str]
    tickets: list[str]  # where each was learned (a replay of that ticket must not learn from itself)


def learned_version(db: Database) -> int:
    """The version every process compares with the one it loaded."""
    return int(get_meta(db, "learned_version", "0") or 0)


def bump_version(db: Database) -> int:
    """Mark a change (call inside the write transaction that made it)."""
    version = learned_version(db) + 1
    set_meta(db, "learned_version", str(version))
    return version


def add(db: Database, rows: Sequence[NewLearned]) -> int:
    """Insert questions not learned before (one per conversation and reply); returns how many were new."""
    if not rows:
        return 0
    stamp = now_iso()
    before = int(db.value("SELECT count(*) FROM learned_questions", default=0))
    db.run_many(
        "INSERT INTO learned_questions (article_id, conversation_id, reply_key, question_keys, ticket_id, text, status, "
        "how, answered_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (conversation_id, reply_key) DO NOTHING",
        [(r.article_row_id, r.conversation_id, r.reply_key, json.dumps(r.question_keys), r.ticket_id, r.text,
          r.status, r.how, r.answered_at, stamp) for r in rows])
    added = int(db.value("SELECT count(*) FROM learned_questions", default=0)) - before
    if added:
        bump_version(db)
    return added


def last_id(db: Database) -> int:
    """The newest learned question's id (0 when there is none)."""
    return int(db.value("SELECT max(id) FROM learned_questions", default=0))


def set_status(db: Database, ids: Sequence[int], status: str) -> int:
    """Change the status of these rows (conflict resolution); returns how many changed."""
    changed = 0
    for part in _parts(ids):
        changed += db.run(f"UPDATE learned_questions SET status = ? WHERE status <> ? AND status <> 'kept' "
                          f"AND id IN ({placeholders(len(part))})", [status, status, *part])
    if changed:
        bump_version(db)
    return changed


def remove(db: Database, learned_id: int) -> bool:
    """Delete one learned question."""
    removed = db.run("DELETE FROM learned_questions WHERE id = ?", [learned_id]) > 0
    if removed:
        bump_version(db)
    return removed


def keep(db: Database, learned_id: int, by: str) -> bool:
    """Keep a question as KB content: detached from its conversation, so purges leave it."""
    kept = db.run("UPDATE learned_questions SET status = 'kept', conversation_id = NULL, kept_by = ?, kept_at = ? "
                  "WHERE id = ? AND article_id IS NOT NULL", [by, now_iso(), learned_id]) > 0
    if kept:
        bump_version(db)
    return kept


_SELECT = ("SELECT q.id, a.external_id, a.source, a.title, q.text, q.status, q.how, q.ticket_id, q.reply_key, "
           "q.question_keys, q.answered_at, q.created_at, q.kept_by, q.kept_at FROM learned_questions q "
           "LEFT JOIN articles a ON a.id = q.article_id")


def _row(r: Sequence) -> LearnedRow:
    return LearnedRow(id=int(r[0]), article_id=r[1], source=r[2], title=r[3], text=r[4], status=r[5], how=r[6],
                      ticket_id=r[7], reply_key=r[8], question_keys=json.loads(r[9] or "[]"), answered_at=r[10],
                      created_at=r[11], kept_by=r[12], kept_at=r[13])


def list_learned(db: Database, *, article_row_ids: Sequence[int] | None = None, status: str | None = None,
                 limit: int | None = None) -> list[LearnedRow]:
    """Learned questions, newest first, optionally of some articles or one status."""
    where: list[str] = []
    params: list[object] = []
    if article_row_ids is not None:
        if not article_row_ids:
            return []
        where.append(f"q.article_id IN ({placeholders(len(article_row_ids))})")
        params.extend(article_row_ids)
    if status:
        where.append("q.status = ?")
        params.append(status)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY q.id DESC"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [_row(r) for r in db.rows(sql, params)]


def get(db: Database, learned_id: int) -> LearnedRow | None:
    """One learned question."""
    row = db.row(_SELECT + " WHERE q.id = ?", [learned_id])
    return _row(row) if row else None


def counts(db: Database) -> dict[str, int]:
    """How many questions have each status."""
    return {r[0]: int(r[1]) for r in db.rows("SELECT status, count(*) FROM learned_questions GROUP BY status")}


def by_reply(db: Database, conversation_ids: Sequence[int]) -> set[tuple[int, str]]:
    """(conversation id, reply key) pairs already learned from these conversations."""
    out: set[tuple[int, str]] = set()
    for part in _parts(conversation_ids):
        out |= {(int(r[0]), r[1]) for r in db.rows(
            f"SELECT conversation_id, reply_key FROM learned_questions WHERE conversation_id IN "
            f"({placeholders(len(part))})", list(part))}
    return out


def missing_vectors(db: Database, embedder: str) -> list[tuple[int, str]]:
    """(id, text) of used and declined questions with no vector from this embedder."""
    return [(int(r[0]), r[1]) for r in db.rows(
        "SELECT id, text FROM learned_questions WHERE status IN ('learned', 'kept', 'declined') "
        "AND (embedder IS NULL OR embedder <> ?)", [embedder])]


def save_vectors(db: Database, embedder: str, ids: Sequence[int], vectors: np.ndarray) -> None:
    """Cache question vectors (no version bump: the texts did not change)."""
    db.run_many("UPDATE learned_questions SET embedder = ?, vector = ? WHERE id = ?",
                [(embedder, np.asarray(v, dtype=np.float32).tobytes(), int(i)) for i, v in zip(ids, vectors, strict=True)])


def load_vectors(db: Database, embedder: str, dim: int) -> LearnedVectors:
    """Used and declined questions with this embedder's vectors, at the version read in the same snapshot."""
    version = learned_version(db)
    ids, articles, vectors, texts, tickets = [], [], [], [], []
    for r in db.rows("SELECT id, article_id, status, vector, text, ticket_id FROM learned_questions "
                     "WHERE status IN ('learned', 'kept', 'declined') AND embedder = ? ORDER BY id", [embedder]):
        ids.append(int(r[0]))
        articles.append(-1 if r[2] == "declined" or r[1] is None else int(r[1]))
        vectors.append(np.frombuffer(bytes(r[3]), dtype=np.float32))
        texts.append(r[4])
        tickets.append(r[5])
    matrix = np.vstack(vectors) if vectors else np.zeros((0, dim), dtype=np.float32)
    return LearnedVectors(version=version, ids=np.array(ids, dtype=np.int64),
                          article_row_ids=np.array(articles, dtype=np.int64), vectors=matrix, texts=texts,
                          tickets=tickets)


def _parts(values: Sequence[int], size: int = 900) -> list[Sequence[int]]:
    return [values[i:i + size] for i in range(0, len(values), size)]


class InsertedAnswer(msgspec.Struct, kw_only=True):
    """An answer suggestion an agent inserted (as it was or edited), with what it cited."""

    feedback_id: int
    suggestion_id: str
    conversation_id: int
    cited_article_ids: list[str]
    suggested_at: str


def inserted_answers(db: Database, after_feedback_id: int = 0) -> list[InsertedAnswer]:
    """Inserted answer suggestions with citations, feedback newer than `after_feedback_id` first to last."""
    out = []
    for r in db.rows(
            "SELECT f.id, s.id, s.conversation_id, s.citations, s.created_at FROM feedback f "
            "JOIN suggestions s ON s.id = f.suggestion_id WHERE f.id > ? AND f.action IN ('inserted', 'edited') "
            "AND s.kind = 'answer' AND s.conversation_id IS NOT NULL ORDER BY f.id", [after_feedback_id]):
        cited = [str(c["article_id"]) for c in json.loads(r[3] or "[]") if isinstance(c, dict) and c.get("article_id")]
        if cited:
            out.append(InsertedAnswer(feedback_id=int(r[0]), suggestion_id=r[1], conversation_id=int(r[2]),
                                      cited_article_ids=cited, suggested_at=r[4]))
    return out


def customer_turns_before(db: Database, conversation_id: int, moment: str, limit: int = 3) -> list[tuple[str, str]]:
    """(message key, text) of the last customer messages stored at or before `moment`, oldest first."""
    rows = db.rows("SELECT message_key, text FROM messages WHERE conversation_id = ? AND role = 'customer' "
                   "AND created_at <= ? ORDER BY ordinal DESC, id DESC LIMIT ?", [conversation_id, moment, limit])
    return [(r[0], r[1]) for r in reversed(rows)]


def conversations_updated_since(db: Database, moment: str) -> list[tuple[int, str]]:
    """(id, updated_at) of conversations changed at or after `moment` (stamps have whole seconds: one changed
    in the same second as the last run is read again), oldest change first."""
    return [(int(r[0]), r[1]) for r in db.rows(
        "SELECT id, updated_at FROM conversations WHERE updated_at >= ? ORDER BY updated_at, id", [moment])]


def used_vectors_of_articles(db: Database, embedder: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ids, article row ids, vectors) of learned (not kept, not declined) questions with this embedder's vectors."""
    ids, articles, vectors = [], [], []
    for r in db.rows("SELECT id, article_id, vector FROM learned_questions WHERE status IN ('learned', 'conflict') "
                     "AND article_id IS NOT NULL AND embedder = ? ORDER BY id", [embedder]):
        ids.append(int(r[0]))
        articles.append(int(r[1]))
        vectors.append(np.frombuffer(bytes(r[2]), dtype=np.float32))
    dim = len(vectors[0]) if vectors else 0
    return (np.array(ids, dtype=np.int64), np.array(articles, dtype=np.int64),
            np.vstack(vectors) if vectors else np.zeros((0, dim), dtype=np.float32))
