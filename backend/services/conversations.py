"""Conversations as every feature sees them: limits checked, PII redacted, roles inferred, then stored."""

from __future__ import annotations

import hashlib
import re

from backend.privacy.redaction import redact
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store.db import transaction

MAX_MESSAGES = 200
MAX_MESSAGE_CHARS = 20_000
MAX_TOTAL_CHARS = 200_000
ROLES = ("customer", "agent", "bot", "note", "unknown")
_AGENT_CUES = re.compile(
    r"\b(?:thanks? (?:you )?for (?:contacting|reaching out|your patience)|I(?:'ve| have) (?:checked|refunded|sent|"
    r"issued|escalated|updated)|let me (?:check|look)|our team|we(?:'ll| will) (?:send|refund|look)|"
    r"happy to help|is there anything else)\b", re.IGNORECASE)


class LimitExceeded(ValueError):
    """A conversation is larger than Tandem accepts; the message names the limit."""


def check_limits(conv: dict) -> None:
    """Raise LimitExceeded for more than 200 messages, 20,000 chars in one, or 200,000 in all."""
    messages = conv.get("messages") or []
    if len(messages) > MAX_MESSAGES:
        raise LimitExceeded(f"too many messages: {len(messages)} (limit {MAX_MESSAGES})")
    total = 0
    for i, message in enumerate(messages):
        size = len(message.get("text") or "")
        if size > MAX_MESSAGE_CHARS:
            raise LimitExceeded(f"message {i} has {size} characters (limit {MAX_MESSAGE_CHARS} per message)")
        total += size
    if total > MAX_TOTAL_CHARS:
        raise LimitExceeded(f"messages hold {total} characters in all (limit {MAX_TOTAL_CHARS})")


def infer_roles(messages: list[dict]) -> list[dict]:
    """Fill in `unknown` roles: agent phrasing says agent; otherwise alternate, starting with the customer."""
    out: list[dict] = []
    previous = None
    for message in messages:
        role = message["role"]
        if role == "unknown":
            if _AGENT_CUES.search(message["text"]):
                role = "agent"
            elif previous is None or previous in ("agent", "bot"):
                role = "customer"
            else:
                role = "agent"
        out.append({**message, "role": role})
        if role in ("customer", "agent", "bot"):
            previous = role
    return out


def prepare(conv: dict, *, redact_pii: bool = True) -> dict:
    """A normalized copy: limits checked, PII redacted, message keys and roles filled in."""
    check_limits(conv)
    clean = (lambda text: redact(text)) if redact_pii else (lambda text: text)
    messages = []
    for index, message in enumerate(conv.get("messages") or []):
        text = clean((message.get("text") or "").strip())
        if not text:
            continue
        role = message.get("role") or "unknown"
        messages.append({"key": str(message.get("id") or f"m{index + 1}"), "role": role if role in ROLES else "unknown",
                         "text": text, "at": message.get("at")})
    customer = {k: (clean(v) if isinstance(v, str) and k != "tier" else v)
                for k, v in (conv.get("customer") or {}).items() if v is not None}
    helpdesk = (conv.get("helpdesk") or "api").strip().lower() or "api"
    ticket = conv.get("ticket_id")
    if not ticket:  # no ticket id: a stable one from the opening message keeps re-sends together
        ticket = "auto-" + hashlib.sha256((messages[0]["text"] if messages else "").encode()).hexdigest()[:16]
    return {"helpdesk": helpdesk, "ticket_id": str(ticket), "url": conv.get("url"),
            "subject": clean(conv["subject"]) if conv.get("subject") else None,
            "customer": customer, "messages": infer_roles(messages)}


def store(rt: Runtime, conv: dict) -> int:
    """Upsert a prepared conversation and its new messages; returns the conversation's row id."""
    with transaction(rt.db):
        conversation_id = conv_store.upsert_conversation(rt.db, conv)
        conv_store.add_messages(rt.db, conversation_id, conv["messages"])
    return conversation_id


def latest_question(conv: dict, max_words: int = 80) -> str:
    """What to search the KB for: the latest customer turn with the one before it (follow-ups such as
    "so when does the money come back?" lean on what was said earlier), newest words kept."""
    customer = [m["text"] for m in conv["messages"] if m["role"] == "customer"]
    if not customer:
        return conv.get("subject") or ""
    words = " ".join(customer[-2:]).split()
    if len(words) < 6 and conv.get("subject"):
        words = conv["subject"].split() + words
    return " ".join(words[-max_words:])
