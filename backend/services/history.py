"""Importing past conversations (`tandem conversations import`): JSONL Conversations, CSV rows, Zendesk
ticket exports. Each file commits on its own; customer messages are embedded once, when stored."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from backend.services.conversations import MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_TOTAL_CHARS, prepare
from backend.services.kb_formats import FormatError, read_text
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store import faq as faq_store
from backend.store.db import transaction

EMBED_GROUP = 1024
MAX_HISTORY_BYTES = 1024 * 1024 * 1024  # a file is parsed in memory; split bigger exports
ROLES = {"customer", "agent", "bot", "note", "unknown"}
_ROLE_ALIASES = {"end-user": "customer", "end_user": "customer", "enduser": "customer", "user": "customer",
                 "requester": "customer", "contact": "customer", "client": "customer", "staff": "agent",
                 "admin": "agent", "operator": "agent", "internal": "note", "private": "note", "system": "bot"}
_CSV_COLUMNS = {
    "ticket": ("ticket", "ticket_id", "conversation", "conversation_id", "thread", "case"),
    "role": ("role", "author_type", "sender", "sender_type", "from"),
    "text": ("text", "body", "message", "content", "comment"),
    "id": ("message_id", "id", "comment_id"),
    "at": ("at", "created_at", "timestamp", "date", "time"),
    "subject": ("subject", "title"),
    "helpdesk": ("helpdesk", "source"),
}


class HistoryFormatError(ValueError):
    """A file could not be read as conversations; the message says where and why."""


@dataclass
class HistoryReport:
    """What an import did."""

    files: int = 0
    conversations: int = 0
    new_messages: int = 0
    embedded: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"{self.conversations} conversations, {self.new_messages} new messages, "
                f"{self.embedded} embedded, {len(self.failed)} files failed")

    def as_dict(self) -> dict:
        """JSON-friendly form."""
        return {"files": self.files, "conversations": self.conversations, "new_messages": self.new_messages,
                "embedded": self.embedded, "failed": [{"path": p, "error": e} for p, e in self.failed]}


def normalize_role(value: object) -> str:
    """A role from whatever a helpdesk export calls it."""
    text = str(value or "").strip().lower()
    return text if text in ROLES else _ROLE_ALIASES.get(text, "unknown")


def _conversation(obj: object, where: str) -> dict:
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        raise HistoryFormatError(f"{where}: expected a Conversation object with a 'messages' list")
    messages = []
    for i, m in enumerate(obj["messages"]):
        if not isinstance(m, dict) or not isinstance(m.get("text"), str):
            raise HistoryFormatError(f"{where}: message {i} needs a 'text' string")
        messages.append({**m, "role": normalize_role(m.get("role"))})
    return {**obj, "messages": messages}


def parse_jsonl(text: str) -> list[dict]:
    """One Conversation object per line."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HistoryFormatError(f"line {number}: invalid JSON ({exc.msg})") from None
        out.append(_conversation(obj, f"line {number}"))
    return out


def parse_zendesk(data: dict) -> list[dict]:
    """Zendesk tickets export with comments: {"tickets": [{id, subject, requester_id, comments: [...]}]}."""
    out = []
    for i, ticket in enumerate(data.get("tickets") or []):
        if not isinstance(ticket, dict) or "id" not in ticket:
            raise HistoryFormatError(f"ticket {i}: needs an 'id'")
        requester = ticket.get("requester_id")
        messages = []
        comments = ticket.get("comments") or []
        if not comments and ticket.get("description"):
            comments = [{"id": f"{ticket['id']}-d", "author_id": requester, "plain_body": ticket["description"]}]
        for comment in comments:
            text = comment.get("plain_body") or comment.get("body") or ""
            if not text.strip():
                continue
            if comment.get("public") is False:
                role = "note"
            elif requester is not None and comment.get("author_id") == requester:
                role = "customer"
            else:
                role = "agent" if requester is not None else "unknown"
            messages.append({"id": str(comment.get("id") or len(messages) + 1), "role": role, "text": text,
                             "at": comment.get("created_at")})
        out.append({"helpdesk": "zendesk", "ticket_id": str(ticket["id"]), "subject": ticket.get("subject"),
                    "url": ticket.get("url"), "messages": messages})
    return out


