"""Read-side SQL for exports, analytics and retention."""

from __future__ import annotations

import json
from collections.abc import Iterator

import msgspec

from backend.models import Summary
from backend.store.db import Database
from backend.store.learned import bump_version

EXPORT_BATCH = 2000  # rows fetched at a time: memory stays flat whatever the export size


class SummaryRow(msgspec.Struct, kw_only=True):
    """A conversation's latest summary with the ids an export carries."""

    conversation_id: int
    helpdesk: str
    ticket_id: str
    updated_at: str
    summarized_at: str
    agent: str | None
    summary: Summary


def _range(column: str, since: str | None, until: str | None, params: list) -> str:
    sql = ""
    if since:
        sql += f" AND {column} >= ?"
        params.append(since)
    if until:
        sql += f" AND {column} < ?"
        params.append(until)
    return sql


def _citations(db: Database, alias: str) -> str:
    """FROM-clause fragment expanding suggestions' JSON citations into rows `j(value)` per dialect."""
    if db.dialect == "postgres":
        return f"CROSS JOIN LATERAL json_array_elements({alias}.citations::json) AS j(value)"
    return f", json_each({alias}.citations) j"


def _field(db: Database, name: str) -> str:
    """A field of one expanded citation."""
    return f"j.value->>'{name}'" if db.dialect == "postgres" else f"json_extract(j.value, '$.{name}')"


def iter_latest_summaries(db: Database, *, since: str | None = None, until: str | None = None,
                          agent: str | None = None, helpdesk: str | None = None) -> Iterator[SummaryRow]:
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
    decoder = msgspec.json.Decoder(Summary)
    for cid, desk, ticket, updated, created, body, name in db.stream(sql + " ORDER BY s.id", params,
                                                                    batch=EXPORT_BATCH):
        yield SummaryRow(conversation_id=int(cid), helpdesk=desk, ticket_id=ticket, updated_at=updated,
                         summarized_at=created, agent=name, summary=decoder.decode(body))


def conversations_without_summary(db: Database, *, since: str | None = None, until: str | None = None,
                                  helpdesk: str | None = None) -> list[int]:
    """Conversations updated in [since, until) that have no summary yet."""
    params: list = []
    sql = ("SELECT c.id FROM conversations c WHERE NOT EXISTS (SELECT 1 FROM summaries s WHERE s.conversation_id = c.id)"
           + _range("c.updated_at", since, until, params))
    if helpdesk:
        sql += " AND c.helpdesk = ?"
        params.append(helpdesk)
    return [int(r[0]) for r in db.rows(sql + " ORDER BY c.id", params)]


# ---- analytics --------------------------------------------------------------------------------------

def totals(db: Database, since: str | None, until: str | None) -> dict[str, int]:
    """Headline counts for the period."""
    def count(table: str, column: str = "created_at") -> int:
        params: list = []
        return int(db.value(f"SELECT count(*) FROM {table} WHERE 1 = 1" + _range(column, since, until, params),
                            params, 0))

    params: list = []
    history = int(db.value(f"SELECT count(*) {_HISTORY}" + _range("c.last_activity_at", since, until, params),
                           params, 0))
    return {"conversations": count("conversations", "updated_at"), "assist_requests": count("signal_events"),
            "history_conversations": history,
            "suggestions": count("suggestions"), "feedback": count("feedback"), "summaries": count("summaries"),
            "knowledge_gaps": count("knowledge_gaps")}


