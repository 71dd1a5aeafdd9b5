"""Split Markdown-ish article bodies into token-bounded chunks that keep their heading path.

Blocks (paragraphs, lists, tables, code) are kept whole when they fit; an oversized table repeats its
header row in every part, an oversized list or paragraph splits at items or sentences. Consecutive
chunks of one section overlap by a few sentences so an answer straddling a boundary is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend.models import Chunk
from backend.text import count_tokens, encoding
from backend.text import sentences as split_sentences

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(slots=True)
class Block:
    """A paragraph, list, table or code block, with the heading path it sits under."""

    kind: str  # paragraph | list | table | code
    text: str
    heading_path: str
    tokens: int = 0


def parse_blocks(body: str) -> list[Block]:
    """Split a Markdown body into blocks, tracking the heading path (h1 > h2 > ...)."""
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    buffer: list[str] = []
    kind = "paragraph"
    in_code = False

    def path() -> str:
        return " > ".join(title for _, title in headings)

    def flush() -> None:
        nonlocal buffer, kind
        text = "\n".join(buffer).strip()
        if text:
            blocks.append(Block(kind, text, path()))
        buffer, kind = [], "paragraph"

    for raw in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if in_code:
            buffer.append(line)
            if line.lstrip().startswith("```"):
                in_code = False
                flush()
            continue
        if line.lstrip().startswith("```"):
            flush()
            kind, in_code = "code", True
            buffer.append(line)
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            level = len(heading.group(1))
            headings = [h for h in headings if h[0] < level] + [(level, heading.group(2).strip())]
            continue
        if not line.strip():
            flush()
            continue
        line_kind = "table" if line.lstrip().startswith("|") else "list" if _LIST_ITEM.match(line) else None
        if line_kind and kind != line_kind and buffer and not (kind == "list" and line_kind is None):
            flush()
        if line_kind:
            kind = line_kind
        elif kind == "table":
            flush()
        buffer.append(line)
    flush()
    return blocks


def _split_block(block: Block, max_tokens: int) -> list[Block]:
    """Split a block that exceeds the budget into pieces that fit."""
    if block.kind == "table":
        rows = block.text.split("\n")
        header = rows[:2] if len(rows) > 2 and set(rows[1].replace("|", "").strip()) <= set("-: ") else rows[:1]
        units, prefix = rows[len(header):], "\n".join(header) + "\n"
    elif block.kind in ("list", "code"):
        units, prefix = block.text.split("\n"), ""
    else:
        units, prefix = split_sentences(block.text), ""
    pieces: list[Block] = []
    current: list[str] = []
    budget = max_tokens - count_tokens(prefix)
    used = 0
    joiner = " " if block.kind == "paragraph" else "\n"
    for unit in units:
        size = count_tokens(unit) + 1
        if size > budget:  # one enormous sentence or row: hard-cut by tokens
            ids = encoding().encode(unit, disallowed_special=())
            for start in range(0, len(ids), budget):
                pieces.append(Block(block.kind, prefix + encoding().decode(ids[start:start + budget]),
                                    block.heading_path))
            continue
        if used + size > budget and current:
            pieces.append(Block(block.kind, prefix + joiner.join(current), block.heading_path))
            current, used = [], 0
        current.append(unit)
        used += size
    if current:
        pieces.append(Block(block.kind, prefix + joiner.join(current), block.heading_path))
    for piece in pieces:
        piece.tokens = count_tokens(piece.text)
    return pieces


def _tail(text: str, max_tokens: int) -> str:
    """The last sentences of `text` that fit in `max_tokens` (for overlap)."""
    sentences = split_sentences(text)
    kept: list[str] = []
    used = 0
    for sentence in reversed(sentences):
        size = count_tokens(sentence)
        if used + size > max_tokens:
            break
        kept.insert(0, sentence)
        used += size
    return " ".join(kept)


def chunk_body(body: str, *, max_tokens: int = 200, overlap: int = 40) -> list[Chunk]:
    """Chunk an article body; every chunk holds at most about `max_tokens` tokens."""
    blocks: list[Block] = []
    for block in parse_blocks(body):
        block.tokens = count_tokens(block.text)
        # Split oversized blocks with room left for the overlap carried in from the previous chunk.
        piece_budget = max(max_tokens - overlap, max_tokens // 2)
        blocks.extend(_split_block(block, piece_budget) if block.tokens > max_tokens else [block])

    chunks: list[Chunk] = []
    parts: list[str] = []
    heading = ""
    used = 0

    def emit() -> None:
        text = "\n\n".join(parts).strip()
        if text:
            chunks.append(Chunk(len(chunks), heading, text, count_tokens(text)))

    for block in blocks:
        section_change = block.heading_path != heading
        if parts and (used + block.tokens > max_tokens or (section_change and used >= max_tokens // 4)):
            emit()
            carry = _tail(parts[-1], overlap) if not section_change and overlap else ""
            parts, used = ([carry], count_tokens(carry)) if carry else ([], 0)
            if used + block.tokens > max_tokens:
                parts, used = [], 0
        if not parts:
            heading = block.heading_path
        parts.append(block.text)
        used += block.tokens
    emit()
    return chunks
