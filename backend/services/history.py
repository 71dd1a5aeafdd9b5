"""Importing past conversations (`tandem conversations import`): JSONL Conversations, CSV rows, Zendesk
ticket exports. Each file commits on its own; customer messages are embedded once, when stored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
import numpy as np

from backend import tuning
from backend.models import ROLES, Conversation, Customer, Message, Thread
from backend.services import customers
from backend.services.conversations import (
    FIELD_CHARS,
    MAX_MESSAGE_CHARS,
    MAX_MESSAGES,
    MAX_TOTAL_CHARS,
    prepare_for,
    stored_customer,
)
from backend.services.readers import Failure, FileFormatError, csv_rows, json_document, json_lines, read_text
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store import faq as faq_store

if TYPE_CHECKING:
    from backend.services.learning import ArticleLinker

EMBED_GROUP = 1024
MAX_HISTORY_BYTES = 1024 * 1024 * 1024  # a file is parsed in memory; split bigger exports
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


class HistoryReport(msgspec.Struct, kw_only=True):
    """What an import did."""

    files: int = 0
    conversations: int = 0
    new_messages: int = 0
    embedded: int = 0
    learned: int = 0  # questions agents answered with an article (or declined), learned from these files
    analyzed: int = 0  # conversations given report signals and a topic at import (the rest: the "history" job)
    failed: list[Failure] = msgspec.field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"{self.conversations} conversations, {self.new_messages} new messages, "
                f"{self.embedded} embedded, {self.learned} questions learned, {len(self.failed)} files failed")


def normalize_role(value: object) -> str:
    """A role from whatever a helpdesk export calls it."""
    text = str(value or "").strip().lower()
    return text if text in ROLES else _ROLE_ALIASES.get(text, "unknown")


def to_conversation(obj: object, where: str | None = None, *, line: int | None = None) -> Conversation:
    """A Conversation from one decoded JSON object; errors name its line (or `where`) and the field."""
    prefix = f"{where}: " if where else ""
    if not isinstance(obj, dict) or not isinstance(obj.get("messages"), list):
        raise FileFormatError(f"{prefix}expected a Conversation object with a 'messages' list", line=line)
    messages = []
    for i, m in enumerate(obj["messages"]):
        if not isinstance(m, dict) or not isinstance(m.get("text"), str):
            raise FileFormatError(f"{prefix}message {i} needs a 'text' string", line=line)
        messages.append({**m, "role": normalize_role(m.get("role"))})
    try:
        return msgspec.convert({**obj, "messages": messages}, Conversation, str_keys=True)
    except msgspec.ValidationError as exc:
        raise FileFormatError(f"{prefix}{exc}", line=line) from None


def parse_jsonl(text: str) -> list[Conversation]:
    """One Conversation object per line."""
    return [to_conversation(obj, line=number) for number, obj in json_lines(text)]


def parse_zendesk(data: dict) -> list[Conversation]:
    """Zendesk tickets export with comments: {"tickets": [{id, subject, requester_id, comments: [...]}]}."""
    out = []
    for i, ticket in enumerate(data.get("tickets") or []):
        if not isinstance(ticket, dict) or "id" not in ticket:
            raise FileFormatError(f"ticket {i}: needs an 'id'")
        requester = ticket.get("requester_id")
        messages: list[Message] = []
        comments = ticket.get("comments") or []
        if not comments and ticket.get("description"):
            comments = [{"id": f"{ticket['id']}-d", "author_id": requester, "plain_body": ticket["description"]}]
        for comment in comments:
            text = comment.get("plain_body") or comment.get("body") or ""
            if not isinstance(text, str) or not text.strip():
                continue
            if comment.get("public") is False:
                role = "note"
            elif requester is not None and comment.get("author_id") == requester:
                role = "customer"
            else:
                role = "agent" if requester is not None else "unknown"
            messages.append(Message(id=str(comment.get("id") or len(messages) + 1), role=role,  # type: ignore[arg-type]
                                    text=text, at=comment.get("created_at")))
        out.append(Conversation(helpdesk="zendesk", ticket_id=str(ticket["id"]), subject=ticket.get("subject"),
                                url=ticket.get("url"), messages=messages))
    return out


def parse_csv(text: str) -> list[Conversation]:
    """Rows of ticket / role / text (and optionally message_id, at, subject, helpdesk), grouped by ticket."""
    fieldnames, rows = csv_rows(text)
    header = [h.strip().lower() for h in fieldnames]
    column = {key: next((h for h in names if h in header), None) for key, names in _CSV_COLUMNS.items()}
    missing = [k for k in ("ticket", "text") if column[k] is None]
    if missing:
        raise FileFormatError(f"CSV needs columns for {', '.join(missing)} (found: {', '.join(header) or 'none'})",
                              line=1)
    tickets: dict[str, dict] = {}
    for number, raw in rows:
        row = {(k or "").strip().lower(): v for k, v in raw.items()}
        ticket = (row.get(column["ticket"] or "") or "").strip()
        body = row.get(column["text"] or "") or ""
        if not ticket:
            raise FileFormatError("empty ticket", line=number)
        conv = tickets.setdefault(ticket, {
            "ticket_id": ticket, "messages": [], "line": number,
            "helpdesk": (row.get(column["helpdesk"]) or "csv") if column["helpdesk"] else "csv",
            "subject": row.get(column["subject"]) if column["subject"] else None})
        if body.strip():
            message: dict[str, str] = {
                "role": normalize_role(row.get(column["role"])) if column["role"] else "unknown", "text": body}
            if column["id"] and row.get(column["id"]):
                message["id"] = row[column["id"]]
            if column["at"] and row.get(column["at"]):
                message["at"] = row[column["at"]]
            conv["messages"].append(message)
    return [to_conversation({k: v for k, v in c.items() if k != "line"}, f"ticket {c['ticket_id']}", line=c["line"])
            for c in tickets.values()]


def read_history(path: Path) -> list[Conversation]:
    """Conversations in a file, by extension and content; FileFormatError names the file and the line."""
    try:
        return _read_history(path)
    except FileFormatError as exc:
        raise exc.in_file(path) from None


def _read_history(path: Path) -> list[Conversation]:
    text = read_text(path, max_bytes=MAX_HISTORY_BYTES)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return parse_csv(text)
    if suffix == ".jsonl" or (suffix != ".json" and text.lstrip().startswith("{") and "\n{" in text.strip()):
        return parse_jsonl(text)
    data = json_document(text)
    if isinstance(data, dict) and "tickets" in data:
        return parse_zendesk(data)
    if isinstance(data, dict):
        return [to_conversation(data, "document")]
    if isinstance(data, list):
        return [to_conversation(obj, f"item {i}") for i, obj in enumerate(data)]
    raise FileFormatError("expected Conversation objects, a list of them, or a Zendesk tickets export")


def fit(conv: Conversation) -> Conversation:
    """History can be longer than a live request: keep the opening turns, clip very long messages and fields."""
    kept: list[Message] = []
    total = 0
    for m in conv.messages[:MAX_MESSAGES]:
        text = m.text[:MAX_MESSAGE_CHARS]
        total += len(text)
        if total > MAX_TOTAL_CHARS:
            break
        at = m.at if m.at is None or len(m.at) <= FIELD_CHARS["message at"] else None  # clipped, no longer a time
        kept.append(msgspec.structs.replace(m, text=text, id=_clip(m.id, "message id"), at=at))
    customer = conv.customer
    if customer is not None:
        customer = Customer(id=_clip(customer.id, "customer.id"), name=_clip(customer.name, "customer.name"),
                            email=_clip(customer.email, "customer.email"), tier=_clip(customer.tier, "customer.tier"))
    return msgspec.structs.replace(conv, messages=kept, customer=customer, helpdesk=_clip(conv.helpdesk, "helpdesk"),
                                   ticket_id=_clip(conv.ticket_id, "ticket_id"), url=_clip(conv.url, "url"),
                                   subject=_clip(conv.subject, "subject"))


def _clip(value: str | None, field: str) -> str | None:
    return value[:FIELD_CHARS[field]] if value is not None else None


def history_files(paths: list[Path], report: HistoryReport) -> list[Path]:
    """The conversation files named or inside the named folders (missing paths reported)."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            report.failed.append(Failure(str(path), "no such file or folder"))
        elif path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in (".jsonl", ".json", ".csv")
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files.append(path)
    report.files = len(files)
    return files


