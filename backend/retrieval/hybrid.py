"""Hybrid retrieval: BM25 (FTS5) and dense (faiss) candidates fused, one hit per article, with `grounded`.

The shipped fusion is a score blend: cosine similarity plus a small weight times BM25 scaled by the
best BM25 score of the query. Reciprocal rank fusion is kept for comparison; on StackFAQ it lost to
the blend with MiniLM (bench/results/retrieval.json). Whether a hit is `grounded` (the KB really
answers the query) is decided by the cosine similarity of its article's best chunk against a
threshold per embedder: the midpoint of two F1-optimal calibrations, a near-domain one (banking77_oos
valid: unseen banking intents against a KB of the seen ones, threshold ~0.58 for MiniLM int8) and a
cross-domain one (StackFAQ articles against banking and general queries, ~0.48). A KB of real
articles sits between the two; bench/results/retrieval.json reports precision/recall at both.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlite_utils import Database

from backend.retrieval import lexical
from backend.retrieval.embed import Embedder, QueryBatcher, passage_text
from backend.retrieval.index import MANIFEST_FILE, IndexUnusable, VectorIndex, read_manifest
from backend.store import kb as kb_store

log = logging.getLogger(__name__)

RELOAD_CHECK_S = 1.0
# BM25 runs in one of these threads while the query is being embedded (SQLite and torch both release
# the GIL): on 2 cores a query costs the slower of the two instead of their sum. Each thread has its own
# SQLite connection (the store is a ThreadLocalDatabase).
LEXICAL_THREADS = 4
FUSION = "blend"
RRF_K = 60
DENSE_WEIGHT = 1.0
LEXICAL_WEIGHT = 0.05
# Cosine of the best chunk above which the KB is taken to answer the query (see module docstring).
GROUNDED_THRESHOLDS = {"all-MiniLM-L6-v2": 0.52, "all-MiniLM-L6-v2-int8": 0.53, "wordllama-l2_supercat-256": 0.47}
DEFAULT_THRESHOLD = 0.53


@dataclass(frozen=True, slots=True)
class Hit:
    """One article's best chunk for a query."""

    article_id: str
    title: str
    url: str | None
    chunk_id: int
    text: str
    heading_path: str
    score: float
    similarity: float
    grounded: bool
    source: str

    def public(self) -> dict:
        """The scriptable shape of `tandem kb search --json`."""
        return {
            "article_id": self.article_id, "title": self.title, "url": self.url, "chunk_id": self.chunk_id,
            "text": self.text, "score": round(self.score, 6), "grounded": self.grounded,
            "similarity": round(self.similarity, 6), "heading_path": self.heading_path, "source": self.source,
        }


def blend(cosine: dict[int, float], bm25: dict[int, float], weight: float) -> dict[int, float]:
    """Score blend: cosine plus `weight` times BM25 scaled to [0, 1] by the best BM25 score."""
    top = max(bm25.values(), default=0.0)
    if top <= 0:
        return dict(cosine)
    return {c: cos + weight * bm25.get(c, 0.0) / top for c, cos in cosine.items()}


