"""Whether agents addressed a customer's questions: the answer model of `unanswered_question`.

A reply can address a question without sharing its words ("Can I move the date?" — "Yes, any day from the 1st
to the 28th"), and share its words without addressing it ("I've passed your question about the date to the
team"). No one reading decides that well alone, so a logistic model weighs several (tuning.QA_UNADDRESSED_*),
fitted on the eleven blind QA sets already read, leave one set out (`python -m bench.bench_qa
--fit-unanswered`, bench/results/qa.json).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from backend import tuning
from backend.retrieval.embed import embed_cached, normalize
from backend.services.qa_wording import answers_in_kind, sentences
from backend.text import stems

if TYPE_CHECKING:
    from backend.retrieval.embed import Embedder


def answer_features(questions: list[str], replies: list[str], *, min_overlap: float, matcher: Embedder,
                    reader: Embedder) -> tuple[np.ndarray, str]:
    """What says whether `replies` addressed one customer message's `questions` (in the order of
    tuning.QA_UNADDRESSED_WEIGHTS), and the question they address least.

    Read from the least addressed question: its content words shared with a reply, its closeness in meaning
    (`reader`) to the replies' sentences, its word-and-meaning match (`matcher`), and its closeness to the
    first reply; then whether a reply answers in kind (a time, an amount, a yes or no), how many questions the
    message asks and how many replies followed.
    """
    matches = [match(q, replies, min_overlap, matcher) for q in questions]
    overlaps = [max(len(stems(q) & stems(r)) / max(len(stems(q)), 1) for r in replies) for q in questions]
    candidates = [s for reply in replies for s in sentences(reply)] or [""]
    vectors = normalize(np.asarray(embed_cached(reader, [*questions, *candidates, replies[0]])))
    asked, said, first = vectors[:len(questions)], vectors[len(questions):-1], vectors[-1]
    in_kind = any(answers_in_kind(q, replies) for q in questions)
    # The counts are capped: past a few questions or replies they say no more, and a long thread of "anything
    # else?" replies must not make an answered question look unanswered.
    features = np.array([min(overlaps), float((asked @ said.T).max(axis=1).min()), min(matches), float(in_kind),
                         min(len(questions), tuning.QA_ANSWER_COUNT_CAP), float((asked @ first).min()),
                         min(len(replies), tuning.QA_ANSWER_COUNT_CAP)])
    return features, questions[int(np.argmin(matches))]


def match(question: str, replies: list[str], min_overlap: float, embedder: Embedder) -> float:
    """How well the replies address `question`: >= 1 when they share enough words or meaning, else below."""
    wanted = stems(question)
    overlap = max(len(wanted & stems(reply)) / len(wanted) for reply in replies) if wanted else 0.0
    if overlap >= min_overlap:
        return 1.0 + overlap
    candidates = [s for reply in replies for s in sentences(reply)] or [""]
    vectors = normalize(np.asarray(embed_cached(embedder, [question, *candidates])))
    similarity = float((vectors[1:] @ vectors[0]).max())
    return 1.0 + similarity if similarity >= tuning.QA_ANSWER_SIMILARITY else (overlap + similarity) / 2


def unaddressed_probability(features: np.ndarray) -> float:
    """The probability that a customer message's questions went unaddressed (the logistic answer model)."""
    z = float(np.dot(tuning.QA_UNADDRESSED_WEIGHTS, features) + tuning.QA_UNADDRESSED_BIAS)
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))

