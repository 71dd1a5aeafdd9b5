"""Message vectors and FAQ drafts."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import msgspec
import numpy as np

from backend.models import Draft, Evidence, NearestArticle
from backend.store.db import Database, chunked, now_iso, placeholders

_JSON_FIELDS = ("member_rows", "member_message_ids", "example_queries", "source_conversation_ids", "evidence")
_DRAFT_COLUMNS = ("id", "status", "question", "answer", "cluster_size", *_JSON_FIELDS, "nearest_article_id",
                  "nearest_similarity", "suggested_action", "embedder", "engine", "article_id", "reason",
                  "created_at", "updated_at", "decided_by", "decided_at", "kind")


class CustomerQuestion(msgspec.Struct, kw_only=True):
    """A customer message as mining sees it."""

    row_id: int
    message_id: str
    conversation_row: int
    ordinal: int
    text: str
    ticket_id: str
    helpdesk: str
    opening: bool


class DraftRow(msgspec.Struct, kw_only=True):
    """A stored draft with its evidence (member message rows) and the embedder of its centroid."""

    id: int
    status: str
    question: str
    answer: str
    cluster_size: int
    member_rows: list[int]
    member_message_ids: list[str]
    example_queries: list[str]
    source_conversation_ids: list[str]
    nearest_article_id: str | None
    nearest_similarity: float | None
    suggested_action: str
    embedder: str
    engine: str
    article_id: str | None
    reason: str | None
    created_at: str
    updated_at: str
    decided_by: str | None
    decided_at: str | None
    kind: str = "new"
    evidence: list[Evidence] = msgspec.field(default_factory=list)

    def public(self) -> Draft:
        """The FAQ draft contract shape."""
        nearest = (NearestArticle(self.nearest_article_id, float(self.nearest_similarity or 0.0))
                   if self.nearest_article_id else None)
        return Draft(id=self.id, status=self.status, question=self.question,  # type: ignore[arg-type]
                     answer=self.answer, cluster_size=self.cluster_size, member_message_ids=self.member_message_ids,
                     example_queries=self.example_queries, source_conversation_ids=self.source_conversation_ids,
                     nearest_article=nearest, suggested_action=self.suggested_action, created_at=self.created_at,
                     decided_by=self.decided_by, decided_at=self.decided_at, article_id=self.article_id,
                     reason=self.reason, engine=self.engine, kind=self.kind, evidence=self.evidence)


class NewDraft(msgspec.Struct, kw_only=True):
    """What mining writes for a new draft."""

    question: str
    answer: str
    cluster_size: int
    member_rows: list[int]
    member_message_ids: list[str]
    example_queries: list[str]
    source_conversation_ids: list[str]
    nearest_article_id: str | None
    nearest_similarity: float | None
    suggested_action: str
    embedder: str
    engine: str
    kind: str = "new"  # new | update (an article's text corrected from what agents say)
    article_id: str | None = None  # the article an update draft changes
    evidence: list[Evidence] = msgspec.field(default_factory=list)


def customer_messages(db: Database, *, since: str | None = None) -> list[CustomerQuestion]:
    """Customer messages (oldest first) with their conversation, ordinal and whether they open it."""
    # One grouped pass finds each conversation's opening customer turn (a correlated subquery per row
    # went quadratic when the planner picked the role index).
    sql = (
        "WITH openings AS (SELECT conversation_id, min(ordinal) AS first FROM messages WHERE role = 'customer' "
        "GROUP BY conversation_id) "
        "SELECT m.id, m.message_key, m.conversation_id, m.ordinal, m.text, c.ticket_id, c.helpdesk, "
        "CASE WHEN m.ordinal = o.first THEN 1 ELSE 0 END AS opening "
        "FROM messages m JOIN conversations c ON c.id = m.conversation_id "
        "JOIN openings o ON o.conversation_id = m.conversation_id WHERE m.role = 'customer'"
    )
    params: list = []
    if since:
        sql += " AND coalesce(m.at, m.created_at) >= ?"
        params.append(since)
    return [CustomerQuestion(row_id=int(r[0]), message_id=r[1], conversation_row=int(r[2]), ordinal=r[3], text=r[4],
                             ticket_id=r[5], helpdesk=r[6], opening=bool(r[7]))
            for r in db.rows(sql + " ORDER BY m.id", params)]


def agent_replies(db: Database, pairs: Iterable[tuple[int, int]]) -> dict[int, str]:
    """For (conversation row, ordinal) pairs: the first agent message after that turn, keyed by conversation."""
    after: dict[int, int] = {}
    for conversation_row, ordinal in pairs:
        after.setdefault(conversation_row, ordinal)
    out: dict[int, str] = {}
    for part in chunked(list(after)):  # one query per chunk of conversations, not one per question
        rows = db.rows(f"SELECT conversation_id, ordinal, text FROM messages WHERE role = 'agent' AND conversation_id "
                       f"IN ({placeholders(len(part))}) ORDER BY conversation_id, ordinal", part)
        for conversation_row, ordinal, text in rows:
            key = int(conversation_row)
            if key not in out and ordinal > after[key] and text:
                out[key] = text
    return out


def vectors_for(db: Database, message_rows: Sequence[int], embedder: str) -> dict[int, np.ndarray]:
    """Stored vectors of these messages made by `embedder`."""
    out: dict[int, np.ndarray] = {}
    for part in chunked(list(message_rows)):
        for row_id, blob in db.rows(
                f"SELECT message_id, vector FROM message_vectors WHERE embedder = ? AND message_id IN "
                f"({placeholders(len(part))})", [embedder, *part]):
            out[int(row_id)] = np.frombuffer(bytes(blob), dtype=np.float32)
    return out


def save_vectors(db: Database, rows: Sequence[int], vectors: np.ndarray, embedder: str) -> None:
    """Store message vectors (float32), replacing older ones."""
    db.run_many(
        "INSERT INTO message_vectors (message_id, embedder, vector) VALUES (?, ?, ?) ON CONFLICT (message_id) "
        "DO UPDATE SET embedder = excluded.embedder, vector = excluded.vector",
        [(int(r), embedder, np.asarray(v, dtype=np.float32).tobytes()) for r, v in zip(rows, vectors, strict=True)])


def _draft(row: Sequence) -> DraftRow:
    values = dict(zip(_DRAFT_COLUMNS, row, strict=True))
    for field in _JSON_FIELDS:
        values[field] = json.loads(values[field])
    values["id"] = int(values["id"])
    return msgspec.convert(values, DraftRow)


def list_drafts(db: Database, status: str | None = "pending") -> list[DraftRow]:
    """Drafts with this status (all when None), largest clusters first."""
    sql = f"SELECT {', '.join(_DRAFT_COLUMNS)} FROM faq_drafts"
    params = []
    if status:
        sql += " WHERE status = ?"
        params.append(status)
    return [_draft(r) for r in db.rows(sql + " ORDER BY cluster_size DESC, id", params)]


def get_draft(db: Database, draft_id: int) -> DraftRow | None:
    """One draft, or None."""
    row = db.row(f"SELECT {', '.join(_DRAFT_COLUMNS)} FROM faq_drafts WHERE id = ?", [draft_id])
    return _draft(row) if row else None


class ExistingDraft(msgspec.Struct, kw_only=True):
    """A draft as re-mining sees it: where it sits and which questions it already holds."""

    id: int
    status: str
    centroid: np.ndarray
    member_rows: set[int]


def existing_drafts(db: Database, embedder: str) -> list[ExistingDraft]:
    """Every draft made with `embedder`, with its members (to grow it instead of proposing it again)."""
    return [ExistingDraft(id=int(r[0]), status=r[1], centroid=np.frombuffer(bytes(r[2]), dtype=np.float32),
                          member_rows=set(json.loads(r[3] or "[]")))
            for r in db.rows("SELECT id, status, centroid, member_rows FROM faq_drafts WHERE embedder = ?", [embedder])]


def insert_draft(db: Database, draft: NewDraft, centroid: np.ndarray) -> int:
    """Store a new pending draft; returns its id."""
    stamp = now_iso()
    values = msgspec.structs.asdict(draft)
    values["evidence"] = msgspec.to_builtins(draft.evidence)
    for field in _JSON_FIELDS:
        values[field] = json.dumps(values[field], ensure_ascii=False)
    values.update(status="pending", centroid=np.asarray(centroid, dtype=np.float32).tobytes(), created_at=stamp,
                  updated_at=stamp)
    return db.insert(f"INSERT INTO faq_drafts ({', '.join(values)}) VALUES ({placeholders(len(values))}) RETURNING id",
                     list(values.values()))


def drop_members(db: Database, draft_id: int, rows: set[int]) -> None:
    """Remove these questions from a draft's evidence (they now belong to another draft)."""
    draft = get_draft(db, draft_id)
    if draft is None:
        return
    kept = [(row, mid) for row, mid in zip(draft.member_rows, draft.member_message_ids, strict=False) if row not in rows]
    db.run("UPDATE faq_drafts SET member_rows = ?, member_message_ids = ?, cluster_size = ?, updated_at = ? "
           "WHERE id = ?", [json.dumps([r for r, _ in kept]), json.dumps([m for _, m in kept], ensure_ascii=False),
                            len(kept), now_iso(), draft_id])


