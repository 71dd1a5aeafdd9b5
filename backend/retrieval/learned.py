"""Matching a query against the questions agents answered (and declined): the learned leg of retrieval.

Each process keeps the learned questions' vectors in memory and reloads them when the store's
`learned_version` changes (checked with the KB version, so every worker and host uses what was learned
within a follow interval). A query's similarity to an article's learned questions stands beside its
similarity to the article's passages; a declined question close to the query competes with the best
article, as evidence that agents do not answer it from the KB.
"""

from __future__ import annotations

import threading

import msgspec
import numpy as np

from backend import tuning
from backend.retrieval.embed import Embedder
from backend.store import learned as learned_store
from backend.store.db import Database

EMBED_BATCH = 256


class LearnedMatch(msgspec.Struct, kw_only=True):
    """What the learned leg found for one query."""

    by_article: dict[int, tuple[float, str]]  # article row id -> (best similarity, that question's text)
    declined: float | None  # the closest declined question's similarity


NO_MATCH = LearnedMatch(by_article={}, declined=None)


def embed_missing(db: Database, embedder: Embedder) -> int:
    """Embed learned questions that have no vector from this embedder yet; returns how many."""
    missing = learned_store.missing_vectors(db, embedder.name)
    for start in range(0, len(missing), EMBED_BATCH):
        part = missing[start:start + EMBED_BATCH]
        vectors = embedder.embed([text for _, text in part])
        with db.transaction():
            learned_store.save_vectors(db, embedder.name, [i for i, _ in part], vectors)
    return len(missing)


class LearnedQuestions:
    """This process's copy of the learned questions, at the version it last loaded."""

    def __init__(self, db: Database, embedder: Embedder) -> None:
        self.db = db
        self.embedder = embedder
        self._lock = threading.Lock()
        self._data = learned_store.LearnedVectors(
            version=-1, ids=np.zeros(0, dtype=np.int64), article_row_ids=np.zeros(0, dtype=np.int64),
            vectors=np.zeros((0, embedder.dim), dtype=np.float32), texts=[], tickets=[])

    @property
    def version(self) -> int:
        return self._data.version

    @property
    def count(self) -> int:
        return len(self._data.ids)

    def refresh(self) -> bool:
        """Reload when the store's learned version moved; returns whether it did."""
        if learned_store.learned_version(self.db) == self._data.version:
            return False
        with self._lock:
            if learned_store.learned_version(self.db) == self._data.version:
                return False
            embed_missing(self.db, self.embedder)
            with self.db.transaction(write=False):
                data = learned_store.load_vectors(self.db, self.embedder.name, self.embedder.dim)
            self._data = data
        return True

    def match(self, vector: np.ndarray, *, exclude_ticket: str | None = None) -> LearnedMatch:
        """The best learned question of the articles of the closest questions (at most LEARNED_ARTICLES), and the
        closest declined one, for a query vector (`exclude_ticket`: not those learned from that ticket)."""
        data = self._data  # one consistent snapshot, even if another thread reloads meanwhile
        if not len(data.ids):
            return NO_MATCH
        similarities = data.vectors @ np.asarray(vector, dtype=np.float32)
        by_article: dict[int, tuple[float, str]] = {}
        declined: float | None = None
        for row in np.argsort(-similarities)[:64]:  # the closest questions decide; the rest cannot
            if exclude_ticket is not None and data.tickets[row] == exclude_ticket:
                continue
            similarity = float(similarities[row])
            article = int(data.article_row_ids[row])
            if article < 0:
                declined = similarity if declined is None else max(declined, similarity)
            elif article not in by_article and len(by_article) < tuning.LEARNED_ARTICLES:
                by_article[article] = (similarity, data.texts[row])
        return LearnedMatch(by_article=by_article, declined=declined)
