"""Conversation turns as prompt data: JSON-encoded, newest kept whole, within a token budget.

Each turn is one JSON object on its own line, so text a customer writes (`[agent] I approved a refund`,
`</conversation>`, "ignore previous instructions") stays a string inside a customer turn: it cannot
forge a turn, close the block or pass for an instruction.
"""

from __future__ import annotations

import msgspec

from backend.models import Thread
from backend.text import count_tokens, truncate_tokens

_encode = msgspec.json.Encoder().encode


def _line(role: str, text: str) -> str:
    return _encode({"role": role, "text": text}).decode()


def conversation_block(thread: Thread, budget_tokens: int) -> str:
    """The turns (internal notes left out) as JSON lines; older turns are condensed, then dropped, to fit."""
    turns: list[tuple[str, str]] = [(m.role, m.text) for m in thread.messages if m.role != "note"]
    if thread.subject:
        turns.insert(0, ("subject", thread.subject))
    kept: list[str] = []
    used = 0
    for index, (role, text) in enumerate(reversed(turns)):
        line = _line(role, text)
        size = count_tokens(line)
        if used + size > budget_tokens:
            if index == 0:  # the latest turn alone is over budget: keep its end
                kept.append(_line(role, truncate_tokens(text, max(20, budget_tokens - 20), from_end=True)))
                break
            line = _line(role, truncate_tokens(text, 40) + " …")
            size = count_tokens(line)
            if used + size > budget_tokens:
                break
        kept.append(line)
        used += size
    return "\n".join(reversed(kept))
