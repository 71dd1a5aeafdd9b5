"""Customer signals: sentiment (VADER), urgency, language, and escalation risk with readable reasons.

The escalation rules are the ones support teams use: an explicit ask for a human or a manager,
repeated failed attempts or repeat contact, shouting and profanity, a negative trend across turns,
legal / chargeback / cancellation language, a high-value customer, and many turns without resolution.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from backend.models import Escalation, Sentiment, Signals, Turn

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


@lru_cache(maxsize=1)
def _vader() -> SentimentIntensityAnalyzer:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _rx(*words: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


HUMAN_REQUEST = _rx(r"(?:speak|talk|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|your\s+)?(?:real\s+|actual\s+)?"
                    r"(?:human|person|manager|supervisor|someone|agent|representative)",
                    r"(?:get|need|want)\s+(?:a\s+|your\s+)?(?:manager|supervisor)", r"escalate",
                    r"real\s+(?:person|human)", r"not\s+a\s+bot", r"human\s+being",
                    r"get\s+me\s+(?:someone|somebody|a\s+(?:manager|supervisor|human|person))")
REPEAT_CONTACT = _rx(r"(?:third|3rd|fourth|4th|fifth|5th|several|multiple|many|\d+)\s+times?",
                     r"promised\b[^.!?]{0,300}\bnever", r"never\s+(?:came|arrived|got\s+(?:it|back))",
                     r"(?:again|still)\s+(?:not|no|nothing|hasn'?t|haven'?t|doesn'?t|isn'?t|won'?t|didn'?t)",
                     r"already\s+(?:tried|contacted|called|emailed|asked|sent|explained)", r"still\s+waiting",
                     r"(?:keep|kept)\s+(?:getting|telling|asking|saying)", r"nobody\s+(?:has\s+)?(?:replied|answered|helped)",
                     r"no\s+one\s+(?:has\s+)?(?:replied|answered|helped)", r"(?:\d+|two|three|four)\s+(?:weeks|days)\s+(?:now|already)",
                     r"tried\s+(?:everything|twice|again)", r"doesn'?t\s+work\s+either")
LEGAL = _rx(r"lawyer", r"attorney", r"legal\s+action", r"sue", r"suing", r"lawsuit", r"small\s+claims",
            r"consumer\s+protection", r"trading\s+standards", r"ombudsman", r"regulator", r"court",
            r"better\s+business\s+bureau", r"bbb", r"report\s+you")
CHARGEBACK = _rx(r"charge\s?back", r"disput(?:e|es|ed|ing)\b", r"reverse\s+(?:the|this|that)\s+(?:charge|payment)",
                 r"(?:not|never|didn'?t)\s+authori[sz]e", r"unauthori[sz]ed\s+(?:charge|payment|transaction)",
                 r"call\s+my\s+bank", r"contact\s+my\s+bank", r"fraud(?:ulent)?", r"scam(?:med)?")
CHURN = _rx(r"never\s+(?:order|shop|buy)(?:ing)?\s+(?:from\s+you|here|again)", r"take\s+my\s+business",
            r"switch(?:ing)?\s+to\s+(?:a\s+|another\s+)?(?:competitor|provider|company|service)",
            r"done\s+with\s+(?:you|this\s+company)", r"(?:last|final)\s+time\s+I\s+(?:order|buy|shop)",
            r"(?:thinking|think)\s+(?:about|of)\s+(?:leaving|cancell?ing|switching|moving|going\s+elsewhere)",
            r"consider(?:ing)?\s+(?:leaving|cancell?ing|switching|moving|other\s+(?:providers|options|companies))",
            r"(?:go|going|move|moving)\s+(?:elsewhere|somewhere\s+else)", r"(?:won'?t|not\s+going\s+to)\s+renew",
            r"looking\s+(?:at|for)\s+(?:other|another)\s+(?:providers?|options|companies|vendors?|services?)")
CANCEL = _rx(r"cancel\s+(?:my\s+)?(?:account|membership|everything|subscription|plan|service|contract)",
             r"close\s+my\s+account")
PROFANITY = _rx(r"f+u+c+k\w*", r"f[*#@$]{2,}k?\w*", r"s[*#@$]{2,}t", r"sh[i1]t\w*", r"damn\w*", r"crap\w*", r"bullsh[i1]t", r"wtf", r"ridiculous",
                r"pathetic", r"useless", r"incompetent", r"joke", r"worst")
URGENT = _rx(r"urgent(?:ly)?", r"asap", r"immediately", r"right\s+now", r"emergency", r"today", r"tonight",
             r"by\s+tomorrow", r"deadline", r"as\s+soon\s+as\s+possible", r"time[- ]sensitive", r"critical")

_LANG_WORDS = {
    "en": ["the", "and", "you", "your", "is", "are", "to", "of", "for", "my", "it", "this", "that", "have", "with", "not", "was", "can", "please", "order"],
    "es": ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por", "para", "mi", "con", "no", "es", "pedido", "gracias", "hola", "está"],
    "fr": ["le", "la", "les", "des", "de", "et", "est", "un", "une", "pour", "mon", "ma", "avec", "pas", "je", "vous", "commande", "merci", "bonjour"],
    "de": ["der", "die", "das", "und", "ist", "nicht", "ich", "sie", "mit", "ein", "eine", "für", "mein", "bestellung", "danke", "hallo", "auf"],
    "pt": ["o", "a", "os", "as", "de", "que", "e", "em", "um", "uma", "para", "meu", "minha", "com", "não", "é", "pedido", "obrigado", "olá"],
    "it": ["il", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "per", "mio", "mia", "con", "non", "ordine", "grazie", "ciao", "sono"],
    "nl": ["de", "het", "een", "en", "is", "niet", "ik", "je", "met", "voor", "mijn", "van", "bestelling", "bedankt", "hallo"],
}


# VADER's time grows with the square of a text's length: a longer text is scored in pieces of about this many
# characters whose valences add up as VADER adds a text's words (a 20,000-character message: 20 ms, not 1.2 s).
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
    """VADER compound score in [-1, 1]."""
    if not text.strip():
        return 0.0
    if len(text) <= SENTIMENT_PIECE_CHARS:
        return float(_vader().polarity_scores(text)["compound"])
    valence = 0.0
    for piece in _pieces(text):
        compound = max(-0.9999, min(0.9999, float(_vader().polarity_scores(piece)["compound"])))
        valence += compound * math.sqrt(_VADER_ALPHA / (1 - compound * compound))  # back to the piece's valence
    return valence / math.sqrt(valence * valence + _VADER_ALPHA)


def sentiment_label(score: float) -> str:
    return "negative" if score <= -0.3 else "positive" if score >= 0.3 else "neutral"


def detect_language(text: str) -> str:
    """ISO 639-1 guess from function-word counts (en when unsure)."""
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    if len(words) < 3:
        return "en"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in ((k, set(v)) for k, v in _LANG_WORDS.items())}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= max(2, scores["en"] + 1) or best == "en" else "en"


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    caps_words = re.findall(r"\b[A-Z]{3,}\b", text)
    return (len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6) or len(caps_words) >= 3 \
        or "!!!" in text


def compute_signals(messages: Sequence[Turn], *, tier: str | None = None,
                    high_value_tiers: tuple[str, ...] = ("vip", "enterprise", "premium")) -> Signals:
    """Signals from a conversation's messages, newest last."""
    customer = [m.text for m in messages if m.role == "customer"]
    recent = customer[-3:]
    recent_text = "\n".join(recent)
    all_text = "\n".join(customer)
    scores = [sentiment(t) for t in customer[:1] + customer[1:][-1:]]  # the first and the latest are compared
    current = scores[-1] if scores else 0.0
    reasons: list[str] = []
    points = 0

    def hit(pattern: re.Pattern, text: str, reason: str, weight: int) -> None:
        nonlocal points
        match = pattern.search(text)
        if match:
            reasons.append(f"{reason}: \u201c{match.group(0)}\u201d")
            points += weight

    hit(HUMAN_REQUEST, recent_text, "Asked for a human or a manager", 3)
    hit(LEGAL, all_text, "Legal language", 3)
    hit(CHARGEBACK, all_text, "Chargeback or fraud language", 3)
    hit(CHURN, recent_text, "Threatens to leave", 3)
    hit(CANCEL, recent_text, "Wants to cancel the account or membership", 1)
    hit(REPEAT_CONTACT, all_text, "Repeated attempts or repeat contact", 2)
    if any(_shouting(t) for t in recent):
        reasons.append("Shouting (capitals or !!!)")
        points += 1
    hit(PROFANITY, recent_text, "Profanity or strong language", 1)
    if len(scores) >= 2 and scores[-1] < scores[0] - 0.4 and scores[-1] < -0.2:
        reasons.append(f"Sentiment getting worse ({scores[0]:+.2f} \u2192 {scores[-1]:+.2f})")
        points += 1
    elif current <= -0.6:
        reasons.append(f"Very negative sentiment ({current:+.2f})")
        points += 1
    high_value = bool(tier and tier.strip().lower() in high_value_tiers)
    if high_value:
        reasons.append(f"High-value customer ({tier})")
        points += 1
        # A high-value customer disputing a charge or weighing leaving is high risk whatever else is said.
        at_risk = [what for pattern, what in ((CHARGEBACK, "disputes a charge"), (CHURN, "is weighing leaving"),
                                              (CANCEL, "wants to cancel")) if pattern.search(all_text)]
        if at_risk:
            reasons.append(f"High-value customer at risk: {' and '.join(at_risk)}")
            points = max(points, 3)
    turns = sum(1 for m in messages if m.role in ("customer", "agent"))
    if turns >= 8:
        reasons.append(f"{turns} turns without resolution")
        points += 1
    # VADER reads "THIRD time!!! speak to a manager" as mildly positive; frustration cues pull it down.
    frustration = sum(bool(p.search(recent[-1])) for p in (HUMAN_REQUEST, REPEAT_CONTACT, PROFANITY, LEGAL,
                                                            CHARGEBACK, CHURN)) if recent else 0
    frustration += bool(recent) and _shouting(recent[-1])
    current = max(-1.0, current - 0.25 * frustration)
    risk = "high" if points >= 3 else "medium" if points >= 1 else "low"
    urgency = "high" if URGENT.search(recent_text) or (risk == "high" and current < -0.3) else \
        "medium" if current < -0.3 or risk == "medium" else "low"
    return Signals(sentiment=Sentiment(sentiment_label(current), round(current, 3)), urgency=urgency,
                   escalation=Escalation(risk, reasons),  # type: ignore[arg-type]
                   language=detect_language(recent_text or all_text))
