"""Knowledge-base tables: articles, chunks, their FTS5 rows and cached embeddings. All KB SQL lives here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
from sqlite_utils import Database

from backend.store.db import get_meta, set_meta

ARTICLE_COLUMNS = (
    "id, external_id, source, title, body, url, tags, status, origin_path, content_hash, created_at, updated_at"
)


@dataclass(frozen=True, slots=True)
class ChunkRow:
    """A chunk as written to the store."""

    ordinal: int
    heading_path: str
    text: str
    token_count: int


@dataclass(frozen=True, slots=True)
class SavedArticle:
    """What changed when an article was written: its row id and chunk ids gone and added."""

    row_id: int
    removed_chunk_ids: list[int]
    added_chunk_ids: list[int]


def now_iso() -> str:
    """Current UTC time as an ISO-8601 string with a Z suffix."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _article(row: Sequence | None) -> dict | None:
    if row is None:
        return None
    keys = [k.strip() for k in ARTICLE_COLUMNS.split(",")]
    article = dict(zip(keys, row, strict=True))
    article["tags"] = json.loads(article["tags"] or "[]")
    return article


def kb_version(db: Database) -> int:
    """A counter bumped by every KB change; the vector index records the version it was built at."""
    return int(get_meta(db, "kb_version", "0") or 0)


def bump_kb_version(db: Database) -> int:
    """Increase the KB version (call inside the transaction that changed the KB)."""
    version = kb_version(db) + 1
    set_meta(db, "kb_version", str(version))
    return version


def find_article(db: Database, source: str, external_id: str) -> dict | None:
    """The article with this id in this source, if any."""
    row = db.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE source = ? AND external_id = ?", [source, external_id]
    ).fetchone()
    return _article(row)


def get_article(db: Database, article_id: str) -> dict | None:
    """Look an article up by its own id (any source), falling back to the numeric row id."""
    row = db.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE external_id = ? ORDER BY id LIMIT 1", [article_id]
    ).fetchone()
    if row is None and article_id.isascii() and article_id.isdigit() and len(article_id) < 19:
        row = db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [int(article_id)]).fetchone()
    return _article(row)


def list_articles(db: Database, *, source: str | None = None, limit: int | None = None) -> list[dict]:
    """All articles (optionally of one source), by source then id."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
    params: list = []
    if source:
        sql += " WHERE source = ?"
        params.append(source)
    sql += " ORDER BY source, external_id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [a for a in (_article(r) for r in db.execute(sql, params).fetchall()) if a]


def external_ids(db: Database, source: str) -> dict[str, int]:
    """Map of external id to row id for every article of a source."""
    return dict(db.execute("SELECT external_id, id FROM articles WHERE source = ?", [source]).fetchall())


def chunk_ids_of(db: Database, article_row_id: int) -> list[int]:
    """The chunk ids of one article, in order."""
    rows = db.execute("SELECT id FROM chunks WHERE article_id = ? ORDER BY ordinal", [article_row_id])
    return [r[0] for r in rows.fetchall()]


def save_article(
    db: Database,
    article: dict,
    chunks: Sequence[ChunkRow],
    *,
    vectors: np.ndarray | None = None,
    embedder: str | None = None,
) -> SavedArticle:
    """Insert or replace an article with its chunks, FTS rows and (optionally) chunk embeddings.

    Call inside a transaction; the caller bumps the KB version.
    """
    stamp = now_iso()
    existing = find_article(db, article["source"], article["external_id"])
    removed: list[int] = []
    fields = {
        "external_id": article["external_id"],
        "source": article["source"],
        "title": article["title"],
        "body": article["body"],
        "url": article.get("url"),
        "tags": json.dumps(list(article.get("tags") or [])),
        "status": article.get("status") or "published",
        "origin_path": article.get("origin_path"),
        "content_hash": article["content_hash"],
        "updated_at": stamp,
    }
    if existing:
        row_id = existing["id"]
        removed = _delete_chunks(db, row_id)
        assignments = ", ".join(f"{k} = :{k}" for k in fields)
        db.execute(f"UPDATE articles SET {assignments} WHERE id = :id", {**fields, "id": row_id})
    else:
        fields["created_at"] = article.get("created_at") or stamp
        columns = ", ".join(fields)
        cursor = db.execute(
            f"INSERT INTO articles ({columns}) VALUES ({', '.join(':' + k for k in fields)})", fields
        )
        row_id = cursor.lastrowid
    added: list[int] = []
    for chunk in chunks:
        cursor = db.execute(
            "INSERT INTO chunks (article_id, ordinal, heading_path, text, token_count) VALUES (?, ?, ?, ?, ?)",
            [row_id, chunk.ordinal, chunk.heading_path, chunk.text, chunk.token_count],
        )
        chunk_id = cursor.lastrowid
        added.append(chunk_id)
        db.execute(
            "INSERT INTO chunks_fts (rowid, title, heading_path, text) VALUES (?, ?, ?, ?)",
            [chunk_id, article["title"], chunk.heading_path, chunk.text],
        )
    if vectors is not None and embedder:
        save_vectors(db, embedder, added, vectors)
    return SavedArticle(row_id=row_id, removed_chunk_ids=removed, added_chunk_ids=added)


def _delete_chunks(db: Database, article_row_id: int) -> list[int]:
    ids = chunk_ids_of(db, article_row_id)
    if ids:
        marks = ",".join("?" * len(ids))
        db.execute(f"DELETE FROM chunks_fts WHERE rowid IN ({marks})", ids)
        db.execute(f"DELETE FROM chunks WHERE id IN ({marks})", ids)
    return ids


def delete_article(db: Database, article_row_id: int) -> list[int]:
    """Delete an article with its chunks, FTS rows and vectors; returns the removed chunk ids."""
    removed = _delete_chunks(db, article_row_id)
    db.execute("DELETE FROM articles WHERE id = ?", [article_row_id])
    return removed


def save_vectors(db: Database, embedder: str, chunk_ids: Sequence[int], vectors: np.ndarray) -> None:
    """Cache chunk embeddings so a lost or stale index rebuilds without re-embedding."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    db.conn.executemany(
        "INSERT OR REPLACE INTO chunk_vectors (chunk_id, embedder, vector) VALUES (?, ?, ?)",
        [(cid, embedder, vectors[i].tobytes()) for i, cid in enumerate(chunk_ids)],
    )