def acceptance_by_agent(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Per agent: inserted / edited / dismissed / rated counts and the mean edit distance of edits."""
    params: list = []
    rows = db.rows(
        "SELECT coalesce(u.name, '(unknown)'), f.action, count(*), avg(f.edit_distance) FROM feedback f "
        "LEFT JOIN users u ON u.id = f.user_id WHERE 1 = 1" + _range("f.created_at", since, until, params)
        + " GROUP BY coalesce(u.name, '(unknown)'), f.action ORDER BY 1", params)
    return _pivot(rows)


def acceptance_by_article(db: Database, since: str | None, until: str | None, limit: int = 20) -> list[dict]:
    """Per cited article: how agents treated the suggestions that cited it."""
    params: list = []
    article = _field(db, "article_id")
    rows = db.rows(
        f"SELECT {article}, f.action, count(*), avg(f.edit_distance) "
        f"FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id {_citations(db, 's')} WHERE 1 = 1"
        + _range("f.created_at", since, until, params) + f" GROUP BY {article}, f.action ORDER BY 1, 2", params)
    pivot = _pivot(rows)
    pivot.sort(key=lambda r: -r["total"])
    return pivot[:limit]


def _pivot(rows: list) -> list[dict]:
    out: dict[str, dict] = {}
    for key, action, n, distance in rows:
        entry = out.setdefault(key, {"key": key, "inserted": 0, "edited": 0, "dismissed": 0, "rated": 0,
                                     "total": 0, "mean_edit_distance": None})
        entry[action] = entry.get(action, 0) + int(n)
        entry["total"] += int(n)
        if action == "edited" and distance is not None:
            entry["mean_edit_distance"] = round(float(distance), 1)
    return list(out.values())


def grounded_counts(db: Database, since: str | None, until: str | None) -> dict[str, int]:
    """Assist requests answered from the KB versus not."""
    params: list = []
    rows = {int(r[0]): int(r[1]) for r in db.rows(
        "SELECT grounded, count(*) FROM signal_events WHERE 1 = 1" + _range("created_at", since, until, params)
        + " GROUP BY grounded", params)}
    return {"grounded": rows.get(1, 0), "not_grounded": rows.get(0, 0)}


def signals_by_day(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Per day: assist requests, mean sentiment score, negative share, escalation risk counts."""
    params: list = []
    rows = db.rows(
        "SELECT substr(created_at, 1, 10) AS day, count(*), avg(sentiment_score), "
        "sum(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN escalation = 'high' THEN 1 ELSE 0 END), sum(CASE WHEN escalation = 'medium' THEN 1 ELSE 0 END) "
        "FROM signal_events WHERE 1 = 1" + _range("created_at", since, until, params)
        + " GROUP BY substr(created_at, 1, 10) ORDER BY 1", params)
    return [{"day": d, "requests": int(n), "mean_sentiment": round(float(s or 0.0), 3), "negative": int(neg),
             "escalation_high": int(hi), "escalation_medium": int(med)} for d, n, s, neg, hi, med in rows]


def escalation_reasons(db: Database, since: str | None, until: str | None, limit: int = 10) -> list[dict]:
    """Most frequent escalation reasons."""
    params: list = []
    rows = db.rows("SELECT reasons FROM signal_events WHERE escalation <> 'low'"
                   + _range("created_at", since, until, params) + " ORDER BY id", params)
    counts: dict[str, int] = {}
    for (reasons,) in rows:
        for reason in json.loads(reasons or "[]"):
            counts[reason] = counts.get(reason, 0) + 1
    return [{"reason": r, "count": n} for r, n in sorted(counts.items(), key=lambda kv: -kv[1])[:limit]]


def top_cited_articles(db: Database, since: str | None, until: str | None, limit: int = 10) -> list[dict]:
    """The KB articles suggestions cite most: what customers ask about."""
    params: list = []
    article, title = _field(db, "article_id"), _field(db, "title")
    rows = db.rows(
        f"SELECT {article}, max({title}), count(*) FROM suggestions s {_citations(db, 's')} WHERE 1 = 1"
        + _range("s.created_at", since, until, params) + f" GROUP BY {article} ORDER BY 3 DESC, 1 LIMIT ?",
        [*params, limit])
    return [{"article_id": a, "title": t, "count": int(n)} for a, t, n in rows]


# Imported history: conversations never assisted live (no signal event) count through their own signals and
# topic (conversation_context), dated by their last activity.
_HISTORY = ("FROM conversations c JOIN conversation_context x ON x.conversation_id = c.id "
            "WHERE x.sentiment IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signal_events s WHERE s.conversation_id = c.id)")


def history_signals_by_day(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Per day of last activity: imported conversations, their summed sentiment score, negatives and risks."""
    params: list = []
    rows = db.rows(
        "SELECT substr(c.last_activity_at, 1, 10), count(*), sum(x.sentiment_score), "
        "sum(CASE WHEN x.sentiment = 'negative' THEN 1 ELSE 0 END), sum(CASE WHEN x.risk = 'high' THEN 1 ELSE 0 END), "
        f"sum(CASE WHEN x.risk = 'medium' THEN 1 ELSE 0 END) {_HISTORY}"
        + _range("c.last_activity_at", since, until, params) + " GROUP BY substr(c.last_activity_at, 1, 10) ORDER BY 1",
        params)
    return [{"day": d, "conversations": int(n), "sentiment_sum": float(s or 0.0), "negative": int(neg),
             "escalation_high": int(hi), "escalation_medium": int(med)} for d, n, s, neg, hi, med in rows]


def history_escalation_reasons(db: Database, since: str | None, until: str | None) -> dict[str, int]:
    """Escalation reasons of imported conversations at medium or high risk, counted."""
    params: list = []
    counts: dict[str, int] = {}
    for (reasons,) in db.rows(f"SELECT x.reasons {_HISTORY} AND x.risk <> 'low'"
                              + _range("c.last_activity_at", since, until, params), params):
        for reason in json.loads(reasons or "[]"):
            counts[reason] = counts.get(reason, 0) + 1
    return counts


def history_topics(db: Database, since: str | None, until: str | None) -> list[dict]:
    """Imported conversations per topic article (the article an agent linked or the KB's grounded answer)."""
    params: list = []
    rows = db.rows(f"SELECT x.topic, max(x.topic_title), count(*) {_HISTORY} AND x.topic IS NOT NULL"
                   + _range("c.last_activity_at", since, until, params) + " GROUP BY x.topic", params)
    return [{"article_id": a, "title": t, "count": int(n)} for a, t, n in rows]


class HandoffMessage(msgspec.Struct, array_like=True):
    """A customer or agent message as handoff metrics read it (notes and bots are not replies)."""

    conversation_id: int
    helpdesk: str
    ticket_id: str
    role: str
    author: str | None
    at: str | None


def iter_handoff_messages(db: Database, since: str | None, until: str | None) -> Iterator[HandoffMessage]:
    """Customer and agent messages of conversations last active in [since, until), in conversation order,
    streamed."""
    params: list = []
    sql = ("SELECT c.id, c.helpdesk, c.ticket_id, m.role, m.author, m.at FROM conversations c "
           "JOIN messages m ON m.conversation_id = c.id WHERE m.role IN ('customer', 'agent')"
           + _range("c.last_activity_at", since, until, params) + " ORDER BY c.id, m.ordinal")
    for cid, desk, ticket, role, author, at in db.stream(sql, params, batch=EXPORT_BATCH):
        yield HandoffMessage(int(cid), desk, ticket, role, author, at)


def conversations_with_inserts(db: Database) -> set[int]:
    """Conversations where an agent inserted one of Tandem's suggestions (feedback inserted or edited)."""
    return {int(r[0]) for r in db.rows(
        "SELECT DISTINCT s.conversation_id FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id "
        "WHERE f.action IN ('inserted', 'edited') AND s.conversation_id IS NOT NULL")}


def assist_users(db: Database) -> dict[int, list[str]]:
    """Per conversation, the names of the users who asked for suggestions on it (who handled it live)."""
    out: dict[int, list[str]] = {}
    for cid, name in db.rows("SELECT DISTINCT e.conversation_id, u.name FROM signal_events e JOIN users u "
                             "ON u.id = e.user_id ORDER BY 1, 2"):
        out.setdefault(int(cid), []).append(name)
    return out


def gap_questions(db: Database, since: str | None, until: str | None, limit: int = 20000) -> list[str]:
    """Questions the KB had no grounded answer for (newest first, capped)."""
    params: list = []
    return [r[0] for r in db.rows(
        "SELECT question FROM knowledge_gaps WHERE 1 = 1" + _range("created_at", since, until, params)
        + " ORDER BY id DESC LIMIT ?", [*params, limit])]


# ---- retention ----------------------------------------------------------------------------------------

PURGED_TABLES = ("messages", "summaries", "suggestions", "signal_events", "knowledge_gaps", "learned_questions",
                 "customer_links", "conversation_context", "promises")


def purge_before(db: Database, cutoff: str) -> dict[str, int]:
    """Delete conversations whose last activity is before `cutoff` with everything derived from them
    (messages, summaries, suggestions, feedback, signals, gaps: foreign keys cascade), and the
    suggestions, feedback and gaps that belong to no conversation and are older than `cutoff`.
    Returns counts per table. Call inside a write transaction; FAQ drafts are scrubbed separately."""
    old = "SELECT id FROM conversations WHERE last_activity_at < ?"
    counts: dict[str, int] = {}
    for table in PURGED_TABLES:
        counts[table] = int(db.value(f"SELECT count(*) FROM {table} WHERE conversation_id IN ({old})", [cutoff], 0))
    counts["feedback"] = int(db.value(
        f"SELECT count(*) FROM feedback WHERE suggestion_id IN (SELECT id FROM suggestions WHERE conversation_id IN "
        f"({old}))", [cutoff], 0))
    counts["conversations"] = db.run("DELETE FROM conversations WHERE last_activity_at < ?", [cutoff])
    if counts["learned_questions"]:  # retrievers drop them at their next follow
        bump_version(db)
    # Rows not tied to a conversation age by their own time.
    counts["feedback"] += db.run(
        "DELETE FROM feedback WHERE suggestion_id IN (SELECT id FROM suggestions WHERE conversation_id IS NULL "
        "AND created_at < ?)", [cutoff])
    counts["suggestions"] += db.run("DELETE FROM suggestions WHERE conversation_id IS NULL AND created_at < ?",
                                    [cutoff])
    counts["knowledge_gaps"] += db.run("DELETE FROM knowledge_gaps WHERE conversation_id IS NULL AND created_at < ?",
                                       [cutoff])
    counts["llm_calls"] = db.run("DELETE FROM llm_calls WHERE created_at < ?", [cutoff])
    return counts


def compact(db: Database) -> None:
    """Rewrite the store so deleted rows are not left in free pages or the WAL (after a purge)."""
    if db.dialect == "sqlite":
        db.run("PRAGMA wal_checkpoint(TRUNCATE)")
        db.run("VACUUM")
        db.run("PRAGMA wal_checkpoint(TRUNCATE)")
        return
    for table in ("messages", "conversations", "summaries", "faq_drafts", "suggestions", "feedback", "knowledge_gaps",
                  "signal_events", "llm_calls", "customer_links", "conversation_context", "promises"):
        db.run(f"VACUUM {table}")  # PostgreSQL: VACUUM runs outside a transaction (autocommit here)
