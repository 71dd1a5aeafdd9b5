"""Usage analytics for team leads, and the self-contained HTML report (`tandem report`, `/dashboard`).

Charts are inline SVG (backend/services/html.py): the report is one file that opens with no network and no script."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from backend import tuning
from backend.services import handoff
from backend.services.customers import promise_weeks
from backend.services.html import COLORS, STYLE, bars, esc, lines, table
from backend.services.qa import qa_summary
from backend.services.runtime import Runtime
from backend.store import reports as report_store


def build(rt: Runtime, *, since: str | None = None, until: str | None = None) -> dict:
    """Everything the report shows, as plain data."""
    db = rt.db
    return {
        "period": {"since": since, "until": until},
        "totals": report_store.totals(db, since, until),
        "acceptance_by_agent": report_store.acceptance_by_agent(db, since, until),
        "acceptance_by_article": report_store.acceptance_by_article(db, since, until),
        "grounded": report_store.grounded_counts(db, since, until),
        "signals_by_day": signals_by_day(report_store.signals_by_day(db, since, until),
                                         report_store.history_signals_by_day(db, since, until)),
        "escalation_reasons": escalation_reasons(report_store.escalation_reasons(db, since, until, limit=10_000),
                                                 report_store.history_escalation_reasons(db, since, until)),
        "top_topics": top_topics(report_store.top_cited_articles(db, since, until, limit=10_000),
                                 report_store.history_topics(db, since, until)),
        "knowledge_gaps": knowledge_gap_clusters(report_store.gap_questions(db, since, until)),
        "promises_by_week": promise_weeks(rt, since, until),
        "knowledge_upkeep": knowledge_upkeep(rt),
        "qa": qa_summary(rt, since=since, until=until),
        "handoff": handoff.report(rt, since=since, until=until),
    }


def signals_by_day(live: list[dict], history: list[dict]) -> list[dict]:
    """Per day: assist requests (live) and imported conversations (`history`, dated by last activity), the mean
    sentiment over both, negatives and escalation risks summed."""
    days: dict[str, dict] = {}
    for row in live:
        days[row["day"]] = {**row, "history": 0, "_sum": row["mean_sentiment"] * row["requests"]}
    for row in history:
        entry = days.setdefault(row["day"], {"day": row["day"], "requests": 0, "history": 0, "mean_sentiment": 0.0,
                                             "negative": 0, "escalation_high": 0, "escalation_medium": 0, "_sum": 0.0})
        entry["history"] += row["conversations"]
        entry["_sum"] += row["sentiment_sum"]
        for key in ("negative", "escalation_high", "escalation_medium"):
            entry[key] += row[key]
    out = []
    for day in sorted(days):
        entry = days[day]
        total = entry["requests"] + entry["history"]
        entry["mean_sentiment"] = round(entry.pop("_sum") / total, 3) if total else 0.0
        out.append(entry)
    return out


def escalation_reasons(live: list[dict], history: dict[str, int], limit: int = 10) -> list[dict]:
    """The most frequent escalation reasons of assist requests and imported conversations together."""
    counts = Counter({r["reason"]: r["count"] for r in live})
    counts.update(history)
    return [{"reason": r, "count": n} for r, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def top_topics(cited: list[dict], history: list[dict], limit: int = 10) -> list[dict]:
    """What customers ask about: articles by citations in suggestions plus imported conversations about them."""
    rows: dict[str, dict] = {}
    for row in cited:
        rows[row["article_id"]] = {"article_id": row["article_id"], "title": row["title"], "count": row["count"],
                                   "cited": row["count"], "conversations": 0}
    for row in history:
        entry = rows.setdefault(row["article_id"], {"article_id": row["article_id"], "title": row["title"],
                                                    "count": 0, "cited": 0, "conversations": 0})
        entry["count"] += row["count"]
        entry["conversations"] += row["count"]
    return sorted(rows.values(), key=lambda r: (-r["count"], r["article_id"]))[:limit]


def knowledge_upkeep(rt: Runtime, top: int = 20) -> dict:
    """The head of the review queue (`tandem kb stale`): how many articles need a person, and which first."""
    import msgspec

    from backend.services.upkeep import review_queue

    queue = review_queue(rt)
    kinds = Counter(reason.kind for row in queue for reason in row.reasons)
    return {"articles": len(queue), "by_reason": dict(sorted(kinds.items())),
            "top": msgspec.to_builtins(queue[:top])}


def knowledge_gap_clusters(questions: list[str], top: int = 10) -> list[dict]:
    """The most frequent unanswered questions, grouped by meaning (largest groups first)."""
    if not questions:
        return []
    counts = Counter(q.strip() for q in questions if q.strip())
    distinct = [q for q, _ in counts.most_common(tuning.GAP_SAMPLE)]
    if len(distinct) == 1:
        return [{"question": distinct[0], "count": counts[distinct[0]], "examples": distinct}]
    from backend.retrieval.clustering import cluster
    from backend.retrieval.embed import get_embedder

    vectors = np.asarray(get_embedder(tuning.GAP_EMBEDDER).embed(distinct), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    labels = cluster(vectors, tuning.GAP_THRESHOLD)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    out: list[dict[str, Any]] = []
    for members in groups.values():
        centre = vectors[members].mean(axis=0)
        order = sorted(members, key=lambda i: -float(vectors[i] @ centre))
        out.append({"question": distinct[order[0]], "count": sum(counts[distinct[i]] for i in members),
                    "examples": [distinct[i] for i in order[:3]]})
    out.sort(key=lambda g: -int(g["count"]))
    return out[:top]


# ---- rendering ---------------------------------------------------------------------------------------

def render_html(data: dict, *, title: str = "Tandem usage report") -> str:
    """One self-contained HTML page (inline CSS and SVG; no scripts, no network)."""
    period = data["period"]
    when = f"{period['since'] or 'the beginning'} to {period['until'] or 'now'}"
    totals = data["totals"]
    grounded = data["grounded"]
    requests = grounded["grounded"] + grounded["not_grounded"]
    share = f"{100 * grounded['grounded'] / requests:.0f}%" if requests else "–"
    cards = "".join(f'<div class="card"><b>{esc(f"{v:,}" if isinstance(v, int) else v)}</b>{esc(k)}</div>' for k, v in (
        ("conversations", totals["conversations"]), ("assist requests", totals["assist_requests"]),
        ("suggestions shown", totals["suggestions"]), ("answered from the KB", share),
        ("past conversations analyzed", totals.get("history_conversations", 0)),
        ("summaries", totals["summaries"]), ("knowledge gaps", totals["knowledge_gaps"])))
    actions = ["inserted", "edited", "dismissed"]
    by_agent = [(r["key"], r) for r in data["acceptance_by_agent"]]
    by_article = data["acceptance_by_article"]
    days = data["signals_by_day"]
    sections = [
        ("What agents do with suggestions", bars(by_agent, actions, "acceptance-by-agent")
         + table(["agent", "inserted", "edited", "dismissed", "rated", "mean edit distance"],
                  [[r["key"], r["inserted"], r["edited"], r["dismissed"], r["rated"], r["mean_edit_distance"]]
                   for r in data["acceptance_by_agent"]], "acceptance-by-agent")),
        ("By cited article", table(["article", "inserted", "edited", "dismissed", "mean edit distance"],
                                    [[r["key"], r["inserted"], r["edited"], r["dismissed"], r["mean_edit_distance"]]
                                     for r in by_article], "acceptance-by-article")),
        ("Grounded in the KB or not", bars([("assist requests", grounded)], ["grounded", "not_grounded"],
                                             "grounded")),
        ("Escalation risk over time", lines(days, [("escalation_high", "high risk", COLORS["high"]),
                                                    ("escalation_medium", "medium risk", COLORS["medium"])],
                                             "escalation-over-time")
         + table(["reason", "count"], [[r["reason"], r["count"]] for r in data["escalation_reasons"]],
                  "escalation-reasons")),
        ("Sentiment over time", lines(days, [("mean_sentiment", "mean sentiment (-1..1)", COLORS["line"])],
                                       "sentiment-over-time")),
        ("Top topics (articles cited by suggestions, and past conversations about them)",
         bars([(f"{t['title']}", {"cited": t.get("cited", t["count"]), "conversations": t.get("conversations", 0)})
               for t in data["top_topics"]], ["cited", "conversations"], "top-topics")),
        ("Knowledge gaps (questions with no grounded answer)",
         table(["question", "times asked", "also asked as"],
                [[g["question"], g["count"], " · ".join(g["examples"][1:])] for g in data["knowledge_gaps"]],
                "knowledge-gaps")),
        ("Auto-QA (tandem qa run; mean score per agent, flags)", qa_table(data.get("qa"))),
        ("Promises agents made (per week made; overdue: past due, not seen kept)",
         table(["week", "made", "kept", "overdue"],
                [[w["week"], w["made"], w["kept"], w["overdue"]] for w in data.get("promises_by_week", [])],
                "promises-by-week")),
        ("Handoff: time to first human reply, handle time, reopens — with Tandem's suggestions inserted or not",
         handoff_tables(data.get("handoff"))),
        ("Knowledge that needs a review (tandem kb stale)",
         table(["article", "owner", "reviewed", "why"],
                [[f"{r['title']} ({r['article_id']})", r["owner"] or "–", r["reviewed_at"] or "never",
                  " · ".join(reason["detail"] for reason in r["reasons"])]
                 for r in data.get("knowledge_upkeep", {}).get("top", [])], "knowledge-upkeep")),
    ]
    body = "".join(f"<section><h2>{esc(name)}</h2>{content}</section>" for name, content in sections)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{esc(title)}</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{STYLE}</style></head>"
            f"<body><main><h1>{esc(title)}</h1><p class=period>{esc(when)}</p><div class=cards>{cards}</div>"
            f"{body}</main></body></html>\n")


def duration(seconds: float | None) -> str:
    """A median duration for people: 45 s, 12 min, 3.5 h, 2.1 d."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def handoff_tables(data: dict | None) -> str:
    """Per week and per agent: with / without suggestions side by side (docs/api.md defines each number)."""
    if not data:
        return table([], [], "handoff-by-week")
    headers = ["with suggestions: conversations", "first reply (median)", "handle time (median)", "reopen rate",
               "without: conversations", "first reply (median)", "handle time (median)", "reopen rate"]

    def cells(row: dict) -> list[object]:
        out: list[object] = []
        for group in ("with_suggestions", "without"):
            g = row[group]
            rate = "–" if g["reopen_rate"] is None else f"{100 * g['reopen_rate']:.0f}%"
            out += [g["conversations"], duration(g["first_reply_median_s"]), duration(g["handle_median_s"]), rate]
        return out

    note = (f"<p class=empty>Reopened: the customer wrote again after an agent reply followed by "
            f"{data['idle_h']:g} h of silence. {data['measured']} conversations with timed messages measured.</p>")
    return (note + table(["week", *headers], [[w["week"], *cells(w)] for w in data["by_week"]], "handoff-by-week")
            + table(["agent", *headers], [[a["agent"], *cells(a)] for a in data["by_agent"]], "handoff-by-agent"))


