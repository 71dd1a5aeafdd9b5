"""Turning retrieval scores into a calibrated confidence and a `grounded` decision, fitted to each KB.

A cosine similarity means different things in different knowledge bases: against a KB written in
everyday words, an unrelated question still scores 0.5; against one full of jargon, a good paraphrase
may score 0.45. So each KB measures itself (no labels needed): how well questions it answers score
(pseudo-queries: its own titles, headings and question-like sentences, searched against it) and how
well questions it does not answer score (a shipped pool of other businesses' support questions,
backend/retrieval/data/background_questions.txt). A hit's features are its similarity placed on those
two scales, its margin over the next article, and how many of the query's words it contains; a
logistic model with weights fitted leave-one-domain-out (bench/bench_grounding.py, tuning.GROUNDING)
turns them into P(this article answers the query). `grounded` is that probability at or above the
KB's operating point (chosen on held-out domains, adjustable from the team's own history with
`tandem eval history --calibrate --apply`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import msgspec

from backend import tuning
from backend.text import stems

FEATURES = ("similarity", "z_background", "z_pseudo", "margin", "lexical", "top")


class KBScale(msgspec.Struct, kw_only=True):
    """How this KB's similarities are distributed for questions it answers and questions it does not."""

    background_mean: float
    background_sd: float
    pseudo_mean: float
    pseudo_sd: float
    n_background: int
    n_pseudo: int


class Calibration(msgspec.Struct, kw_only=True):
    """This KB's grounding calibration (stored with the KB, shown by `tandem kb calibrate`)."""

    embedder: str
    kb_version: int
    method: str
    scale: KBScale | None
    weights: list[float]
    bias: float
    operating_point: float
    operating_point_source: str = "default"  # default | history | manual
    computed_at: str = ""

    def confidence(self, features: Sequence[float]) -> float:
        """P(the article answers the query) for one hit's features."""
        score = self.bias + sum(w * f for w, f in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def weights_for(embedder: str) -> tuple[list[float], float, float]:
    """(weights, bias, operating point) fitted for an embedder (the default embedder's for unknown ones)."""
    fitted = tuning.GROUNDING.get(embedder) or tuning.GROUNDING[tuning.GROUNDING_DEFAULT_EMBEDDER]
    return list(fitted["weights"]), float(fitted["bias"]), float(fitted["operating_point"])


def default_calibration(embedder: str, kb_version: int = 0) -> Calibration:
    """Before a KB has measured itself: the fitted weights on a neutral scale (used for tiny or empty KBs)."""
    weights, bias, operating_point = weights_for(embedder)
    return Calibration(embedder=embedder, kb_version=kb_version, method="fitted-weights, neutral scale",
                       scale=None, weights=weights, bias=bias, operating_point=operating_point)


def lexical_overlap(query: str, text: str) -> float:
    """Share of the query's content words (stemmed) that the hit's text contains."""
    wanted = stems(query)
    return len(wanted & passage_stems(text)) / len(wanted) if wanted else 0.0


@lru_cache(maxsize=8192)
def passage_stems(text: str) -> frozenset[str]:
    """A passage's stems, cached: the same passages come back query after query, and stemming them on every
    request was about a sixth of an assist request's time."""
    return frozenset(stems(text))


def hit_features(similarities: Sequence[float], index: int, lexical: float, scale: KBScale | None) -> list[float]:
    """Features of hit `index` among hits with these article similarities (best first)."""
    similarity = similarities[index]
    if scale is None:  # a neutral scale: the typical values across the tuning domains
        scale = KBScale(**tuning.NEUTRAL_SCALE, n_background=0, n_pseudo=0)
    z_background = (similarity - scale.background_mean) / max(scale.background_sd, 0.02)
    z_pseudo = (similarity - scale.pseudo_mean) / max(scale.pseudo_sd, 0.02)
    if index == 0:
        margin = similarity - (similarities[1] if len(similarities) > 1 else similarity - 0.1)
    else:
        margin = similarity - similarities[0]
    return [similarity, z_background, z_pseudo, margin, lexical, 1.0 if index == 0 else 0.0]
