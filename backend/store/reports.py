"""Read-side SQL for exports, analytics and retention."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlite_utils import Database

EXPORT_BATCH = 2000  # rows fetched at a time: memory stays flat whatever the export size


def _range(column: str, since: str | None, until: str | None, params: list) -> str:
    sql = ""
    if since:
        sql += f" AND {column} >= ?"
        params.append(since)
    if until:
        sql += f" AND {column} < ?"
        params.append(until)
    return sql


def iter_latest_summaries(db: Database, *, since: str | None = None, until: str | None = None,
                          agent: str | None = None, helpdesk: str | None = None) -> Iterator[dict]:
    """Each conversation's latest summary created in [since, until), oldest first, streamed."""
    params: list = []
    sql = (
        "SELECT c.id, c.helpdesk, c.ticket_id, c.updated_at, s.created_at, s.body, u.name "
        "FROM (SELECT conversation_id, max(id) AS id FROM summaries GROUP BY conversation_id) latest "
        "JOIN summaries s ON s.id = latest.id JOIN conversations c ON c.id = s.conversation_id "
        "LEFT JOIN users u ON u.id = s.user_id WHERE 1 = 1"
    )
    sql += _range("s.created_at", since, until, params)
    if agent:
        sql += " AND u.name = ?"
        params.append(agent)
    if helpdesk:
        sql += " AND c.helpdesk = ?"
        params.append(helpdesk)
    cursor = db.conn.execute(sql + " ORDER BY s.id", params)
    while rows := cursor.fetchmany(EXPORT_BATCH):
        for cid, desk, ticket, updated, created, body, name in rows:
            yield {"conversation_id": cid, "helpdesk": desk, "ticket_id": ticket, "updated_at": updated,
                   "summarized_at": created, "agent": name, "summary": json.loads(body)}


def conversations_without_summary(db: Database, *, since: str | None = None, until: str | None = None,
                                  helpdesk: str | None = None) -> list[int]:
    """Conversations updated in [since, until) that have no summary yet."""
    params: list = []
    sql = ("SELECT c.id FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM summaries s WHERE s.conversation_id = c.id)"
           + _range("c.updated_at", since, until, params))
    if helpdesk:
        sql += " AND c.helpdesk = ?"
        params.append(helpdesk)
    return [r[0] for r in db.execute(sql, params).fetchall()]


def conversation(db: Database, conversation_id: int) -> dict:
    """A stored conversation as a Conversation object (for summarizing it again)."""
    desk, ticket, url, subject, customer = db.execute(
        "SELECT helpdesk, ticket_id, url, subject, customer FROM conversations WHERE id = ?", [conversation_id]).fetchone()
    messages = [{"id": key, "role": role, "text": text, **({"at": at} if at else {})}
                for key, role, text, at in db.execute(
                    "SELECT message_key, role, text, at FROM messages WHERE conversation_id = ? ORDER BY ordinal, id",
                    [conversation_id]).fetchall()]
    out = {"helpdesk": desk, "ticket_id": ticket, "messages": messages, "customer": json.loads(customer or "{}")}
    if url:
        out["url"] = url
    if subject:
        out["subject"] = subject
    return out


# ---- analytics --------------------------------------------------------------------------------------

def totals(db: Database, since: str | None, until: str | None) -> dict:
    """Headline counts for the period."""
    def count(table: str, column: str = "created_at") -> int:
        params: list = []
        return db.execute(f"SELECT count(*) FROM {table} WHERE 1 = 1" + _range(column, since, until, params),
                          params).fetchone()[0]

    return {"conversations": count("conversations", "updated_at"), "assist_requests": count("signal_events"),
            "suggestions": count("suggestions"), "feedback": count("feedback"), "summaries": count("summaries"),
            "knowledge_gaps": count("knowledge_gaps")}