def load_vectors(db: Database, embedder: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """All cached vectors of an embedder for live chunks: (ids int64, matrix float32)."""
    rows = db.execute(
        "SELECT v.chunk_id, v.vector FROM chunk_vectors v JOIN chunks c ON c.id = v.chunk_id "
        "WHERE v.embedder = ? ORDER BY v.chunk_id",
        [embedder],
    ).fetchall()
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
    return ids, matrix.copy()


def chunks_missing_vectors(db: Database, embedder: str) -> Iterator[dict]:
    """Chunks with no cached vector for this embedder, with the text needed to embed them."""
    rows = db.execute(
        "SELECT c.id, a.title, c.heading_path, c.text FROM chunks c JOIN articles a ON a.id = c.article_id "
        "WHERE NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = c.id AND v.embedder = ?) "
        "ORDER BY c.id",
        [embedder],
    )
    for chunk_id, title, heading_path, text in rows:
        yield {"chunk_id": chunk_id, "title": title, "heading_path": heading_path, "text": text}


def drop_vectors(db: Database, embedder: str | None = None) -> None:
    """Forget cached vectors (of one embedder, or all), forcing re-embedding on the next rebuild."""
    if embedder:
        db.execute("DELETE FROM chunk_vectors WHERE embedder = ?", [embedder])
    else:
        db.execute("DELETE FROM chunk_vectors")



def fts_search(db: Database, match: str, limit: int) -> list[tuple[int, float]]:
    """BM25 search over chunks: (chunk_id, score) best first; higher is better.

    `match` must already be a safe FTS5 expression (see retrieval.lexical).
    """
    # bm25() is lower-is-better; weights favour titles and headings over body text.
    rows = db.execute(
        "SELECT rowid, -bm25(chunks_fts, 2.0, 1.5, 1.0) AS score FROM chunks_fts "
        "WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?",
        [match, limit],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


def term_chunk_count(db: Database, term: str, cap: int | None = None) -> int:
    """How many chunks contain `term` (its document frequency in the FTS index), counting at most `cap`."""
    quoted = '"' + term.replace('"', '""') + '"'
    return db.execute("SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)",
                      [quoted, -1 if cap is None else cap]).fetchone()[0]


def chunk_count(db: Database) -> int:
    """Chunks in the FTS index."""
    return db.execute("SELECT count(*) FROM chunks").fetchone()[0]


def chunks_with_articles(db: Database, chunk_ids: Iterable[int]) -> dict[int, dict]:
    """Chunk rows joined with their article's public fields, keyed by chunk id."""
    ids = list(chunk_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        "SELECT c.id, c.article_id, c.ordinal, c.heading_path, c.text, a.external_id, a.title, a.url, a.source "
        f"FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({marks})",
        ids,
    ).fetchall()
    keys = ("chunk_id", "article_row_id", "ordinal", "heading_path", "text", "article_id", "title", "url", "source")
    return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}


def kb_stats(db: Database) -> dict:
    """Counts per source and totals for `tandem kb stats`."""
    per_source = db.execute(
        "SELECT a.source, count(DISTINCT a.id), count(c.id), coalesce(sum(c.token_count), 0) "
        "FROM articles a LEFT JOIN chunks c ON c.article_id = a.id GROUP BY a.source ORDER BY a.source"
    ).fetchall()
    vectors = dict(db.execute("SELECT embedder, count(*) FROM chunk_vectors GROUP BY embedder").fetchall())
    return {
        "articles": sum(r[1] for r in per_source),
        "chunks": sum(r[2] for r in per_source),
        "tokens": sum(r[3] for r in per_source),
        "sources": [{"source": r[0], "articles": r[1], "chunks": r[2], "tokens": r[3]} for r in per_source],
        "cached_vectors": vectors,
        "kb_version": kb_version(db),
    }
