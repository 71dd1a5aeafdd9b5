"""What an evaluation reports (`tandem eval questions|history --json`, docs/api.md) and the measures in it."""

from __future__ import annotations

import re
import statistics

import msgspec
import numpy as np

from backend.models import Hit

_WORD = re.compile(r"\w+")


class Agreement(msgspec.Struct):
    """How close the best suggestion came to what the agent sent (means over replayed replies)."""

    cosine: float | None
    rouge_l: float | None


class CitationCheck(msgspec.Struct):
    """Replies that link or name a KB article, and how many of them Tandem's answer cited."""

    checked: int
    matched: int


class EscalationCheck(msgspec.Struct):
    """Conversations Tandem flagged for escalation vs those that were escalated."""

    predicted: int
    actual: int
    precision: float | None
    recall: float | None


class ArticleRow(msgspec.Struct, kw_only=True):
    """One article's line: questions expecting it (golden) or answers citing it (history)."""

    article_id: str
    title: str
    items: int
    recall_at_1: float | None = None
    answered_rate: float | None = None
    agreement: float | None = None


class TopicRow(msgspec.Struct, kw_only=True):
    """Replayed questions grouped by meaning (the same clustering as FAQ mining)."""

    topic: str
    items: int
    answered_rate: float
    agreement: float | None


class Case(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A miss or a worst case, with what was expected and what Tandem did."""

    query: str
    expected_article_id: str | None = None
    got: str | None = None
    confidence: float = 0.0
    grounded: bool = False
    rank: int | None = None
    reason: str = ""
    reply: str | None = None
    suggestion: str | None = None
    cosine: float | None = None
    ticket_id: str | None = None
    line: int | None = None


class OperatingPoint(msgspec.Struct, kw_only=True):
    """The operating point proposed from history, with answered and false-answer rates before and after."""

    current: float
    proposed: float | None
    answerable: int
    not_answerable: int
    answered_rate: dict[str, float | None]
    false_answer_rate: dict[str, float | None]
    false_abstain: dict[str, float | None]
    applied: bool = False
    note: str = ""


class LearningEffect(msgspec.Struct, kw_only=True):
    """Replies that link an article, ranked with and without the learned questions (a replayed
    conversation never uses what was learned from itself)."""

    checked: int
    recall_at_1_before: float | None
    recall_at_1_after: float | None
    recall_at_5_before: float | None
    recall_at_5_after: float | None


class EvalReport(msgspec.Struct, kw_only=True):
    """`tandem eval questions|history --json` (docs/api.md); fields that do not apply are null."""

    kind: str
    items: int
    answered_rate: float | None
    abstain_rate: float | None
    false_abstain: float | None
    oos_abstain: float | None
    recall_at_1: float | None
    recall_at_5: float | None
    mrr: float | None
    agreement: Agreement | None
    citation: CitationCheck | None
    escalation: EscalationCheck | None
    per_article: list[ArticleRow]
    worst: list[Case]
    calibration_error: float | None = None
    per_topic: list[TopicRow] | None = None
    operating_point: OperatingPoint | None = None
    learning: LearningEffect | None = None
    notes: list[str] = msgspec.field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    engine: str = ""
    embedder: str = ""
    kb_version: int = 0


class About(msgspec.Struct):
    """What the report says it measured."""

    engine: str
    embedder: str
    kb_version: int



def _rate(part: float, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def expected_calibration_error(confidences: list[float], correct: list[bool], bins: int = 10) -> float | None:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by their size."""
    if not confidences:
        return None
    conf, ok = np.asarray(confidences), np.asarray(correct, dtype=float)
    index = np.clip((conf * bins).astype(int), 0, bins - 1)
    total = sum(abs(ok[index == b].mean() - conf[index == b].mean()) * np.sum(index == b)
                for b in range(bins) if np.any(index == b))
    return round(float(total) / len(conf), 4)


def rouge_l(candidate: str, reference: str, max_tokens: int = 300) -> float:
    """ROUGE-L F1 between two texts (longest common subsequence of lower-cased words)."""
    a = _WORD.findall(candidate.lower())[:max_tokens]
    b = _WORD.findall(reference.lower())[:max_tokens]
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    lcs = previous[-1]
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)


def _rank(expected: str | None, hits: list[Hit]) -> int | None:
    ids = [h.article_id for h in hits]
    return ids.index(expected) + 1 if expected in ids else None
