"""Every closed vocabulary of the contracts, once: the `Literal` types the msgspec Structs use (so the API
rejects a value outside them) and the tuples code iterates. docs/architecture.md and docs/api.md list the
same values; tests/unit/test_vocabulary.py keeps them in step.

Imports nothing from the backend: every layer builds on it.
"""

from __future__ import annotations

from typing import Literal, get_args

# Who wrote a message.
Role = Literal["customer", "agent", "bot", "note", "unknown"]
ROLES: tuple[str, ...] = get_args(Role)

# What a suggestion is, and how a clarify or escalate ranks (a rank, not a probability).
Kind = Literal["answer", "clarify", "escalate"]
KINDS: tuple[str, ...] = get_args(Kind)
Priority = Literal["high", "normal", "low"]
PRIORITIES: tuple[str, ...] = get_args(Priority)

# The customer's state.
Risk = Literal["low", "medium", "high"]
RISKS: tuple[str, ...] = get_args(Risk)
Urgency = Literal["low", "medium", "high"]
URGENCIES: tuple[str, ...] = get_args(Urgency)
Sentiment = Literal["negative", "neutral", "positive", "unknown"]  # "unknown": not English (VADER's lexicon is)
SENTIMENTS: tuple[str, ...] = get_args(Sentiment)

# Commitments in a generated answer that its evidence must support: values, then promises.
ValueKind = Literal["url", "email", "phone", "amount", "percent", "time_frame", "date", "time", "number"]
VALUE_KINDS: tuple[str, ...] = get_args(ValueKind)
PromiseKind = Literal["refund", "credit", "discount", "compensation"]
PROMISE_KINDS: tuple[str, ...] = get_args(PromiseKind)
UnsupportedKind = Literal["url", "email", "phone", "amount", "percent", "time_frame", "date", "time", "number",
                          "refund", "credit", "discount", "compensation"]
UNSUPPORTED_KINDS: tuple[str, ...] = get_args(UnsupportedKind)

# FAQ drafts, users, import and export formats.
DraftStatus = Literal["pending", "approved", "rejected", "merged"]
DRAFT_STATUSES: tuple[str, ...] = get_args(DraftStatus)
UserRole = Literal["agent", "knowledge_manager", "lead", "admin"]
USER_ROLES: tuple[str, ...] = get_args(UserRole)
ImportFormat = Literal["auto", "md", "html", "txt", "csv", "jsonl", "zendesk"]
IMPORT_FORMATS: tuple[str, ...] = get_args(ImportFormat)
ExportFormat = Literal["csv", "jsonl", "md", "html"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
