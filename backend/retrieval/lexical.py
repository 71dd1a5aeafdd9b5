"""Turning user text into a safe FTS5 query: every term quoted, OR-ed, stopwords dropped."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)

# Function words carry no evidence for BM25 and make OR-queries slow on large KBs.
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "nor", "so", "too", "very", "just", "also", "than", "about", "into", "over", "under", "again", "any", "all", "some", "such", "only", "own", "same", "other", "more", "most", "am", "im", "i'm", "i've", "ive", "id", "i'd", "let", "us", "hi", "hello", "hey", "thanks", "thank", "please"]
)


def terms(text: str, *, max_terms: int = 32) -> list[str]:
    """Distinct lower-cased content words of `text`, in order."""
    seen: dict[str, None] = {}
    for match in _WORD.finditer(text.lower()):
        word = match.group(0).strip("'’-")
        if len(word) < 2 or word in STOPWORDS or word in seen:
            continue
        seen[word] = None
        if len(seen) >= max_terms:
            break
    return list(seen)


# On large KBs an OR over common words makes SQLite score most of the index for little evidence
# (BM25's IDF of a word in a tenth of the chunks is small). Above PRUNE_MIN_CHUNKS, words found in more
# than PRUNE_SHARE of chunks are dropped, keeping at least the KEEP_RAREST rarest. Measured with StackFAQ
# among 100k distractor chunks (bench/bench_scale.py, results in bench/results/scale-100k-int8.json):
# 2% / 1 costs 0.8 points of R@1 against no pruning and cuts the BM25 leg from 19.9 to 3.5 ms p50
# (94.7 to 11.7 ms p99); 5% / 3 kept 0.6 points more at twice the time.
PRUNE_MIN_CHUNKS = 5000
PRUNE_SHARE = 0.02
KEEP_RAREST = 1


def prune_common(words: list[str], doc_freq: dict[str, int], total: int) -> list[str]:
    """Drop words too common to be worth an OR-branch (only on large indexes)."""
    if total < PRUNE_MIN_CHUNKS or len(words) <= KEEP_RAREST:
        return words
    limit = PRUNE_SHARE * total
    rarest = set(sorted(words, key=lambda w: doc_freq.get(w, 0))[:KEEP_RAREST])
    return [w for w in words if doc_freq.get(w, 0) <= limit or w in rarest]


def match_expression(text: str | list[str]) -> str | None:
    """An FTS5 MATCH expression for `text` (or pre-split words), or None when nothing is searchable.

    Each term is a quoted string (double quotes doubled), so no user text is parsed as FTS syntax.
    """
    words = terms(text) if isinstance(text, str) else text
    if not words:
        return None
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)
