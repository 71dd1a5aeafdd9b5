"""Each KB's grounding calibration: measured from the KB itself, stored with it (shared by every worker),
recomputed when the KB changes, shown and recomputed by `tandem kb calibrate`.

The measurement needs no labels: the KB's own titles, headings and question-like sentences are searched
against it (how well a question it answers scores here), and so is a shipped pool of other businesses'
support questions (how well a question it does not answer scores here). See retrieval/calibration.py.
"""

from __future__ import annotations

import contextlib
import random
import re
import statistics
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING

import msgspec
import numpy as np

from backend import tuning
from backend.retrieval.calibration import Calibration, KBScale, default_calibration, weights_for
from backend.retrieval.embed import Embedder, embed_cached
from backend.services.runtime import Runtime
from backend.store import kb as kb_store
from backend.store.db import Database, get_meta, set_meta

if TYPE_CHECKING:
    from backend.retrieval.hybrid import Retriever

_QUESTION = re.compile(r"[^.!?\n]{12,200}\?")


def _key(embedder: str) -> str:
    return f"calibration:{embedder}"


def stored_calibration(db: Database, embedder: str) -> Calibration:
    """This KB's calibration for `embedder` (the neutral one when it has none yet). The weights always come
    from this release (tuning.GROUNDING): what is stored per KB is its measured scale and any operating
    point the team chose; a shipped operating point follows the release too."""
    weights, bias, shipped_point = weights_for(embedder)
    raw = get_meta(db, _key(embedder))
    stored = None
    if raw:
        # Written by another Tandem version when it does not decode: recomputed by the next calibration.
        with contextlib.suppress(msgspec.DecodeError, msgspec.ValidationError):
            stored = msgspec.json.decode(raw, type=Calibration)
    if stored is None:
        return default_calibration(embedder)
    point = shipped_point if stored.operating_point_source == "default" else stored.operating_point
    return msgspec.structs.replace(stored, weights=weights, bias=bias, operating_point=point)


def store_calibration(db: Database, calibration: Calibration) -> None:
    """Keep a calibration with the KB."""
    with db.transaction():
        set_meta(db, _key(calibration.embedder), msgspec.json.encode(calibration).decode())


