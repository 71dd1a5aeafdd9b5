"""Summary exports for team leads: CSV, JSONL, Markdown or HTML, streamed row by row (flat memory)."""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterator

from backend.services import summaries as summary_service
from backend.services.runtime import Runtime
from backend.store import reports as report_store

FORMATS = ("csv", "jsonl", "md", "html")
CSV_COLUMNS = ("conversation_id", "helpdesk", "ticket_id", "updated_at", "summarized_at", "agent", "sentiment",
               "issue", "customer_goal", "handoff_reason", "promises", "open_questions", "next_steps", "text")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "md": "text/markdown; charset=utf-8",
               "html": "text/html; charset=utf-8"}


def generate_missing(rt: Runtime, *, since: str | None = None, until: str | None = None,
                     helpdesk: str | None = None) -> int:
    """Summarize stored conversations in the period that have no summary yet; returns how many."""
    ids = report_store.conversations_without_summary(rt.db, since=since, until=until, helpdesk=helpdesk)
    for conversation_id in ids:
        conversation = report_store.conversation(rt.db, conversation_id)
        if conversation["messages"]:
            summary_service.summarize(rt, conversation)
    return len(ids)


def _items(items: list[dict]) -> str:
    return " | ".join(i["text"] for i in items or [])


def _csv_line(values: list) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def export_lines(rt: Runtime, fmt: str, *, since: str | None = None, until: str | None = None,
                 agent: str | None = None, helpdesk: str | None = None) -> Iterator[str]:
    """The export as a stream of text pieces (a header, one piece per conversation, a footer)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    rows = report_store.iter_latest_summaries(rt.db, since=since, until=until, agent=agent, helpdesk=helpdesk)
    if fmt == "csv":
        yield _csv_line(list(CSV_COLUMNS))
        for row in rows:
            s = row["summary"]
            yield _csv_line([row["conversation_id"], row["helpdesk"], row["ticket_id"], row["updated_at"],
                             row["summarized_at"], row["agent"] or "", s.get("sentiment", ""), s.get("issue", ""),
                             s.get("customer_goal", ""), s.get("handoff_reason", ""), _items(s.get("promises")),
                             _items(s.get("open_questions")), _items(s.get("next_steps")), s.get("text", "")])
    elif fmt == "jsonl":
        for row in rows:
            record = {**row["summary"], "conversation_id": row["conversation_id"], "helpdesk": row["helpdesk"],
                      "ticket_id": row["ticket_id"], "updated_at": row["updated_at"],
                      "summarized_at": row["summarized_at"], "agent": row["agent"]}
            yield json.dumps(record, ensure_ascii=False) + "\n"
    elif fmt == "md":
        yield "# Conversation summaries\n\n"
        for row in rows:
            s = row["summary"]
            yield (f"## {row['helpdesk']} #{row['ticket_id']}\n\n"
                   f"- conversation: {row['conversation_id']} · updated {row['updated_at']} · sentiment "
                   f"{s.get('sentiment', '')}{' · agent ' + row['agent'] if row['agent'] else ''}\n"
                   f"- issue: {s.get('issue', '')}\n\n{s.get('text', '')}\n\n")
            for title, key in (("Promises", "promises"), ("Open questions", "open_questions"),
                               ("Next steps", "next_steps")):
                if s.get(key):
                    yield f"**{title}**\n\n" + "".join(f"- {i['text']}\n" for i in s[key]) + "\n"
    else:
        esc = html.escape
        yield ("<!doctype html><html lang=en><head><meta charset=utf-8><title>Conversation summaries</title>"
               "<style>body{font:14px system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}"
               "td,th{border:1px solid #d0d7de;padding:6px;vertical-align:top;text-align:left}"
               "th{background:#f6f8fa}</style></head><body><h1>Conversation summaries</h1><table><thead><tr>"
               + "".join(f"<th>{c}</th>" for c in ("conversation", "helpdesk", "ticket", "updated", "sentiment",
                                                    "issue", "summary")) + "</tr></thead><tbody>\n")
        for row in rows:
            s = row["summary"]
            yield ("<tr>" + "".join(f"<td>{esc(str(v))}</td>" for v in (
                row["conversation_id"], row["helpdesk"], row["ticket_id"], row["updated_at"], s.get("sentiment", ""),
                s.get("issue", ""), s.get("text", ""))) + "</tr>\n")
        yield "</tbody></table></body></html>\n"
