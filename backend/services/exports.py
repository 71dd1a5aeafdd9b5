"""Summary exports for team leads: CSV, JSONL, Markdown or HTML, streamed row by row (flat memory).

Exports hold customers' words, so every format is safe to open: CSV cells that a spreadsheet would run
as a formula (starting with = + - @, a tab or a carriage return) are neutralised with a leading
apostrophe, Markdown is escaped so a message cannot inject links, images or HTML, and HTML is escaped.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator

import msgspec

from backend.errors import InvalidInput
from backend.models import EXPORT_FORMATS, Item
from backend.services import summaries as summary_service
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store import reports as report_store

FORMATS = EXPORT_FORMATS
CSV_COLUMNS = ("conversation_id", "helpdesk", "ticket_id", "updated_at", "summarized_at", "agent", "sentiment",
               "issue", "customer_goal", "handoff_reason", "promises", "open_questions", "next_steps", "text")
# Bare types: the HTTP layer adds "; charset=utf-8" to text types itself (with it here the CSV's header said it twice).
MEDIA_TYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson", "md": "text/markdown", "html": "text/html"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formula-like values get a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def markdown_text(value: object) -> str:
    """Text that Markdown renders literally: no links, images, emphasis, headings or raw HTML."""
    text = re.sub(r"\s*\n\s*", " ", "" if value is None else str(value))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def csv_line(values: list[object]) -> str:
    """One CSV line with every cell made safe."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([safe_cell(v) for v in values])
    return buffer.getvalue()


def generate_missing(rt: Runtime, *, since: str | None = None, until: str | None = None,
                     helpdesk: str | None = None) -> int:
    """Summarize stored conversations in the period that have no summary yet; returns how many."""
    ids = report_store.conversations_without_summary(rt.db, since=since, until=until, helpdesk=helpdesk)
    for conversation_id in ids:
        thread = conv_store.load_thread(rt.db, conversation_id)
        if thread is None or not thread.messages:
            continue
        summary = summary_service.summarize_thread(rt, thread)
        with rt.db.transaction():
            conv_store.add_summary(rt.db, conversation_id, summary)
    return len(ids)


def _items(items: list[Item]) -> str:
    return " | ".join(i.text for i in items)


def export_lines(rt: Runtime, fmt: str, *, since: str | None = None, until: str | None = None,
                 agent: str | None = None, helpdesk: str | None = None) -> Iterator[str]:
    """The export as a stream of text pieces (a header, one piece per conversation, a footer)."""
    if fmt not in FORMATS:
        raise InvalidInput(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    rows = report_store.iter_latest_summaries(rt.db, since=since, until=until, agent=agent, helpdesk=helpdesk)
    if fmt == "csv":
        yield csv_line(list(CSV_COLUMNS))
        for row in rows:
            s = row.summary
            yield csv_line([row.conversation_id, row.helpdesk, row.ticket_id, row.updated_at, row.summarized_at,
                            row.agent or "", s.sentiment, s.issue, s.customer_goal, s.handoff_reason,
                            _items(s.promises), _items(s.open_questions), _items(s.next_steps), s.text])
    elif fmt == "jsonl":
        encode = msgspec.json.Encoder().encode
        for row in rows:
            record = {**msgspec.to_builtins(row.summary), "conversation_id": row.conversation_id,
                      "helpdesk": row.helpdesk, "ticket_id": row.ticket_id, "updated_at": row.updated_at,
                      "summarized_at": row.summarized_at, "agent": row.agent}
            yield encode(record).decode() + "\n"
    elif fmt == "md":
        yield "# Conversation summaries\n\n"
        md = markdown_text
        for row in rows:
            s = row.summary
            yield (f"## {md(row.helpdesk)} \\#{md(row.ticket_id)}\n\n"
                   f"- conversation: {row.conversation_id} · updated {md(row.updated_at)} · sentiment "
                   f"{md(s.sentiment)}{' · agent ' + md(row.agent) if row.agent else ''}\n"
                   f"- issue: {md(s.issue)}\n\n{md(s.text)}\n\n")
            for title, items in (("Promises", s.promises), ("Open questions", s.open_questions),
                                 ("Next steps", s.next_steps)):
                if items:
                    yield f"**{title}**\n\n" + "".join(f"- {md(i.text)}\n" for i in items) + "\n"
    else:
        esc = html.escape
        yield ("<!doctype html><html lang=en><head><meta charset=utf-8><title>Conversation summaries</title>"
               "<meta http-equiv=Content-Security-Policy content=\"default-src 'none'; style-src 'unsafe-inline'\">"
               "<style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}"
               "td,th{border:1px solid #d0d7de;padding:6px;vertical-align:top;text-align:left}"
               "th{background:#f6f8fa}</style></head><body><h1>Conversation summaries</h1><table><thead><tr>"
               + "".join(f"<th>{c}</th>" for c in ("conversation", "helpdesk", "ticket", "updated", "sentiment",
                                                    "issue", "summary")) + "</tr></thead><tbody>\n")
        for row in rows:
            s = row.summary
            yield ("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in (
                row.conversation_id, row.helpdesk, row.ticket_id, row.updated_at, s.sentiment, s.issue, s.text))
                + "</tr>\n")
        yield "</tbody></table></body></html>\n"