def background_questions() -> list[str]:
    """The shipped pool of support questions other businesses get."""
    text = (resources.files("backend.retrieval.data") / "background_questions.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


_BACKGROUND: dict[str, np.ndarray] = {}  # embedder name -> the pool's vectors (the pool never changes)


def _background_vectors(embedder: Embedder) -> np.ndarray:
    if embedder.name not in _BACKGROUND:
        _BACKGROUND[embedder.name] = np.asarray(embedder.embed(background_questions()), dtype=np.float32)
    return _BACKGROUND[embedder.name]


def pseudo_queries(rt: Runtime, limit: int = tuning.CALIBRATION_PSEUDO_QUERIES) -> list[tuple[str, str]]:
    """(question, article id) pairs the KB itself answers: titles, headings and question-like sentences."""
    found: list[tuple[str, str]] = []
    for article in kb_store.list_articles(rt.db):
        if article.status != "published":
            continue
        found.append((article.title, article.article_id))
        for heading in re.findall(r"^#{2,4}\s+(.+?)\s*$", article.body, flags=re.M)[:3]:
            found.append((heading, article.article_id))
        for question in _QUESTION.findall(article.body)[:3]:
            found.append((question.strip(" -*>|"), article.article_id))
    random.Random(0).shuffle(found)
    return found[:limit]


def _best_similarities(rt: Runtime, retriever: Retriever, vectors: np.ndarray) -> list[dict[str, float]]:
    """For each query vector: {article id: its best chunk's cosine} over the nearest chunks."""
    index = retriever.ensure_index()
    results = index.search_many(vectors, 50) if len(vectors) else []
    passages = kb_store.passages(rt.db, {chunk for hits in results for chunk, _ in hits})
    out = []
    for hits in results:
        best: dict[str, float] = {}
        for chunk, score in hits:
            passage = passages.get(chunk)
            if passage is not None and score > best.get(passage.article_id, -1.0):
                best[passage.article_id] = score
        out.append(best)
    return out


def _spread(values: list[float]) -> tuple[float, float]:
    return statistics.fmean(values), statistics.pstdev(values) if len(values) > 1 else 0.1


def measure(rt: Runtime, retriever: Retriever | None = None) -> KBScale | None:
    """How this KB's similarities are distributed under `retriever`'s encoder (default: the main one; None when
    the KB is too small to measure)."""
    if kb_store.kb_stats(rt.db).articles < tuning.CALIBRATION_MIN_ARTICLES:
        return None
    retriever = retriever or rt.retriever
    embedder = retriever.embedder
    pseudo = pseudo_queries(rt)
    if not pseudo:
        return None
    background = [max(best.values(), default=0.0)
                  for best in _best_similarities(rt, retriever, _background_vectors(embedder))]
    own = []
    # Cached: every KB write recalibrates, and re-embedding all the titles made one article's upsert cost a
    # third of a second on the demo KB.
    pseudo_vectors = embed_cached(embedder, [q for q, _ in pseudo])
    for (_, article_id), best in zip(pseudo, _best_similarities(rt, retriever, pseudo_vectors), strict=True):
        own.append(best.get(article_id, max(best.values(), default=0.0)))
    background_mean, background_sd = _spread(background)
    pseudo_mean, pseudo_sd = _spread(own)
    return KBScale(background_mean=round(background_mean, 4), background_sd=round(background_sd, 4),
                   pseudo_mean=round(pseudo_mean, 4), pseudo_sd=round(pseudo_sd, 4), n_background=len(background),
                   n_pseudo=len(own))


def calibrate(rt: Runtime, retriever: Retriever | None = None) -> Calibration:
    """Measure the KB, keep the team's own operating point if it set one, store and use the result (for the
    main retriever, or for `retriever`: each encoder has its own)."""
    retriever = retriever or rt.retriever
    embedder = retriever.embedder.name
    retriever.follow(force=True)  # measure the KB as committed now, and stamp the version measured
    index = retriever.ensure_index()
    version = index.kb_version
    scale = measure(rt, retriever)
    weights, bias, operating_point = weights_for(embedder)
    with rt.db.transaction():
        # Read the team's choice at write time: a `kb calibrate --operating-point` or `eval history --apply`
        # made while this measured must not be lost.
        previous = stored_calibration(rt.db, embedder)
        if previous.operating_point_source != "default":
            operating_point = previous.operating_point
        calibration = Calibration(
            embedder=embedder, kb_version=version,
            method="per-KB scale + fitted weights" if scale else "fitted weights, neutral scale (KB too small)",
            scale=scale, weights=weights, bias=bias, operating_point=operating_point,
            operating_point_source=previous.operating_point_source,
            computed_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        set_meta(rt.db, _key(embedder), msgspec.json.encode(calibration).decode())
    retriever.calibration = calibration
    return calibration


def recalibrate_if_stale(rt: Runtime, retriever: Retriever | None = None) -> Calibration | None:
    """Recompute when the KB changed since the calibration was measured; returns it if it did."""
    retriever = retriever or rt.retriever
    current = stored_calibration(rt.db, retriever.embedder.name)
    if current.kb_version == kb_store.kb_version(rt.db) and current.computed_at:
        return None
    return calibrate(rt, retriever)


def recalibrate_all_if_stale(rt: Runtime) -> bool:
    """Recompute every stale calibration the KB is searched with: the main retriever's and, once some process has
    searched it in another language, the multilingual one's (built here if needed, its index caught up with the
    KB on the way); whether any was recomputed."""
    retrievers = [rt.retriever]
    if rt.foreign_in_use() and (foreign := rt.foreign_retriever(wait=True)) is not None:
        retrievers.append(foreign)
    return any([recalibrate_if_stale(rt, retriever) is not None for retriever in retrievers])


def set_operating_point(rt: Runtime, value: float, *, source: str, retriever: Retriever | None = None) -> Calibration:
    """Store a new operating point (from the team's history, or set by hand) with the KB's calibration (the
    main retriever's, or `retriever`'s)."""
    if not 0.0 < value < 1.0:
        from backend.errors import InvalidInput

        raise InvalidInput(f"the operating point is a probability between 0 and 1, got {value}")
    retriever = retriever or rt.retriever
    current = stored_calibration(rt.db, retriever.embedder.name)
    updated = msgspec.structs.replace(current, operating_point=round(value, 4), operating_point_source=source)
    store_calibration(rt.db, updated)
    retriever.calibration = updated
    return updated


def reset_operating_point(rt: Runtime, retriever: Retriever | None = None) -> Calibration:
    """Go back to the shipped operating point for this embedder."""
    retriever = retriever or rt.retriever
    current = stored_calibration(rt.db, retriever.embedder.name)
    _, _, operating_point = weights_for(current.embedder)
    updated = msgspec.structs.replace(current, operating_point=operating_point, operating_point_source="default")
    store_calibration(rt.db, updated)
    retriever.calibration = updated
    return updated


def current_kb_version(rt: Runtime) -> int:
    """The KB's committed version (to tell whether a calibration is stale)."""
    return kb_store.kb_version(rt.db)
