"""The offline engine: replies composed from retrieved KB sentences, summaries from the conversation itself.

Deterministic and fast (no model calls): sentences are chosen by overlap with the customer's question,
kept in the article's own order, and wrapped the way a good agent opens and closes a reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend.llm.phrasebook import phrases
from backend.models import Entities
from backend.text import sentences, stems

ORDER_ID = re.compile(r"\b(?:[A-Z]{2,5}-?\d{4,}|#\d{4,}|\d{6,})\b")
AMOUNT = re.compile(r"(?:[$€£]\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*(?:\.\d{2})?\s?(?:USD|EUR|GBP|dollars|euros|pounds)\b)")
DATE = re.compile(
    r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul"
    r"|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*(?: \d{4})?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tomorrow|yesterday)\b",
    re.IGNORECASE)
ORDER_TOPICS = re.compile(r"\b(order|package|parcel|delivery|deliver|shipment|shipped|tracking|refund|return|"
                          r"charge|charged|item|purchase)\w*\b", re.IGNORECASE)


def units(text: str) -> list[str]:
    """Sentences, list items and table rows of a passage, as readable sentences."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines and all(line.startswith("|") for line in lines):
            header, *rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
            rows = [cells for cells in rows if not set("".join(cells)) <= set("-: ")]
            out.extend(table_row_sentence(header, cells, _is_prose_table(rows)) for cells in rows)
            continue
        for line in lines:
            line = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", line)
            line = re.sub(r"\*\*(.+?)\*\*", r"\1", line)
            out.extend(s.strip() for s in sentences(line) if s.strip())
    return out


def table_row_sentence(header: list[str], cells: list[str], prose: bool = False) -> str:
    """One table row as a sentence that reads well whatever the column names are.

    "Express — delivery time: 1 to 2 business days; cost: $14.95." Headers keep the meaning of the
    values. In a two-column table whose values are sentences of their own the header is dropped
    ("Shipped: The parcel is with the carrier."), since "what it means: The parcel..." only adds noise.
    """
    label = cells[0].rstrip(".")
    values = [(h, c.rstrip(".")) for h, c in zip(header[1:], cells[1:], strict=False) if c.strip(". ")]
    if not values:
        return label + "."
    if prose:
        return f"{label}: {values[0][1]}."
    # short values read as part of the sentence ("warranty: 2 years"); long ones keep their case
    parts = "; ".join(f"{_lower_first(h)}: {_lower_first(v) if len(v.split()) < 5 else v}" if h else v
                      for h, v in values)
    return f"{label} — {parts}."


def _is_prose_table(rows: list[list[str]]) -> bool:
    """A two-column table whose second column is whole sentences (every cell ends with a period)."""
    return bool(rows) and all(len(r) == 2 and r[1].endswith(".") for r in rows)


def _lower_first(text: str) -> str:
    """Lowercase a leading capital unless the first word is an acronym ("UPS") or a lone letter ("I")."""
    return text[:1].lower() + text[1:] if text.split(" ", 1)[0][1:2].islower() else text


def select_sentences(question: str, passage: str, limit: int = 3) -> list[str]:
    """The passage sentences that best answer `question`, in passage order."""
    wanted = stems(question)
    scored = []
    for position, unit in enumerate(units(passage)):
        have = stems(unit)
        overlap = len(wanted & have)
        # prefer sentences that share words with the question; early sentences break ties
        scored.append((overlap + (0.3 if position == 0 else 0) - position * 0.01, position, unit))
    best = sorted(scored, reverse=True)[:limit]
    chosen = [u for score, _, u in sorted(best, key=lambda x: x[1]) if score > 0.2]
    if not chosen and scored:
        chosen = [min(scored, key=lambda x: x[1])[2]]
    return [c if c.endswith((".", "!", "?", ":")) else c + "." for c in chosen]


@dataclass(frozen=True)
class Tone:
    """Opening and closing lines chosen from the customer's mood."""

    opener: str
    closer: str


def tone_for(sentiment: str, risk: str) -> Tone:
    """The opener and closer that suit the customer's mood."""
    if risk == "high" or sentiment == "negative":
        return Tone("I'm sorry for the trouble, and thank you for your patience while we sort this out.",
                    "If anything is still unclear, reply here and I'll stay on it with you.")
    if sentiment == "positive":
        return Tone("Thanks for getting in touch, happy to help!", "Let me know if there's anything else I can do.")
    return Tone("Thanks for reaching out.", "Let me know if there's anything else I can help with.")


def greeting(name: str | None, language: str = "en") -> str:
    """"Hi Dana," from the customer's name, or "Hi there," when there is none (or it was redacted); "Hola, Dana:"
    and so on in the languages of the phrasebook."""
    first = (name or "").strip().split(" ")[0]
    said = phrases(language)
    return said.hi_name.format(first=first) if first and not first.startswith("[") else said.hi_there


def compose_answer(question: str, passages: list[tuple[int, str]], *, name: str | None, sentiment: str,
                   risk: str) -> tuple[str, list[int]]:
    """A reply built from the best sentences of the given passages ((index, text) pairs, best first).

    Returns the text and the indexes of the passages it used.
    """
    tone = tone_for(sentiment, risk)
    body: list[str] = []
    used: list[int] = []
    for rank, (index, text) in enumerate(passages[:2]):
        chosen = select_sentences(question, text, limit=3 if rank == 0 else 1)
        if rank > 0:  # a second article contributes only if it shares the question's words
            chosen = [c for c in chosen if len(stems(question) & stems(c)) >= 2]
        fresh = [c for c in chosen if c not in body]
        if fresh:
            body.extend(fresh)
            used.append(index)
    text = f"{greeting(name)}\n\n{tone.opener} {' '.join(body)}\n\n{tone.closer}"
    return text, used


def needs_order_id(customer_text: str) -> bool:
    """True when the customer talks about an order but gave no order-like identifier."""
    return bool(ORDER_TOPICS.search(customer_text)) and not ORDER_ID.search(customer_text)


def clarify_text(question: str, *, name: str | None, missing_order_id: bool, grounded: bool,
                 language: str = "en") -> str:
    """A short question back to the customer for what Tandem needs to answer, in the customer's language."""
    said = phrases(language)
    ask = said.ask_order if missing_order_id else said.ask_more_grounded if grounded else said.ask_more
    return f"{greeting(name, language)}\n\n{said.thanks} {ask}"


def escalate_text(*, name: str | None, reasons: list[str], grounded: bool, language: str = "en") -> str:
    """A handover message for when a person with authority (or knowledge) must take over, in the customer's
    language."""
    said = phrases(language)
    line = said.hand_over_senior if grounded else said.hand_over_unknown
    return f"{greeting(name, language)}\n\n{said.sorry} {line}"


def entities(texts: list[str]) -> Entities:
    """Order ids, amounts and dates mentioned in the conversation, first seen first."""
    def unique(pattern: re.Pattern) -> list[str]:
        seen: dict[str, None] = {}
        for text in texts:
            for m in pattern.finditer(text):
                seen.setdefault(m.group(0).strip(), None)
        return list(seen)
    return Entities(order_ids=unique(ORDER_ID), amounts=unique(AMOUNT), dates=unique(DATE))
