"""Customer signals: sentiment, urgency, language, and escalation risk with codes and readable reasons."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from backend import tuning
from backend.models import Escalation, Sentiment, Signals, Turn
from backend.signals import rules, sentiment_words
from backend.signals.escalation import CODES, READABLE, TRIGGERS, assess, quote
from backend.signals.language import detect_language
from backend.vocabulary import Sentiment as SentimentLabel
from backend.vocabulary import Urgency

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from backend.retrieval.embed import Embedder

SENTIMENT_LANGUAGES = ("en",)  # VADER's lexicon is English
# es de fr nl pt it read with hand-written lexicons (sentiment_words.py); elsewhere the label is "unknown", never a guess


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


SENTIMENT_PIECE_CHARS = 1000
_VADER_ALPHA = 15  # VADER's normalisation: compound = valence / sqrt(valence^2 + alpha)


def _pieces(text: str) -> list[str]:
    """`text` cut at sentence ends (else at spaces) into pieces of at most SENTIMENT_PIECE_CHARS."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > SENTIMENT_PIECE_CHARS:
        end = start + SENTIMENT_PIECE_CHARS
        half = start + SENTIMENT_PIECE_CHARS // 2
        cut = max(text.rfind(". ", half, end), text.rfind("! ", half, end), text.rfind("? ", half, end),
                  text.rfind("\n", half, end)) + 1 or text.rfind(" ", half, end) + 1 or end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def sentiment(text: str) -> float:
    """VADER compound score in [-1, 1] (English text); a long text is read in pieces (VADER is quadratic in a
    text's words) whose valences add up as VADER's own would."""
    if not text.strip():
        return 0.0
    if len(text) <= SENTIMENT_PIECE_CHARS:
        return float(_vader().polarity_scores(text)["compound"])
    valence = 0.0
    for piece in _pieces(text):
        compound = max(-0.9999, min(0.9999, float(_vader().polarity_scores(piece)["compound"])))
        valence += compound * math.sqrt(_VADER_ALPHA / (1 - compound * compound))  # back to the piece's valence
    return valence / math.sqrt(valence * valence + _VADER_ALPHA)


def sentiment_label(score: float) -> SentimentLabel:
    """negative / neutral / positive from a VADER compound score."""
    return ("negative" if score <= tuning.SENTIMENT_NEGATIVE else "positive" if score >= tuning.SENTIMENT_POSITIVE
            else "neutral")


def default_embedder() -> Embedder:
    """The embedder signals use when the caller passes none (tuning.SIGNALS_EMBEDDER)."""
    from backend.retrieval.embed import get_embedder

    return get_embedder(tuning.SIGNALS_EMBEDDER)


def reader_for(language: str, embedder: Embedder | None = None) -> Embedder:
    """The encoder escalation reads `language` with: the given (or default) one if it reads it, else the multilingual one."""
    from backend.retrieval.embed import get_embedder, reads_language

    chosen = embedder or default_embedder()
    if reads_language(chosen, language):
        return chosen
    foreign = get_embedder(tuning.SIGNALS_FOREIGN_EMBEDDER)
    return foreign if reads_language(foreign, language) else chosen


def warm_up(embedder: Embedder | None = None) -> None:
    """Fit the escalation classifiers (English and multilingual reader) and load the language models."""
    from backend.retrieval.embed import get_embedder
    from backend.signals.escalation import classifier_for
    from backend.signals.language import warm_up as warm_language

    warm_language()
    classifier_for(embedder or default_embedder())
    classifier_for(get_embedder(tuning.SIGNALS_FOREIGN_EMBEDDER))