def fuse(rankings: list[tuple[list[int], float]], k: int = RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion: {id: sum(weight / (k + rank))} over (ranked ids, weight) pairs."""
    fused: dict[int, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return fused


class Retriever:
    """Owns the vector index for one embedder and answers hybrid queries against the store."""

    def __init__(self, db: Database, embedder: Embedder, index_dir: Path, *, threshold: float | None = None,
                 fusion: str = FUSION, dense_weight: float = DENSE_WEIGHT,
                 lexical_weight: float = LEXICAL_WEIGHT) -> None:
        self.db = db
        self.embedder = embedder
        self._queries = QueryBatcher(embedder)
        self.index_dir = index_dir / _slug(embedder.name)
        self.threshold = threshold if threshold is not None else GROUNDED_THRESHOLDS.get(
            embedder.name, DEFAULT_THRESHOLD)
        self.fusion = fusion
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self._lexical_pool = ThreadPoolExecutor(LEXICAL_THREADS, thread_name_prefix="tandem-bm25")
        self._df_cache: dict[str, int] = {}
        self._df_version: int | None = -1
        self._chunk_total = 0
        self.index: VectorIndex | None = None
        self.rebuild_reason: str | None = None
        self._write_lock = threading.RLock()
        self._last_check = 0.0
        self._manifest_mtime: float | None = None

    # ---- index lifecycle -------------------------------------------------------------------------

    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> VectorIndex:
        """Load the saved index, or rebuild it from SQLite when it is missing, corrupt or stale."""
        version = kb_store.kb_version(self.db)
        try:
            self.index = VectorIndex.load(self.index_dir, embedder=self.embedder.name, dim=self.embedder.dim,
                                          kb_version=version)
            self.rebuild_reason = None
        except IndexUnusable as reason:
            self.rebuild_reason = str(reason)
            log.info("rebuilding vector index: %s", reason)
            self.rebuild(progress=progress)
        return self.index

    def rebuild(self, *, reembed: bool = False, progress: Callable[[int, int], None] | None = None) -> VectorIndex:
        """Rebuild the index from cached vectors, embedding chunks that have none (all if `reembed`)."""
        with self._write_lock:
            if reembed:
                with self.db.atomic():
                    kb_store.drop_vectors(self.db, self.embedder.name)
            self.embed_missing(progress=progress)
            ids, vectors = kb_store.load_vectors(self.db, self.embedder.name, self.embedder.dim)
            self.index = VectorIndex.build(self.embedder.name, self.embedder.dim, ids, vectors,
                                           kb_store.kb_version(self.db))
            self.index.save(self.index_dir)
        return self.index

    def embed_missing(self, batch: int = 256, progress: Callable[[int, int], None] | None = None) -> int:
        """Embed and cache every chunk without a vector for this embedder; returns how many."""
        pending = list(kb_store.chunks_missing_vectors(self.db, self.embedder.name))
        for start in range(0, len(pending), batch):
            part = pending[start:start + batch]
            vectors = self.embedder.embed([passage_text(c["title"], c["heading_path"], c["text"]) for c in part])
            with self.db.atomic():
                kb_store.save_vectors(self.db, self.embedder.name, [c["chunk_id"] for c in part], vectors)
            if progress:
                progress(min(start + batch, len(pending)), len(pending))
        return len(pending)

    def apply(self, removed_ids: list[int], added_ids: list[int], added_vectors: np.ndarray | None) -> None:
        """Mirror one committed KB change into the in-memory index (call `save` when a batch ends)."""
        index = self.index or self.ensure_index()
        index.remove(removed_ids)
        if added_ids and added_vectors is not None:
            index.add(added_ids, added_vectors)

    def save(self) -> None:
        """Persist the in-memory index (exact or IVF by size), stamped with the KB version it reflects."""
        if self.index is not None:
            if self.index.retune():
                log.info("vector index now %s (%d chunks)", self.index.kind, self.index.count)
            self.index.kb_version = kb_store.kb_version(self.db)
            self.index.save(self.index_dir)

    def close(self) -> None:
        """Stop the BM25 worker threads (the store is closed by its owner)."""
        self._lexical_pool.shutdown(wait=True)

    def reload_if_changed(self) -> bool:
        """Reload the index when another process (an import, a reindex) saved a newer one.

        Cheap enough for every query: one stat() at most every RELOAD_CHECK_S seconds.
        """
        now = time.monotonic()
        if now - self._last_check < RELOAD_CHECK_S:
            return False
        self._last_check = now
        try:
            mtime = (self.index_dir / MANIFEST_FILE).stat().st_mtime
        except OSError:
            return False
        if mtime == self._manifest_mtime:
            return False
        self._manifest_mtime = mtime
        manifest = read_manifest(self.index_dir)
        if manifest is None or self.index is None or manifest.kb_version == self.index.kb_version:
            return False
        with self._write_lock:
            self.ensure_index()
        log.info("reloaded vector index at KB version %s", manifest.kb_version)
        return True

    # ---- queries ---------------------------------------------------------------------------------

    def embed_query(self, query: str) -> np.ndarray:
        """The normalized query vector (concurrent callers share one batched forward pass)."""
        return self._queries.embed_one(query)

    def search(self, query: str, k: int = 5, *, candidates: int = 50,
               query_vector: np.ndarray | None = None) -> list[Hit]:
        """The best `k` articles for `query`, best first, each with its best chunk."""
        self.reload_if_changed()
        index = self.index or self.ensure_index()
        if not query.strip():
            return []
        lexical_leg = self._lexical_pool.submit(self._lexical_search, query, candidates) \
            if self.lexical_weight else None
        vector = self.embed_query(query) if query_vector is None else query_vector
        dense = index.search(vector, candidates)
        lexical_hits = lexical_leg.result() if lexical_leg else []
        cosine = dict(dense)
        missing = [c for c, _ in lexical_hits if c not in cosine]
        if missing:  # lexical-only chunks: score them densely too, so `grounded` means the same everywhere
            cosine.update(zip(missing, self._cosines(vector, missing), strict=True))
        if self.fusion == "blend":
            fused = blend(cosine, dict(lexical_hits), self.lexical_weight)
        else:
            fused = fuse([([c for c, _ in dense], self.dense_weight),
                          ([c for c, _ in lexical_hits], self.lexical_weight)])
        if not fused:
            return []
        rows = kb_store.chunks_with_articles(self.db, fused)
        best: dict[int, tuple[float, int]] = {}
        article_similarity: dict[int, float] = {}
        for chunk_id, score in fused.items():
            row = rows.get(chunk_id)
            if row is None:  # deleted since the index was saved
                continue
            article = row["article_row_id"]
            article_similarity[article] = max(article_similarity.get(article, -1.0), cosine.get(chunk_id, -1.0))
            current = best.get(article)
            if current is None or score > current[0]:
                best[article] = (score, chunk_id)
        top = sorted(best.values(), reverse=True)[:k]
        norm = (self.dense_weight + self.lexical_weight) / (RRF_K + 1) if self.fusion == "rrf" else 1.0
        hits = []
        for score, chunk_id in top:
            row = rows[chunk_id]
            similarity = article_similarity[row["article_row_id"]]
            hits.append(Hit(
                article_id=row["article_id"], title=row["title"], url=row["url"], chunk_id=chunk_id,
                text=row["text"], heading_path=row["heading_path"], score=score / norm,
                similarity=similarity, grounded=similarity >= self.threshold, source=row["source"],
            ))
        return hits

    def _lexical_search(self, query: str, candidates: int) -> list[tuple[int, float]]:
        """BM25 candidates for `query`: (chunk_id, score) best first."""
        match = lexical.match_expression(self._searchable_terms(query))
        return kb_store.fts_search(self.db, match, candidates) if match else []

    def _searchable_terms(self, query: str) -> list[str]:
        """Query words for BM25, minus very common ones on large KBs (document frequencies are cached
        per KB version: the same words come back query after query)."""
        words = lexical.terms(query)
        version = self.index.kb_version if self.index else None
        if self._df_version != version:
            self._df_cache, self._df_version = {}, version
            self._chunk_total = kb_store.chunk_count(self.db)
        if self._chunk_total < lexical.PRUNE_MIN_CHUNKS:
            return words
        cap = int(lexical.PRUNE_SHARE * self._chunk_total) + 1  # past this a word is dropped anyway
        for word in words:
            if word not in self._df_cache:
                self._df_cache[word] = kb_store.term_chunk_count(self.db, word, cap=cap)
        return lexical.prune_common(words, self._df_cache, self._chunk_total)

    def _cosines(self, vector: np.ndarray, chunk_ids: list[int]) -> list[float]:
        return [-1.0 if stored is None else float(np.dot(stored, vector))
                for stored in self.index.reconstruct(chunk_ids)]


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