QA_FLAG_LABELS = ("unsupported_promise", "wrong_information", "unanswered_question", "rude_or_dismissive",
                  "missed_escalation", "leaked_personal_data")


def qa_table(qa: dict | None) -> str:
    """The per-agent QA table (empty until `tandem qa run` has scored something)."""
    rows = (qa or {}).get("per_agent", [])
    return table(["agent", "conversations", "score", *QA_FLAG_LABELS],
                 [[a["agent"], a["conversations"], a["score"], *(a["flags"].get(f, 0) for f in QA_FLAG_LABELS)]
                  for a in rows], "qa-per-agent")


def render_qa_html(data: dict, *, title: str = "Tandem auto-QA") -> str:
    """The report of `tandem qa run --out FILE`: per agent, then every flagged conversation."""
    rubric = data["rubric"]
    flagged = [c for c in data["conversations"] if c["flags"]]
    rows = [[c["helpdesk"], c["ticket_id"], ", ".join(c["agents"]), c["score"], f["flag"], " ".join(f["message_ids"]),
             f["reason"]] for c in flagged for f in c["flags"]]
    body = (f"<section><h2>Per agent</h2>{qa_table(data)}</section><section><h2>Flagged conversations "
            f"({len(flagged)} of {len(data['conversations'])})</h2>"
            + table(["helpdesk", "ticket", "agents", "score", "flag", "messages", "reason"], rows, "qa-flags")
            + "</section>")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{esc(title)}</title>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><style>{STYLE}</style></head>"
            f"<body><main><h1>{esc(title)}</h1><p class=period>rubric {esc(rubric['name'])} "
            f"{esc(rubric['version'])} ({esc(rubric['digest'])})</p>{body}</main></body></html>\n")
