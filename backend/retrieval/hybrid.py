"""Hybrid retrieval: full-text (BM25) and dense (faiss) candidates fused, one hit per article, calibrated.

The shipped fusion is a score blend: cosine similarity plus a small weight times BM25 scaled by the best
BM25 score of the query (reciprocal rank fusion is kept for comparison; it lost on StackFAQ).

The `Retriever` owns this process's vector index and keeps it at the KB version committed in the store:
before a search it checks the version (at most every tuning.FOLLOW_INTERVAL_S) and catches up by
applying exactly the chunk changes of the versions it missed, whoever made them (this process, the
CLI, another worker or host). It never stamps an index with a version whose changes it has not applied.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from backend import metrics, tuning
from backend.models import Hit, Passage
from backend.retrieval import lexical
from backend.retrieval.bridge import Bridged, WordBridge, kb_vocabulary, wordy
from backend.retrieval.calibration import Calibration, default_calibration, hit_features, lexical_overlap
from backend.retrieval.embed import Embedder, QueryBatcher, embed_queries, get_embedder, passage_text
from backend.retrieval.index import IndexUnusable, Manifest, VectorIndex
from backend.retrieval.learned import NO_MATCH, LearnedMatch, LearnedQuestions
from backend.store import kb as kb_store
from backend.store.db import Database

log = logging.getLogger(__name__)
EMBED_BATCH = 256


def blend(cosine: dict[int, float], bm25: dict[int, float], weight: float) -> dict[int, float]:
    """Score blend: cosine plus `weight` times BM25 scaled to [0, 1] by the best BM25 score."""
    top = max(bm25.values(), default=0.0)
    if top <= 0:
        return dict(cosine)
    return {c: cos + weight * bm25.get(c, 0.0) / top for c, cos in cosine.items()}


def fuse(rankings: list[tuple[list[int], float]], k: int = tuning.RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion: {id: sum(weight / (k + rank))} over (ranked ids, weight) pairs."""
    fused: dict[int, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return fused


class Retriever:
    """Answers hybrid queries against the store with an in-memory index that follows the KB."""

    def __init__(self, db: Database, embedder: Embedder, index_dir: Path, *, fusion: str = tuning.FUSION,
                 dense_weight: float = tuning.DENSE_WEIGHT, lexical_weight: float = tuning.LEXICAL_WEIGHT,
                 calibration: Calibration | None = None,
                 calibration_source: Callable[[], Calibration] | None = None) -> None:
        self.db = db
        self.embedder = embedder
        self.index_dir = index_dir / _slug(embedder.name)
        self.fusion = fusion
        self.dense_weight = dense_weight
        self.lexical_weight = lexical_weight
        self.calibration = calibration or default_calibration(embedder.name)
        self._calibration_source = calibration_source  # re-read now and then: another worker may recalibrate
        self._last_calibration_read = time.monotonic()
        self.index: VectorIndex | None = None
        self.rebuild_reason: str | None = None
        self._queries = QueryBatcher(embedder)
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()  # text -> vector, least recent first
        self._cache_lock = threading.Lock()
        self.learned = LearnedQuestions(db, embedder)
        self._lexical_pool = ThreadPoolExecutor(tuning.LEXICAL_THREADS, thread_name_prefix="tandem-bm25")
        self._follow_lock = threading.RLock()
        self._last_follow = 0.0
        self._dirty = False
        self._df_cache: dict[str, int] = {}
        self._df_version: int | None = -1
        self._chunk_total = 0
        # The word bridge, built on the first query in another language (English queries never build it).
        self._bridge: WordBridge | None = None
        self._bridge_off = not tuning.BRIDGE_EMBEDDER
        self._bridge_store = index_dir / "word-bridge"  # its word vectors, kept for the next process
        self._bridge_lock = threading.Lock()  # held while building: seconds, on the first foreign query
        self._bridge_generation = 0  # bumped by a rebuild: a bridge built from the store before it is dropped
        self._pending_words: set[str] = set()  # words of chunks added since the bridge read the store
        self._pending_lock = threading.Lock()
        self._known: dict[str, bool] = {}  # query word -> whether the KB has it, at _known_version
        self._known_version: int | None = -1
        self._kb_language: tuple[int | None, str] | None = None  # (KB version, language detected there)
        # When questions in other languages are routed here: their operating point, unless the team set one.
        self.routed_point: float | None = None

    # ---- index lifecycle -------------------------------------------------------------------------

    def ensure_index(self, progress: Callable[[int, int], None] | None = None) -> VectorIndex:
        """The index: the published one caught up with the KB, or a rebuild from the store."""
        if self.index is not None:
            return self.index
        with self._follow_lock:
            if self.index is None:
                try:
                    self.index = VectorIndex.load(self.index_dir, embedder=self.embedder.name, dim=self.embedder.dim)
                    self.rebuild_reason = None
                    self._catch_up(progress)
                except IndexUnusable as reason:
                    self.rebuild_reason = str(reason)
                    log.info("rebuilding vector index: %s", reason)
                    self._rebuild(progress=progress)
                self.learned.refresh()
        assert self.index is not None
        return self.index

    def follow(self, *, force: bool = False) -> bool:
        """Catch up with the committed KB version (checked at most every FOLLOW_INTERVAL_S unless forced)."""
        index = self.ensure_index()
        now = time.monotonic()
        if not force and now - self._last_follow < tuning.FOLLOW_INTERVAL_S:
            return False
        self._last_follow = now
        if self._calibration_source and now - self._last_calibration_read >= tuning.CALIBRATION_RELOAD_S:
            self._last_calibration_read = now
            self.calibration = self._calibration_source()
        self.learned.refresh()
        if kb_store.kb_version(self.db) == index.kb_version:
            return False
        with self._follow_lock:
            return self._catch_up()

    def _catch_up(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Apply the chunk changes between the index's version and the store's (hold _follow_lock)."""
        index = self.index
        assert index is not None
        with self.db.transaction(write=False):  # one snapshot: the version and its changes agree
            current = kb_store.kb_version(self.db)
            if current == index.kb_version:
                return False
            changes = kb_store.changes_between(self.db, index.kb_version, current) \
                if current > index.kb_version else None
            if changes is not None and changes.complete:
                ids, vectors = kb_store.vectors_of(self.db, self.embedder.name, self.embedder.dim, changes.added)
                missing = kb_store.chunks_missing_vectors(self.db, self.embedder.name,
                                                          sorted(set(changes.added) - set(ids.tolist())))
        if changes is None or not changes.complete:
            why = "the store went back in time" if changes is None else "it is older than the change log"
            log.info("rebuilding vector index at KB version %s (%s)", current, why)
            self._rebuild(progress=progress)
            return True
        if missing:
            extra_ids, extra = self._embed_and_cache(missing, progress)
            ids, vectors = np.concatenate([ids, extra_ids]), np.vstack([vectors, extra])
        index.apply(changes.removed, ids, vectors, current)
        if not self._bridge_off and len(ids):
            # The bridge takes these words in on its next use (embedding them here would hold up the catch-up).
            added = kb_vocabulary(f"{p.title} {p.heading_path} {p.text}"
                                  for p in kb_store.passages(self.db, ids.tolist()).values())
            with self._pending_lock:
                self._pending_words |= added
        if index.needs_retune():
            log.info("vector index crossed a size bound at %d chunks: rebuilding", index.count)
            self._rebuild(progress=progress)
        self._dirty = True
        metrics.index_catch_ups.labels(kind="catch_up").inc()
        log.debug("index caught up to KB version %s (-%d +%d)", current, len(changes.removed), len(ids))
        return True

    def _rebuild(self, *, reembed: bool = False, progress: Callable[[int, int], None] | None = None) -> None:
        """A new index from the store's cached vectors, embedding chunks that have none."""
        if reembed:
            with self.db.transaction():
                kb_store.drop_vectors(self.db, self.embedder.name)
        with self.db.transaction(write=False):
            current = kb_store.kb_version(self.db)
            ids, vectors = kb_store.load_vectors(self.db, self.embedder.name, self.embedder.dim)
            missing = kb_store.chunks_missing_vectors(self.db, self.embedder.name)
        if missing:
            extra_ids, extra = self._embed_and_cache(missing, progress)
            ids, vectors = np.concatenate([ids, extra_ids]), np.vstack([vectors, extra])
        self.index = VectorIndex.build(self.embedder.name, self.embedder.dim, ids, vectors, current)
        with self._pending_lock:  # the bridge reads the store again when next needed
            self._bridge, self._bridge_generation, self._pending_words = None, self._bridge_generation + 1, set()
        self._dirty = True
        metrics.index_catch_ups.labels(kind="rebuild").inc()

    def _embed_and_cache(self, chunks: list[kb_store.ChunkText],
                         progress: Callable[[int, int], None] | None) -> tuple[np.ndarray, np.ndarray]:
        """Embed chunks that have no vector for this embedder and cache the vectors in the store."""
        vectors = np.zeros((len(chunks), self.embedder.dim), dtype=np.float32)
        for start in range(0, len(chunks), EMBED_BATCH):
            part = chunks[start:start + EMBED_BATCH]
            vectors[start:start + len(part)] = self.embedder.embed(
                [passage_text(c.title, c.heading_path, c.text) for c in part])
            with self.db.transaction():
                kb_store.save_vectors(self.db, self.embedder.name, [c.chunk_id for c in part],
                                      vectors[start:start + len(part)], only_live=True)
            if progress:
                progress(min(start + EMBED_BATCH, len(chunks)), len(chunks))
        return np.array([c.chunk_id for c in chunks], dtype=np.int64), vectors

    def rebuild(self, *, reembed: bool = False, progress: Callable[[int, int], None] | None = None) -> VectorIndex:
        """Rebuild the index from the store (re-embedding every chunk if `reembed`) and publish it."""
        with self._follow_lock:
            self._rebuild(reembed=reembed, progress=progress)
            self.save()
        assert self.index is not None
        return self.index

    def save(self) -> Manifest | None:
        """Publish the index if it changed since it was last saved (it is a start-up cache)."""
        index = self.index
        if index is None or not self._dirty:
            return None
        self._dirty = False
        return index.save(self.index_dir)

    @property
    def dirty(self) -> bool:
        """Whether the in-memory index has changes not yet published."""
        return self._dirty

    def close(self) -> None:
        """Stop the BM25 worker threads (the store is closed by its owner)."""
        self._lexical_pool.shutdown(wait=True)

    # ---- queries ---------------------------------------------------------------------------------

    def embed_query(self, query: str) -> np.ndarray:
        """The normalized query vector (concurrent callers share one batched forward pass; recent texts
        come from a cache: the overlay asks again for the same ticket whenever the agent opens it)."""
        text = self.as_embedded(query)  # the cache is keyed by what the encoder reads (the bridge follows the KB)
        cached = self._query_cache.get(text)
        if cached is not None:
            return cached
        vector = self._queries.embed_one(text)
        self._remember(text, vector)
        return vector

    def embed_texts(self, texts: list[str]) -> np.ndarray:
        """Normalized vectors of a few query texts (one batched forward pass for those not cached)."""
        if len(texts) == 1:
            return self.embed_query(texts[0])[None, :]
        texts = [self.as_embedded(text) for text in texts]
        cached = [self._query_cache.get(text) for text in texts]
        missing = [text for text, vector in zip(texts, cached, strict=True) if vector is None]
        fresh = iter(embed_queries(self.embedder, missing) if missing else [])
        vectors: list[np.ndarray] = []
        for text, vector in zip(texts, cached, strict=True):
            if vector is None:
                vector = next(fresh)
                self._remember(text, vector)
            vectors.append(vector)
        return np.vstack(vectors)

    def as_embedded(self, text: str) -> str:
        """What the encoder reads for a query: an encoder that reads English only reads the words the KB never
        uses as their bridges ("wachtwoord opnieuw instellen" as "password reset settings"); a multilingual one
        reads the customer's own words (kestrel, MiniLM: foreign R@1 .33 -> .52; use-m3 gains nothing)."""
        if getattr(self.embedder, "multilingual", False):
            return text
        read = self.bridged(text)
        return read.counted if read is not None else text

    def bridged(self, query: str) -> Bridged | None:
        """The query read through the word bridge when it is in another language than the KB's.

        Two things must hold: `in_other_language` (most of its words unknown to the KB and another language
        detected with confidence, or, in a question of four words or more, the KB's language plainly not), and a
        bridge to read it with. An English question on a matter the KB does not cover also has mostly unknown
        words ("okta saml sso"), and short ones are often taken for another language: bridged, they would look
        answerable. Any failure reads the query as it is.
        """
        if self._bridge_off:
            return None
        try:
            if not self.in_other_language(query):
                return None
            bridge = self.word_bridge()
            return bridge.read(query) if bridge is not None else None
        except Exception:  # search goes on with the customer's own words
            log.warning("word bridge failed on a query: searching its own words", exc_info=True)
            return None

    def in_other_language(self, query: str) -> bool:
        """Whether `query` is written in another language than the KB's: one language detected with confidence, or,
        in a question of four words or more, the KB's language plainly not (see `bridged`)."""
        words = wordy(query)
        long = len(words) >= tuning.BRIDGE_LONG_WORDS
        if len(words) < tuning.BRIDGE_MIN_WORDS:
            return False
        unknown = self._unknown_share(words)
        if unknown < (tuning.BRIDGE_LONG_FOREIGN_SHARE if long else tuning.BRIDGE_FOREIGN_SHARE):
            return False
        from backend.signals.language import language_scores

        scores = language_scores(query[:tuning.LANGUAGE_SAMPLE_CHARS])  # a whole conversation may come: its head
        kb_language = self.kb_language()
        top = max(scores, key=lambda code: scores[code]) if scores else kb_language
        confident = not (top == kb_language or scores[top] < tuning.BRIDGE_LANGUAGE_FLOOR
                         or scores[top] - scores.get(kb_language, 0.0) < tuning.BRIDGE_LANGUAGE_MARGIN)
        if confident and unknown >= tuning.BRIDGE_FOREIGN_SHARE:
            return True
        return long and bool(scores) and scores.get(kb_language, 0.0) <= tuning.BRIDGE_LONG_KB_LANGUAGE_CAP

    def _unknown_share(self, words: list[str]) -> float:
        """The share of these words the KB's full-text index has no chunk for (cached per KB version)."""
        version = self.index.kb_version if self.index else None
        if self._known_version != version:
            self._known, self._known_version = {}, version
        known = self._known  # this version's, even if another thread starts the next one meanwhile
        for word in words:
            if word not in known:
                known[word] = kb_store.term_chunk_count(self.db, word, cap=1) > 0
        return sum(not known[w] for w in words) / len(words)

    def kb_language(self) -> str:
        """The KB's language, from a sample of chunks across it (again when the KB has changed)."""
        from backend.signals.language import detect_language

        version = self.index.kb_version if self.index else None
        if self._kb_language is None or self._kb_language[0] != version:
            sample = " ".join(text[:300] for text in kb_store.chunk_text_sample(self.db, 20))
            self._kb_language = (version, detect_language(sample))
        return self._kb_language[1]

    def word_bridge(self) -> WordBridge | None:
        """The bridge from words the KB never uses to its own (built on first use), or None when off."""
        if self._bridge_off:
            return None
        with self._bridge_lock:
            if self._bridge is None and not self._bridge_off:
                with self._pending_lock:
                    generation, self._pending_words = self._bridge_generation, set()
                try:
                    texts = kb_store.iter_chunk_texts_limited(self.db, tuning.BRIDGE_VOCABULARY_CHUNKS)
                    encoder = get_embedder(tuning.BRIDGE_EMBEDDER)
                    built = WordBridge(encoder, kb_vocabulary(texts),
                                       store=self._bridge_store / f"{_slug(encoder.name)}.npz")
                except Exception:  # search goes on without it, as before the bridge
                    log.warning("word bridge unavailable: searching the query's own words only", exc_info=True)
                    self._bridge_off = True
                    return None
                with self._pending_lock:
                    if generation == self._bridge_generation:  # no rebuild while it was being built
                        self._bridge = built
            bridge = self._bridge
            with self._pending_lock:
                pending, self._pending_words = self._pending_words, set()
            if bridge is not None and pending:
                bridge.add(pending)
        return bridge

    def _raw_vector(self, query: str) -> np.ndarray:
        """The query's own words embedded, not bridged (cached beside the bridged ones)."""
        key = f"\x00raw\x00{query}"
        cached = self._query_cache.get(key)
        if cached is None:
            cached = self._queries.embed_one(query)
            self._remember(key, cached)
        return cached

    def _remember(self, text: str, vector: np.ndarray) -> None:
        with self._cache_lock:
            self._query_cache[text] = vector
            self._query_cache.move_to_end(text)
            while len(self._query_cache) > tuning.QUERY_CACHE_SIZE:
                self._query_cache.popitem(last=False)

    @staticmethod
    def mix(vectors: np.ndarray, weights: list[float]) -> np.ndarray:
        """One query vector from weighted vectors (a conversation's turns): the normalized weighted mean."""
        mixed = (vectors * np.asarray(weights, dtype=np.float32)[:, None]).sum(axis=0)
        return (mixed / max(float(np.linalg.norm(mixed)), 1e-12)).astype(np.float32)

    def search(self, query: str, k: int = 5, *, candidates: int = tuning.CANDIDATES,
               query_vector: np.ndarray | None = None, lexical_query: str | None = None,
               use_learned: bool = True, exclude_ticket: str | None = None) -> list[Hit]:
        """The best `k` articles for `query`, best first, each with its best chunk, calibrated.

        `lexical_query` (default `query`) is what BM25 searches, e.g. a whole conversation while `query` is
        its latest question; `query_vector` replaces `query`'s own embedding. Learned questions count
        unless `use_learned` is false (`exclude_ticket`: except those learned from that ticket).
        """
        self.follow()
        index = self.ensure_index()
        if not query.strip():
            return []
        lexical_text, overlap_text = lexical_query or query, query
        read = self.bridged(query)
        bridge = self._bridge
        if read is not None and bridge is not None:
            lexical_text = read.searched if lexical_query is None else bridge.read(lexical_query).searched
            overlap_text = read.counted
        lexical_leg = self._lexical_pool.submit(self._lexical_search, lexical_text, candidates) \
            if self.lexical_weight else None
        vector = self.embed_query(query) if query_vector is None else query_vector
        dense = index.search(vector, candidates)
        lexical_hits = lexical_leg.result() if lexical_leg else []
        cosine = dict(dense)
        missing = [c for c, _ in lexical_hits if c not in cosine]
        if missing:  # lexical-only chunks: score them densely too, so similarity means the same everywhere
            cosine.update(zip(missing, self._cosines(index, vector, missing), strict=True))
        learned_vector = vector
        if use_learned and read is not None and query_vector is None and not getattr(self.embedder, "multilingual", False):
            # Learned questions are stored as customers wrote them: a question asked again matches its own words.
            learned_vector = self._raw_vector(query)
        learned = self.learned.match(learned_vector, exclude_ticket=exclude_ticket) if use_learned else NO_MATCH
        rows = kb_store.passages(self.db, cosine)  # every fused chunk is among these
        missing_articles = set(learned.by_article) - {row.article_row_id for row in rows.values()}
        if missing_articles:  # articles found through their learned questions alone need a passage too
            extra = self._best_chunks(index, vector, missing_articles)
            cosine.update(extra)
            rows.update(kb_store.passages(self.db, extra))
        if self.fusion == "blend":
            fused = blend(cosine, dict(lexical_hits), self.lexical_weight)
        else:
            fused = fuse([([c for c, _ in dense], self.dense_weight),
                          ([c for c, _ in lexical_hits], self.lexical_weight)])
        if not fused:
            return []
        return self._hits(overlap_text, fused, cosine, rows, k, learned)

    def _best_chunks(self, index: VectorIndex, vector: np.ndarray, articles: set[int]) -> dict[int, float]:
        """The closest chunk of each of these articles: {chunk_id: cosine}."""
        out: dict[int, float] = {}
        for article in articles:
            chunk_ids = kb_store.chunk_ids_of(self.db, article)
            if chunk_ids:
                scores = self._cosines(index, vector, chunk_ids)
                best = int(np.argmax(scores))
                out[chunk_ids[best]] = scores[best]
        return out

    def _hits(self, query: str, fused: dict[int, float], cosine: dict[int, float], rows: dict[int, Passage],
              k: int, learned: LearnedMatch = NO_MATCH) -> list[Hit]:
        """One hit per article (its best chunk), best first, with calibrated confidence.

        An article's similarity is the better of its passages' and its learned questions' (less
        tuning.LEARNED_OFFSET: question-to-question similarities run higher than question-to-passage);
        a declined question counts as a competitor in the top hit's margin.
        """
        best: dict[int, tuple[float, int]] = {}
        article_similarity: dict[int, float] = {}
        for chunk_id, score in fused.items():
            row = rows.get(chunk_id)
            if row is None:  # deleted after the index last caught up
                continue
            article = row.article_row_id
            article_similarity[article] = max(article_similarity.get(article, -1.0), cosine.get(chunk_id, -1.0))
            current = best.get(article)
            if current is None or score > current[0]:
                best[article] = (score, chunk_id)
        learned_text: dict[int, str] = {}
        for article, (similarity, text) in learned.by_article.items():
            lifted = similarity - tuning.LEARNED_OFFSET
            if article in best and lifted > article_similarity[article]:
                score, chunk_id = best[article]
                best[article] = (score + lifted - article_similarity[article], chunk_id)
                article_similarity[article] = lifted
                learned_text[article] = text
        top = sorted(best.values(), reverse=True)[:max(k, 2)]  # the margin feature needs the runner-up
        norm = (self.dense_weight + self.lexical_weight) / (tuning.RRF_K + 1) if self.fusion == "rrf" else 1.0
        calibration = self.calibration
        point = self.operating_point(calibration)
        similarities = [article_similarity[rows[chunk_id].article_row_id] for _, chunk_id in top]
        declined = None if learned.declined is None else learned.declined - tuning.LEARNED_OFFSET
        hits = []
        for index, (score, chunk_id) in enumerate(top):
            row = rows[chunk_id]
            similarity = similarities[index]
            lexical = lexical_overlap(query, f"{row.title} {row.heading_path} {row.text}")
            if row.article_row_id in learned_text:
                lexical = max(lexical, lexical_overlap(query, learned_text[row.article_row_id]))
            competing = similarities
            if index == 0 and declined is not None and (len(similarities) < 2 or declined > similarities[1]):
                competing = [similarities[0], declined]  # agents declined a question this close
            confidence = calibration.confidence(hit_features(competing, index, lexical, calibration.scale))
            hits.append(Hit(article_id=row.article_id, title=row.title, url=row.url, chunk_id=chunk_id, text=row.text,
                            heading_path=row.heading_path, score=round(score / norm, 6),
                            similarity=round(similarity, 6), confidence=round(confidence, 4),
                            grounded=confidence >= point, source=row.source))
        return hits[:k]

    def operating_point(self, calibration: Calibration | None = None) -> float:
        """The confidence from which a hit counts as grounded: the calibration's (default: this retriever's), or
        the routed point when questions in other languages come here and the team chose none."""
        calibration = calibration or self.calibration
        if self.routed_point is not None and calibration.operating_point_source == "default":
            return self.routed_point
        return calibration.operating_point

    def _lexical_search(self, query: str, candidates: int) -> list[tuple[int, float]]:
        """BM25 candidates for `query`: (chunk_id, score) best first."""
        return kb_store.lexical_search(self.db, self._searchable_words(query), candidates)

    def _searchable_words(self, query: str) -> list[str]:
        """Query words, minus very common ones on large KBs (document frequencies cached per KB version:
        the same words come back query after query)."""
        words = lexical.query_words(query)
        version = self.index.kb_version if self.index else None
        if self._df_version != version:
            self._df_cache, self._df_version = {}, version
            self._chunk_total = kb_store.chunk_count(self.db)
        if self._chunk_total < tuning.PRUNE_MIN_CHUNKS:
            return words
        cap = int(tuning.PRUNE_SHARE * self._chunk_total) + 1  # past this a word is dropped anyway
        for word in words:
            if word not in self._df_cache:
                self._df_cache[word] = kb_store.term_chunk_count(self.db, word, cap=cap)
        return lexical.prune_common(words, self._df_cache, self._chunk_total)

    @staticmethod
    def _cosines(index: VectorIndex, vector: np.ndarray, chunk_ids: list[int]) -> list[float]:
        return [-1.0 if stored is None else float(np.dot(stored, vector)) for stored in index.reconstruct(chunk_ids)]


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)
