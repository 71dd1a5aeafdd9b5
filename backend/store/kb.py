"""Knowledge-base tables: articles, chunks, full-text search, cached embeddings and the KB change log.

Every KB write runs in a transaction that first takes the next KB version (`begin_change`); the chunks it
adds carry that version and the chunks it removes leave tombstones with it. Version numbers are handed
out under the meta row's lock, so they become visible in commit order, and any process can bring its
vector index from version a to b by reading exactly the changes in (a, b] (`changes_between`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

import msgspec
import numpy as np

from backend.models import Article, ArticleIn, ArticleSummary, Chunk, Passage
from backend.store.db import Database, chunked, get_meta, now_iso, placeholders, set_meta

ARTICLE_COLUMNS = ("id, external_id, source, title, body, url, tags, status, origin_path, content_hash, "
                   "created_at, updated_at, owner, reviewed_at, reviewed_by, review_every_days, replaced_hash")


class KBChange(msgspec.Struct):
    """What one committed KB write did: its version, the chunk ids it removed and added."""

    version: int
    removed: list[int]
    added: list[int]


class ChangeSet(msgspec.Struct):
    """The net chunk changes between two KB versions (for an index to catch up)."""

    to_version: int
    removed: list[int]
    added: list[int]
    complete: bool  # False when tombstones that old were pruned: rebuild instead


def _article(row: Sequence | None) -> Article | None:
    if row is None:
        return None
    (row_id, external_id, source, title, body, url, tags, status, origin_path, content_hash, created,
     updated, owner, reviewed_at, reviewed_by, every, replaced) = row
    return Article(row_id=int(row_id), article_id=external_id, source=source, title=title, body=body, url=url,
                   tags=json.loads(tags or "[]"), status=status, origin_path=origin_path, content_hash=content_hash,
                   created_at=created, updated_at=updated, owner=owner, reviewed_at=reviewed_at,
                   reviewed_by=reviewed_by, review_every_days=None if every is None else int(every),
                   replaced_hash=replaced)


# ---- versions and the change log ------------------------------------------------------------------------------

def kb_version(db: Database) -> int:
    """The latest committed KB version."""
    return int(get_meta(db, "kb_version", "0") or 0)


def begin_change(db: Database) -> int:
    """Take the next KB version (call first inside the transaction that changes the KB)."""
    # The UPDATE locks the meta row until commit: concurrent KB writers are serialized, so versions
    # are committed in order and a reader never sees version v+1 without v.
    row = db.row("UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'kb_version' "
                 "RETURNING value")
    return int(row[0]) if row else 0


def changes_between(db: Database, since: int, until: int) -> ChangeSet:
    """Chunk ids removed and added (and still alive) in versions (since, until]; call in a read transaction."""
    horizon = int(get_meta(db, "tombstone_horizon", "0") or 0)
    if since < horizon:
        return ChangeSet(to_version=until, removed=[], added=[], complete=False)
    removed = [int(r[0]) for r in db.rows(
        "SELECT chunk_id FROM chunk_tombstones WHERE kb_version > ? AND kb_version <= ?", [since, until])]
    added = [int(r[0]) for r in db.rows(
        "SELECT id FROM chunks WHERE kb_version > ? AND kb_version <= ? ORDER BY id", [since, until])]
    return ChangeSet(to_version=until, removed=removed, added=added, complete=True)


def prune_tombstones(db: Database, keep_versions: int) -> int:
    """Forget tombstones older than the newest `keep_versions` versions; returns how many went."""
    current = kb_version(db)
    horizon = max(0, current - keep_versions)
    if horizon <= int(get_meta(db, "tombstone_horizon", "0") or 0):
        return 0
    gone = db.run("DELETE FROM chunk_tombstones WHERE kb_version <= ?", [horizon])
    set_meta(db, "tombstone_horizon", str(horizon))
    return gone


# ---- articles ------------------------------------------------------------------------------------------------

def find_article(db: Database, source: str, external_id: str) -> Article | None:
    """The article with this id in this source, if any."""
    return _article(db.row(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE source = ? AND external_id = ?",
                           [source, external_id]))


def article_by_row(db: Database, row_id: int) -> Article | None:
    """The article stored in this row."""
    return _article(db.row(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [row_id]))


def get_article(db: Database, article_id: str, *, source: str | None = None) -> Article | None:
    """The article whose own id is `article_id` (within `source` when given); never a row-id lookup."""
    if source is not None:
        return find_article(db, source, article_id)
    return _article(db.row(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE external_id = ? ORDER BY id LIMIT 1",
                           [article_id]))


def articles_with_id(db: Database, article_id: str) -> list[Article]:
    """Every article carrying this id (one per source)."""
    return [a for a in (_article(r) for r in db.rows(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE external_id = ? ORDER BY source", [article_id])) if a]


def list_articles(db: Database, *, source: str | None = None, limit: int | None = None) -> list[Article]:
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
    return [a for a in (_article(r) for r in db.rows(sql, params)) if a]


def article_summaries(db: Database, *, source: str | None = None, limit: int | None = None) -> list[ArticleSummary]:
    """`kb list` rows (without `due_at`, which depends on the installation's default period)."""
    return [ArticleSummary(article_id=a.article_id, source=a.source, title=a.title, url=a.url, status=a.status,
                           updated_at=a.updated_at, tags=a.tags, owner=a.owner, reviewed_at=a.reviewed_at,
                           reviewed_by=a.reviewed_by, review_every_days=a.review_every_days)
            for a in list_articles(db, source=source, limit=limit)]


def review_fields(db: Database, article_ids: Sequence[str]) -> list[ArticleSummary]:
    """Review fields of the articles with these ids (any source; oldest row first)."""
    out: list[ArticleSummary] = []
    for part in chunked(list(article_ids)):
        out += [ArticleSummary(article_id=r[0], source=r[1], title=r[2], url=None, status=r[3], updated_at=r[4],
                               owner=r[5], reviewed_at=r[6], reviewed_by=r[7],
                               review_every_days=None if r[8] is None else int(r[8])) for r in db.rows(
            "SELECT external_id, source, title, status, updated_at, owner, reviewed_at, reviewed_by, review_every_days "
            f"FROM articles WHERE external_id IN ({placeholders(len(part))}) ORDER BY id", list(part))]
    return out


def set_review(db: Database, article_row_id: int, *, owner: str | None = None, reviewed_at: str | None = None,
               reviewed_by: str | None = None, review_every_days: int | None = None) -> None:
    """Set an article's review fields; a None argument leaves that field as it is."""
    db.run("UPDATE articles SET owner = coalesce(?, owner), reviewed_at = coalesce(?, reviewed_at), "
           "reviewed_by = coalesce(?, reviewed_by), review_every_days = coalesce(?, review_every_days) WHERE id = ?",
           [owner, reviewed_at, reviewed_by, review_every_days, article_row_id])


def set_replaced_hash(db: Database, article_row_id: int, replaced_hash: str | None) -> None:
    """Remember the content an approved update replaced (a re-import of it is then refused)."""
    db.run("UPDATE articles SET replaced_hash = ? WHERE id = ?", [replaced_hash, article_row_id])


def external_ids(db: Database, source: str) -> dict[str, int]:
    """Map of external id to row id for every article of a source."""
    return {r[0]: int(r[1]) for r in db.rows("SELECT external_id, id FROM articles WHERE source = ?", [source])}


def chunk_ids_of(db: Database, article_row_id: int) -> list[int]:
    """The chunk ids of one article, in order."""
    return [int(r[0]) for r in db.rows("SELECT id FROM chunks WHERE article_id = ? ORDER BY ordinal",
                                       [article_row_id])]


def save_article(db: Database, article: ArticleIn, content_hash: str, chunks: Sequence[Chunk], *, version: int,
                 vectors: np.ndarray | None = None, embedder: str | None = None) -> KBChange:
    """Insert or replace an article with its chunks, search rows and (optionally) chunk embeddings.

    Call inside the transaction that took `version` with `begin_change`.
    """
    stamp = now_iso()
    source = article.source or "local"
    existing = find_article(db, source, article.external_id)
    removed: list[int] = []
    fields = {
        "external_id": article.external_id, "source": source, "title": article.title, "body": article.body,
        "url": article.url, "tags": json.dumps(list(article.tags)), "status": article.status or "published",
        "origin_path": article.origin_path, "content_hash": content_hash, "updated_at": stamp,
    }
    if existing:
        row_id = existing.row_id
        removed = _delete_chunks(db, row_id, version)
        assignments = ", ".join(f"{k} = ?" for k in fields)
        db.run(f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), row_id])
    else:
        fields["created_at"] = article.created_at or stamp
        row_id = db.insert(f"INSERT INTO articles ({', '.join(fields)}) VALUES ({placeholders(len(fields))}) "
                           "RETURNING id", list(fields.values()))
    added = [_insert_chunk(db, row_id, article.title, chunk, version) for chunk in chunks]
    if vectors is not None and embedder and added:
        save_vectors(db, embedder, added, vectors)
    return KBChange(version=version, removed=removed, added=added)