def compute_signals(messages: Sequence[Turn], *, tier: str | None = None,
                    high_value_tiers: tuple[str, ...] = ("vip", "enterprise", "premium"),
                    embedder: Embedder | None = None) -> Signals:
    """Signals from a conversation's messages, newest last."""
    customer = [m.text for m in messages if m.role == "customer"]
    recent = customer[-3:]
    recent_text = "\n".join(recent)
    language = detect_language(recent_text or "\n".join(customer))
    english = language in SENTIMENT_LANGUAGES
    readable = english or language in sentiment_words.SUPPORTED
    scores = [sentiment(t) for t in customer] if english else \
        [sentiment_words.score(t, language) or 0.0 for t in customer] if readable else []
    current = scores[-1] if scores else 0.0

    found = assess(messages, reader_for(language, embedder), language=language)
    active = found.active
    codes: list[str] = []
    reasons: list[str] = []
    for reason in TRIGGERS:
        if reason in active:
            codes.append(reason)
            reasons.append(f"{READABLE[reason]}: {quote(active[reason])}")
    high_value = bool(tier and tier.strip().lower() in high_value_tiers)
    if high_value:
        reasons.append(f"High-value customer ({tier})")
        at_risk = [what for keys, what in ((("money", "chargeback"), "disputes a charge"),
                                           (("churn",), "is weighing leaving")) if any(k in active for k in keys)]
        if at_risk:
            codes.append("vip_money")
            reasons.append(f"High-value customer at risk: {' and '.join(at_risk)}")
    elif "money" in active:
        reasons.append(f"{READABLE['money']}: {quote(active['money'])}")
    if "repeat" in active:
        codes.append("repeat")
        reasons.append(f"{READABLE['repeat']}: {quote(active['repeat'])}")
    if readable and len(scores) >= 3 and scores[-1] < scores[0] - tuning.SENTIMENT_TREND_DROP \
            and scores[-1] < tuning.SENTIMENT_TREND_FLOOR:
        codes.append("negative_trend")
        reasons.append(f"Sentiment getting worse ({scores[0]:+.2f} \u2192 {scores[-1]:+.2f})")
    turns = sum(1 for m in messages if m.role in ("customer", "agent"))
    if "long_unresolved" in active or turns >= tuning.LONG_THREAD_TURNS:
        codes.append("long_unresolved")
        reasons.append(f"Open a long time: {quote(active['long_unresolved'])}" if "long_unresolved" in active
                       else f"{turns} turns without resolution")
    swearing = next((m for t in recent if (m := rules.PROFANITY.search(t))), None)
    if swearing is not None:
        codes.append("profanity")
        reasons.append(f"Profanity: {quote(swearing.group(0))}")
    shouting = any(rules.shouting(t) for t in recent)
    if shouting:
        reasons.append("Shouting (capitals or !!!)")
    if readable and current <= tuning.SENTIMENT_VERY_NEGATIVE and not any(c in codes for c in TRIGGERS):
        reasons.append(f"Very negative sentiment ({current:+.2f})")

    friction = {"repeat", "negative_trend", "long_unresolved"} & set(codes) or "money" in active or shouting \
        or (swearing is not None and current <= 0) or (readable and current <= tuning.SENTIMENT_VERY_NEGATIVE)
    risk = "high" if any(c in codes for c in (*TRIGGERS, "vip_money")) else "medium" if friction else "low"
    # VADER reads "THIRD time!!! speak to a manager" as mildly positive; the reasons found pull it down.
    if readable:
        current = max(-1.0, current - tuning.SENTIMENT_REASON_PULL * sum(c in codes for c in (*TRIGGERS, "repeat", "profanity")))
        label: SentimentLabel = sentiment_label(current)
    else:
        label = "unknown"
    urgency: Urgency = "high" if rules.URGENT.search(recent_text) or (risk == "high" and (current < tuning.SENTIMENT_NEGATIVE or not readable)) \
        else "medium" if current < tuning.SENTIMENT_NEGATIVE or risk == "medium" else "low"
    ordered = [c for c in CODES if c in codes]
    return Signals(sentiment=Sentiment(label, round(current, 3)), urgency=urgency,
                   escalation=Escalation(risk, reasons, ordered),  # type: ignore[arg-type]
                   language=language)
