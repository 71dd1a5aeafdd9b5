"""Usage analytics for team leads, and the self-contained HTML report (`tandem report`, `/dashboard`).

Charts are inline SVG (backend/services/html.py): the report is one file that opens with no network and no script."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from backend import tuning
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
        "signals_by_day": report_store.signals_by_day(db, since, until),
        "escalation_reasons": report_store.escalation_reasons(db, since, until),
        "top_topics": report_store.top_cited_articles(db, since, until),
        "knowledge_gaps": knowledge_gap_clusters(report_store.gap_questions(db, since, until)),
        "promises_by_week": promise_weeks(rt, since, until),
        "knowledge_upkeep": knowledge_upkeep(rt),
        "qa": qa_summary(rt, since=since, until=until),
    }


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
        ("Top topics (most cited articles)", bars([(f"{t['title']}", {"cited": t["count"]}) for t in data["top_topics"]],
                                                   ["cited"], "top-topics")),
        ("Knowledge gaps (questions with no grounded answer)",
         table(["question", "times asked", "also asked as"],
                [[g["question"], g["count"], " · ".join(g["examples"][1:])] for g in data["knowledge_gaps"]],
                "knowledge-gaps")),
        ("Auto-QA (tandem qa run; mean score per agent, flags)", qa_table(data.get("qa"))),
        ("Promises agents made (per week made; overdue: past due, not seen kept)",
         table(["week", "made", "kept", "overdue"],
                [[w["week"], w["made"], w["kept"], w["overdue"]] for w in data.get("promises_by_week", [])],
                "promises-by-week")),
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