def parse_csv(text: str) -> list[dict]:
    """Rows of ticket / role / text (and optionally message_id, at, subject, helpdesk), grouped by ticket."""
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise HistoryFormatError(f"malformed CSV ({exc})") from None
    column = {key: next((h for h in names if h in header), None) for key, names in _CSV_COLUMNS.items()}
    missing = [k for k in ("ticket", "text") if column[k] is None]
    if missing:
        raise HistoryFormatError(f"CSV needs columns for {', '.join(missing)} (found: {', '.join(header) or 'none'})")
    conversations: dict[str, dict] = {}
    try:
        for number, row in enumerate(reader, 2):
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            ticket = (row.get(column["ticket"]) or "").strip()
            body = row.get(column["text"]) or ""
            if not ticket:
                raise HistoryFormatError(f"row {number}: empty ticket")
            conv = conversations.setdefault(ticket, {
                "ticket_id": ticket, "messages": [],
                "helpdesk": (row.get(column["helpdesk"]) or "csv") if column["helpdesk"] else "csv",
                "subject": row.get(column["subject"]) if column["subject"] else None})
            if body.strip():
                message = {"role": normalize_role(row.get(column["role"])) if column["role"] else "unknown",
                           "text": body}
                if column["id"] and row.get(column["id"]):
                    message["id"] = row[column["id"]]
                if column["at"] and row.get(column["at"]):
                    message["at"] = row[column["at"]]
                conv["messages"].append(message)
    except csv.Error as exc:
        raise HistoryFormatError(f"malformed CSV ({exc})") from None
    return list(conversations.values())


def read_history(path: Path) -> list[dict]:
    """Conversations in a file, by extension and content."""
    try:
        text = read_text(path, max_bytes=MAX_HISTORY_BYTES)
    except FormatError as exc:
        raise HistoryFormatError(str(exc)) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return parse_csv(text)
    if suffix == ".jsonl" or (suffix != ".json" and text.lstrip().startswith("{") and "\n{" in text.strip()):
        return parse_jsonl(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HistoryFormatError(f"invalid JSON at line {exc.lineno} ({exc.msg})") from None
    if isinstance(data, dict) and "tickets" in data:
        return parse_zendesk(data)
    if isinstance(data, dict):
        return [_conversation(data, "document")]
    if isinstance(data, list):
        return [_conversation(obj, f"item {i}") for i, obj in enumerate(data)]
    raise HistoryFormatError("expected Conversation objects, a list of them, or a Zendesk tickets export")


def _fit(conv: dict) -> dict:
    """History can be longer than a live request: keep the opening turns, clip very long messages."""
    messages = [{**m, "text": m["text"][:MAX_MESSAGE_CHARS]} for m in conv["messages"]][:MAX_MESSAGES]
    total, kept = 0, []
    for m in messages:
        total += len(m["text"])
        if total > MAX_TOTAL_CHARS:
            break
        kept.append(m)
    return {**conv, "messages": kept}


def import_history(rt: Runtime, paths: list[Path]) -> HistoryReport:
    """Import conversation files; each file commits on its own, bad files are reported and skipped."""
    report = HistoryReport()
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            report.failed.append((str(path), "no such file or folder"))
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".jsonl", ".json", ".csv"))
        else:
            files.append(path)
    report.files = len(files)
    for path in files:
        try:
            conversations = [prepare(_fit(c), redact_pii=rt.settings.redact_pii) for c in read_history(path)]
        except HistoryFormatError as exc:
            report.failed.append((str(path), str(exc)))
            continue
        except OSError as exc:
            report.failed.append((str(path), f"cannot read: {exc.strerror or exc}"))
            continue
        with transaction(rt.db):
            for conv in conversations:
                if not conv["messages"]:
                    continue
                conversation_id = conv_store.upsert_conversation(rt.db, conv)
                report.new_messages += conv_store.add_messages(rt.db, conversation_id, conv["messages"])
                report.conversations += 1
        report.embedded += embed_customer_messages(rt)
    return report


def embed_customer_messages(rt: Runtime) -> int:
    """Embed customer messages that have no vector yet (mining reads them; they are computed once)."""
    embedder = rt.retriever.embedder
    rows = faq_store.unembedded_customer_messages(rt.db, embedder.name)
    done = 0
    for start in range(0, len(rows), EMBED_GROUP):
        batch = rows[start:start + EMBED_GROUP]
        vectors = np.asarray(embedder.embed([text for _, text in batch]), dtype=np.float32)
        with transaction(rt.db):
            faq_store.save_vectors(rt.db, [row_id for row_id, _ in batch], vectors, embedder.name)
        done += len(batch)
    return done