# PostgreSQL's search column: title (A), headings (B) and text (C) of a chunk, English stemming.
SEARCH_VECTOR = ("setweight(to_tsvector('english', {title}), 'A') || setweight(to_tsvector('english', {heading}), 'B') "
                 "|| setweight(to_tsvector('english', {text}), 'C')")


def _insert_chunk(db: Database, article_row_id: int, title: str, chunk: Chunk, version: int) -> int:
    if db.dialect == "postgres":
        return db.insert(
            "INSERT INTO chunks (article_id, ordinal, heading_path, text, token_count, kb_version, search) "
            f"VALUES (?, ?, ?, ?, ?, ?, {SEARCH_VECTOR.format(title='?', heading='?', text='?')}) RETURNING id",
            [article_row_id, chunk.ordinal, chunk.heading_path, chunk.text, chunk.token_count, version,
             title, chunk.heading_path, chunk.text])
    chunk_id = db.insert(
        "INSERT INTO chunks (article_id, ordinal, heading_path, text, token_count, kb_version) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [article_row_id, chunk.ordinal, chunk.heading_path, chunk.text, chunk.token_count, version])
    db.run("INSERT INTO chunks_fts (rowid, title, heading_path, text) VALUES (?, ?, ?, ?)",
           [chunk_id, title, chunk.heading_path, chunk.text])
    return chunk_id


def _delete_chunks(db: Database, article_row_id: int, version: int) -> list[int]:
    ids = chunk_ids_of(db, article_row_id)
    for part in chunked(ids):
        marks = placeholders(len(part))
        if db.dialect == "sqlite":
            db.run(f"DELETE FROM chunks_fts WHERE rowid IN ({marks})", list(part))
        db.run(f"DELETE FROM chunks WHERE id IN ({marks})", list(part))
    db.run_many("INSERT INTO chunk_tombstones (chunk_id, kb_version) VALUES (?, ?)", [(c, version) for c in ids])
    return ids


def delete_article(db: Database, article_row_id: int, *, version: int) -> list[int]:
    """Delete an article with its chunks, search rows and vectors; returns the removed chunk ids."""
    removed = _delete_chunks(db, article_row_id, version)
    db.run("DELETE FROM articles WHERE id = ?", [article_row_id])
    return removed


# ---- vectors ------------------------------------------------------------------------------------------------

def save_vectors(db: Database, embedder: str, chunk_ids: Sequence[int], vectors: np.ndarray, *,
                 only_live: bool = False) -> None:
    """Cache chunk embeddings so any index rebuilds or catches up without re-embedding.

    `only_live`: skip chunks deleted meanwhile (vectors computed outside the transaction that wrote them).
    """
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    upsert = " ON CONFLICT (chunk_id, embedder) DO UPDATE SET vector = excluded.vector"
    if only_live:
        db.run_many("INSERT INTO chunk_vectors (chunk_id, embedder, vector) SELECT ?, ?, ? "
                    "WHERE EXISTS (SELECT 1 FROM chunks WHERE id = ?)" + upsert,
                    [(int(cid), embedder, vectors[i].tobytes(), int(cid)) for i, cid in enumerate(chunk_ids)])
        return
    db.run_many("INSERT INTO chunk_vectors (chunk_id, embedder, vector) VALUES (?, ?, ?)" + upsert,
                [(int(cid), embedder, vectors[i].tobytes()) for i, cid in enumerate(chunk_ids)])


def vectors_of(db: Database, embedder: str, dim: int, chunk_ids: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Cached vectors of these chunks that exist: (ids int64, matrix float32)."""
    found: list[tuple[int, bytes]] = []
    for part in chunked(list(chunk_ids)):
        found += [(int(r[0]), bytes(r[1])) for r in db.rows(
            f"SELECT chunk_id, vector FROM chunk_vectors WHERE embedder = ? AND chunk_id IN ({placeholders(len(part))})",
            [embedder, *part])]
    return _matrix(found, dim)


def load_vectors(db: Database, embedder: str, dim: int) -> tuple[np.ndarray, np.ndarray]:
    """All cached vectors of an embedder for live chunks: (ids int64, matrix float32)."""
    rows = [(int(r[0]), bytes(r[1])) for r in db.stream(
        "SELECT v.chunk_id, v.vector FROM chunk_vectors v JOIN chunks c ON c.id = v.chunk_id "
        "WHERE v.embedder = ? ORDER BY v.chunk_id", [embedder])]
    return _matrix(rows, dim)


def _matrix(rows: list[tuple[int, bytes]], dim: int) -> tuple[np.ndarray, np.ndarray]:
    ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
    return ids, matrix.copy()


class ChunkText(msgspec.Struct):
    """What is embedded for a chunk."""

    chunk_id: int
    title: str
    heading_path: str
    text: str


def chunks_missing_vectors(db: Database, embedder: str, chunk_ids: Sequence[int] | None = None) -> list[ChunkText]:
    """Chunks (all, or of `chunk_ids`) with no cached vector for this embedder."""
    sql = ("SELECT c.id, a.title, c.heading_path, c.text FROM chunks c JOIN articles a ON a.id = c.article_id "
           "WHERE NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = c.id AND v.embedder = ?)")
    if chunk_ids is None:
        return [ChunkText(int(r[0]), r[1], r[2], r[3]) for r in db.rows(sql + " ORDER BY c.id", [embedder])]
    out: list[ChunkText] = []
    for part in chunked(list(chunk_ids)):
        out += [ChunkText(int(r[0]), r[1], r[2], r[3]) for r in db.rows(
            sql + f" AND c.id IN ({placeholders(len(part))}) ORDER BY c.id", [embedder, *part])]
    return out


def drop_vectors(db: Database, embedder: str | None = None) -> None:
    """Forget cached vectors (of one embedder, or all), forcing re-embedding on the next rebuild."""
    if embedder:
        db.run("DELETE FROM chunk_vectors WHERE embedder = ?", [embedder])
    else:
        db.run("DELETE FROM chunk_vectors")


# ---- search ---------------------------------------------------------------------------------------------------

def lexical_search(db: Database, words: Sequence[str], limit: int) -> list[tuple[int, float]]:
    """Full-text candidates for any of `words`: (chunk_id, score) best first, higher is better.

    SQLite: FTS5 BM25 with titles and headings weighted over body text. PostgreSQL: its own full-text
    search, ts_rank over title (A), headings (B) and text (C) weighted as FTS5's columns are (1 : 0.75 : 0.5)
    and divided by 1 + log(length); on StackFAQ it ranks as well as BM25 (ts_rank_cd lost 0.07 R@1 alone,
    bench/bench_postgres.py). User words are always passed as values or quoted, never parsed as query syntax.
    """
    if not words:
        return []
    if db.dialect == "postgres":
        query = " || ".join(["plainto_tsquery('english', ?)"] * len(words))
        rows = db.rows(
            f"SELECT id, ts_rank('{{0.1, 0.5, 0.75, 1.0}}', search, q, 1) AS score FROM chunks, ({'SELECT ' + query}) "
            "AS t(q) WHERE search @@ q ORDER BY score DESC LIMIT ?", [*words, limit])
        return [(int(r[0]), float(r[1])) for r in rows]
    match = " OR ".join('"' + word.replace('"', '""') + '"' for word in words)
    rows = db.rows("SELECT rowid, -bm25(chunks_fts, 2.0, 1.5, 1.0) AS score FROM chunks_fts "
                   "WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?", [match, limit])
    return [(int(r[0]), float(r[1])) for r in rows]


def term_chunk_count(db: Database, term: str, cap: int) -> int:
    """How many chunks contain `term` (its document frequency), counting at most `cap`."""
    if db.dialect == "postgres":
        return int(db.value("SELECT count(*) FROM (SELECT 1 FROM chunks WHERE search @@ plainto_tsquery('english', ?) "
                            "LIMIT ?) AS t", [term, cap], 0))
    quoted = '"' + term.replace('"', '""') + '"'
    return int(db.value("SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)",
                        [quoted, cap], 0))


def chunk_text_sample(db: Database, n: int) -> list[str]:
    """The texts of about `n` chunks spread across the KB (the same ones each time: ids in a fixed scramble)."""
    rows = db.rows("SELECT text FROM chunks ORDER BY (id * 2654435761) % 1000003 LIMIT ?", [n])
    return [str(r[0]) for r in rows]


def iter_chunk_texts_limited(db: Database, limit: int) -> Iterator[str]:
    """The embeddable text of at most `limit` chunks spread across the KB, streamed."""
    for r in db.stream("SELECT a.title, c.heading_path, c.text FROM chunks c JOIN articles a ON a.id = c.article_id "
                       "ORDER BY (c.id * 2654435761) % 1000003 LIMIT ?", [limit]):
        yield f"{r[0]} {r[1]} {r[2]}"


def chunk_count(db: Database) -> int:
    """Chunks in the store."""
    return int(db.value("SELECT count(*) FROM chunks", default=0))


def passages(db: Database, chunk_ids: Iterable[int]) -> dict[int, Passage]:
    """Chunk rows joined with their article's public fields, keyed by chunk id."""
    ids = list(chunk_ids)
    out: dict[int, Passage] = {}
    for part in chunked(ids):
        for r in db.rows(
                "SELECT c.id, c.article_id, c.ordinal, c.heading_path, c.text, a.external_id, a.title, a.url, a.source "
                f"FROM chunks c JOIN articles a ON a.id = c.article_id WHERE c.id IN ({placeholders(len(part))})",
                list(part)):
            out[int(r[0])] = Passage(chunk_id=int(r[0]), article_row_id=int(r[1]), ordinal=r[2], heading_path=r[3],
                                     text=r[4], article_id=r[5], title=r[6], url=r[7], source=r[8])
    return out


def iter_chunk_texts(db: Database, batch: int = 2000) -> Iterator[ChunkText]:
    """Every chunk's embeddable text (for calibration and bulk jobs), streamed."""
    for r in db.stream("SELECT c.id, a.title, c.heading_path, c.text FROM chunks c JOIN articles a "
                       "ON a.id = c.article_id ORDER BY c.id", batch=batch):
        yield ChunkText(int(r[0]), r[1], r[2], r[3])


class SourceStats(msgspec.Struct):
    source: str
    articles: int
    chunks: int
    tokens: int


class KBStats(msgspec.Struct, kw_only=True):
    """Counts per source and totals (`tandem kb stats`)."""

    articles: int
    chunks: int
    tokens: int
    sources: list[SourceStats]
    cached_vectors: dict[str, int]
    kb_version: int


def kb_stats(db: Database) -> KBStats:
    """Counts per source and totals for `tandem kb stats`."""
    per_source = db.rows(
        "SELECT a.source, count(DISTINCT a.id), count(c.id), coalesce(sum(c.token_count), 0) "
        "FROM articles a LEFT JOIN chunks c ON c.article_id = a.id GROUP BY a.source ORDER BY a.source")
    vectors = {r[0]: int(r[1]) for r in db.rows("SELECT embedder, count(*) FROM chunk_vectors GROUP BY embedder")}
    sources = [SourceStats(r[0], int(r[1]), int(r[2]), int(r[3])) for r in per_source]
    return KBStats(articles=sum(s.articles for s in sources), chunks=sum(s.chunks for s in sources),
                   tokens=sum(s.tokens for s in sources), sources=sources, cached_vectors=vectors,
                   kb_version=kb_version(db))