def import_history(rt: Runtime, paths: list[Path]) -> HistoryReport:
    """Import conversation files; each file commits on its own, bad files are reported and skipped."""
    report = HistoryReport()
    for path in history_files(paths, report):
        try:
            threads = [customers.identify(rt, c, prepare_for(rt, fit(c)))
                       for c in read_history(path)]
        except FileFormatError as exc:
            report.failed.append(Failure(str(path), exc.located()))
            continue
        except OSError as exc:
            report.failed.append(Failure(str(path), f"cannot read: {exc.strerror or exc}"))
            continue
        with rt.db.transaction():
            for thread in threads:
                if not thread.messages:
                    continue
                conversation_id = conv_store.upsert_conversation(rt.db, stored_customer(thread))
                report.new_messages += conv_store.add_messages(rt.db, conversation_id, thread.messages)
                customers.remember(rt, conversation_id, thread)
                report.conversations += 1
        report.embedded += embed_customer_messages(rt)
    if report.conversations:
        from backend.services.learning import learn

        learned = learn(rt)
        report.learned = learned.learned + learned.declined
        # The report's topics for what was just imported (bounded; the server's "history" job does the rest).
        report.analyzed = analyze(rt, limit=tuning.HISTORY_ANALYZE_ON_IMPORT).analyzed
    return report