def acceptance_by_agent(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Per agent: inserted / edited / dismissed / rated counts and the mean edit distance of edits."""
    params: list = []
    rows = db.execute(
        "SELECT coalesce(u.name, '(unknown)'), f.action, count(*), avg(f.edit_distance) FROM feedback f "
        "LEFT JOIN users u ON u.id = f.user_id WHERE 1 = 1" + _range("f.created_at", since, until, params)
        + " GROUP BY 1, 2 ORDER BY 1", params).fetchall()
    return _pivot(rows)


def acceptance_by_article(db: Database, since: str | None, until: str | None, limit: int = 20) -> list[dict]:
    """Per cited article: how agents treated the suggestions that cited it."""
    params: list = []
    rows = db.execute(
        "SELECT json_extract(j.value, '$.article_id'), f.action, count(*), avg(f.edit_distance) "
        "FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id, json_each(s.citations) j WHERE 1 = 1"
        + _range("f.created_at", since, until, params) + " GROUP BY 1, 2", params).fetchall()
    pivot = _pivot(rows)
    pivot.sort(key=lambda r: -r["total"])
    return pivot[:limit]


def _pivot(rows: list) -> list[dict]:
    out: dict[str, dict] = {}
    for key, action, n, distance in rows:
        entry = out.setdefault(key, {"key": key, "inserted": 0, "edited": 0, "dismissed": 0, "rated": 0,
                                     "total": 0, "mean_edit_distance": None})
        entry[action] = entry.get(action, 0) + n
        entry["total"] += n
        if action == "edited" and distance is not None:
            entry["mean_edit_distance"] = round(distance, 1)
    return list(out.values())


def grounded_counts(db: Database, since: str | None, until: str | None) -> dict:
    """Assist requests answered from the KB versus not."""
    params: list = []
    rows = dict(db.execute("SELECT grounded, count(*) FROM signal_events WHERE 1 = 1"
                           + _range("created_at", since, until, params) + " GROUP BY grounded", params).fetchall())
    return {"grounded": rows.get(1, 0), "not_grounded": rows.get(0, 0)}


def signals_by_day(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Per day: assist requests, mean sentiment score, negative share, escalation risk counts."""
    params: list = []
    rows = db.execute(
        "SELECT substr(created_at, 1, 10) AS day, count(*), avg(sentiment_score), "
        "sum(sentiment = 'negative'), sum(escalation = 'high'), sum(escalation = 'medium') "
        "FROM signal_events WHERE 1 = 1" + _range("created_at", since, until, params)
        + " GROUP BY day ORDER BY day", params).fetchall()
    return [{"day": d, "requests": n, "mean_sentiment": round(s or 0.0, 3), "negative": neg, "escalation_high": hi,
             "escalation_medium": med} for d, n, s, neg, hi, med in rows]


def escalation_reasons(db: Database, since: str | None, until: str | None, limit: int = 10) -> list[dict]:
    """Most frequent escalation reasons."""
    params: list = []
    rows = db.execute(
        "SELECT j.value, count(*) FROM signal_events e, json_each(e.reasons) j WHERE 1 = 1"
        + _range("e.created_at", since, until, params) + " GROUP BY 1 ORDER BY 2 DESC LIMIT ?",
        [*params, limit]).fetchall()
    return [{"reason": r, "count": n} for r, n in rows]


def top_cited_articles(db: Database, since: str | None, until: str | None, limit: int = 10) -> list[dict]:
    """The KB articles suggestions cite most: what customers ask about."""
    params: list = []
    rows = db.execute(
        "SELECT json_extract(j.value, '$.article_id'), json_extract(j.value, '$.title'), count(*) "
        "FROM suggestions s, json_each(s.citations) j WHERE 1 = 1" + _range("s.created_at", since, until, params)
        + " GROUP BY 1 ORDER BY 3 DESC LIMIT ?", [*params, limit]).fetchall()
    return [{"article_id": a, "title": t, "count": n} for a, t, n in rows]


def gap_questions(db: Database, since: str | None, until: str | None, limit: int = 20000) -> list[str]:
    """Questions the KB had no grounded answer for (newest first, capped)."""
    params: list = []
    return [r[0] for r in db.execute(
        "SELECT question FROM knowledge_gaps WHERE 1 = 1" + _range("created_at", since, until, params)
        + " ORDER BY id DESC LIMIT ?", [*params, limit]).fetchall()]


# ---- retention ----------------------------------------------------------------------------------------

def purge_before(db: Database, cutoff: str) -> dict:
    """Delete conversations last updated before `cutoff`, with their messages, summaries, suggestions,
    feedback, signals and gaps (foreign keys cascade); returns what went."""
    counts = {}
    where = "conversation_id IN (SELECT id FROM conversations WHERE updated_at < ?)"
    for table in ("messages", "summaries", "suggestions", "signal_events", "knowledge_gaps"):
        counts[table] = db.execute(f"SELECT count(*) FROM {table} WHERE {where}", [cutoff]).fetchone()[0]
    counts["feedback"] = db.execute(
        f"SELECT count(*) FROM feedback WHERE suggestion_id IN (SELECT id FROM suggestions WHERE {where})",
        [cutoff]).fetchone()[0]
    counts["conversations"] = db.execute("DELETE FROM conversations WHERE updated_at < ?", [cutoff]).rowcount
    return counts
