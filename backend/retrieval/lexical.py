"""The lexical leg's query words: content words of the query, minus very common ones on large KBs."""

from __future__ import annotations

from backend import tuning
from backend.text import terms


def query_words(query: str) -> list[str]:
    """Distinct content words of a query (the store quotes each one; nothing is parsed as query syntax)."""
    return terms(query)


def prune_common(words: list[str], doc_freq: dict[str, int], total: int) -> list[str]:
    """Drop words too common to be worth an OR-branch (only on large KBs; the rarest always stay).

    On large KBs an OR over common words makes the engine score most of the index for little evidence
    (BM25's IDF of a word in a tenth of the chunks is small).
    """
    if total < tuning.PRUNE_MIN_CHUNKS or len(words) <= tuning.KEEP_RAREST:
        return words
    limit = tuning.PRUNE_SHARE * total
    rarest = set(sorted(words, key=lambda w: doc_freq.get(w, 0))[: tuning.KEEP_RAREST])
    return [w for w in words if doc_freq.get(w, 0) <= limit or w in rarest]