class AnalyzeReport(msgspec.Struct):
    """What one pass over imported history did for the reports."""

    analyzed: int  # conversations whose signals and topic are now current
    more: bool  # conversations were left for the next run

    def summary(self) -> str:
        return f"{self.analyzed} conversations analyzed for reports" + (" (more left)" if self.more else "")


def analyze(rt: Runtime, *, limit: int = tuning.HISTORY_ANALYZE_BATCH) -> AnalyzeReport:
    """Give imported history (conversations never assisted live) what the reports read: its own signals and
    summary (computed offline, as context does) and its topic (the article an agent linked, else the grounded
    top hit for the customer's first question). At most `limit` a run, committed one by one: a run cut short
    loses nothing and the next goes on (the periodic job "history" and every import call it)."""
    from backend.services.learning import ArticleLinker
    from backend.store import customers as customer_store
    from backend.store import kb as kb_store

    todo = customer_store.history_to_analyze(rt.db, limit + 1)
    more = len(todo) > limit
    linker: ArticleLinker | None = None
    done = 0
    for candidate in todo[:limit]:
        thread = conv_store.load_thread(rt.db, candidate.conversation_id)
        if thread is None:
            continue
        if candidate.needs_signals:
            customers.summarize_stored(rt, candidate.conversation_id)
        if candidate.needs_topic:
            if linker is None:
                linker = ArticleLinker(kb_store.list_articles(rt.db))
            article_id, title = _topic(rt, thread, linker)
            with rt.db.transaction():
                as_of = conv_store.last_activity(rt.db, candidate.conversation_id)
                if as_of is not None:
                    customer_store.save_topic(rt.db, candidate.conversation_id, article_id, title, as_of)
        done += 1
    return AnalyzeReport(analyzed=done, more=more)


def _topic(rt: Runtime, thread: Thread, linker: ArticleLinker) -> tuple[str | None, str | None]:
    """The article a conversation is about: one an agent linked or named, else the grounded top hit for the
    customer's first message; (None, None) when the KB has no answer (then it has no topic)."""
    for message in thread.messages:
        if message.role == "agent":
            link = linker.link(message.text)
            if link is not None:
                return link.article.article_id, link.article.title
    first = next((m.text for m in thread.messages if m.role == "customer" and m.text.strip()), "")
    if not first:
        return None, None
    hits = rt.retriever.search(first[:tuning.LEARN_MAX_QUESTION_CHARS], k=1, exclude_ticket=thread.ticket_id)
    if hits and hits[0].grounded:
        return hits[0].article_id, hits[0].title
    return None, None


def embed_customer_messages(rt: Runtime) -> int:
    """Embed customer messages that have no vector yet (mining reads them; they are computed once)."""
    embedder = rt.retriever.embedder
    rows = faq_store.unembedded_customer_messages(rt.db, embedder.name)
    done = 0
    for start in range(0, len(rows), EMBED_GROUP):
        batch = rows[start:start + EMBED_GROUP]
        vectors = np.asarray(embedder.embed([text for _, text in batch]), dtype=np.float32)
        with rt.db.transaction():
            faq_store.save_vectors(rt.db, [row_id for row_id, _ in batch], vectors, embedder.name)
        done += len(batch)
    return done