def grow_draft(db: Database, draft_id: int, *, member_rows: list[int], member_message_ids: list[str],
               example_queries: list[str], source_conversation_ids: list[str], centroid: np.ndarray,
               question: str | None = None) -> None:
    """Set a draft's evidence (re-mining and merging never duplicate a draft)."""
    db.run("UPDATE faq_drafts SET member_rows = ?, member_message_ids = ?, example_queries = ?, "
           "source_conversation_ids = ?, cluster_size = ?, centroid = ?, question = coalesce(?, question), "
           "updated_at = ? WHERE id = ?",
           [json.dumps(member_rows), json.dumps(member_message_ids, ensure_ascii=False),
            json.dumps(example_queries, ensure_ascii=False), json.dumps(source_conversation_ids, ensure_ascii=False),
            len(member_rows), np.asarray(centroid, dtype=np.float32).tobytes(), question, now_iso(), draft_id])


def delete_draft(db: Database, draft_id: int) -> None:
    """Remove a draft (its evidence was purged, or it was folded into another)."""
    db.run("DELETE FROM faq_drafts WHERE id = ?", [draft_id])


def decide(db: Database, draft_id: int, *, status: str, decided_by: str | None, question: str | None = None,
           answer: str | None = None, article_id: str | None = None, reason: str | None = None) -> None:
    """Record a reviewer's decision (and the final wording, when edited)."""
    stamp = now_iso()
    db.run(
        "UPDATE faq_drafts SET status = ?, decided_by = ?, decided_at = ?, updated_at = ?, "
        "question = coalesce(?, question), answer = coalesce(?, answer), article_id = coalesce(?, article_id), "
        "reason = coalesce(?, reason) WHERE id = ?",
        [status, decided_by, stamp, stamp, question, answer, article_id, reason, draft_id])


def unembedded_customer_messages(db: Database, embedder: str) -> list[tuple[int, str]]:
    """(row id, text) of customer messages with no vector from `embedder`."""
    return [(int(r[0]), r[1]) for r in db.rows(
        "SELECT m.id, m.text FROM messages m LEFT JOIN message_vectors v ON v.message_id = m.id AND v.embedder = ? "
        "WHERE m.role = 'customer' AND v.message_id IS NULL ORDER BY m.id", [embedder])]


def existing_message_rows(db: Database, rows: Sequence[int]) -> set[int]:
    """Which of these message rows still exist (after a purge some may not)."""
    alive: set[int] = set()
    for part in chunked(list(rows)):
        alive |= {int(r[0]) for r in db.rows(f"SELECT id FROM messages WHERE id IN ({placeholders(len(part))})",
                                             list(part))}
    return alive


def message_texts(db: Database, rows: Sequence[int]) -> list[str]:
    """Texts of these message rows, in the given order (missing rows skipped)."""
    found: dict[int, str] = {}
    for part in chunked(list(rows)):
        found |= {int(r[0]): r[1] for r in db.rows(
            f"SELECT id, text FROM messages WHERE id IN ({placeholders(len(part))})", list(part))}
    return [found[r] for r in rows if r in found]


def set_evidence(db: Database, draft_id: int, *, member_rows: list[int], member_message_ids: list[str],
                 example_queries: list[str]) -> None:
    """Replace a draft's evidence (after a purge), keeping its wording and decision."""
    db.run("UPDATE faq_drafts SET member_rows = ?, member_message_ids = ?, example_queries = ?, cluster_size = ?, "
           "updated_at = ? WHERE id = ?",
           [json.dumps(member_rows), json.dumps(member_message_ids, ensure_ascii=False),
            json.dumps(example_queries, ensure_ascii=False), len(member_rows), now_iso(), draft_id])
