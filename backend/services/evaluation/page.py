"""The evaluation report as one self-contained HTML page (the same look as `tandem report`)."""

from __future__ import annotations

from backend.services.evaluation.report import EvalReport
from backend.services.html import STYLE, bars, esc, table


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def render_html(report: EvalReport, *, title: str | None = None) -> str:
    """One self-contained page like `tandem report` (inline CSS and SVG; no script, no network)."""
    title = title or ("Tandem evaluation: golden questions" if report.kind == "questions"
                      else "Tandem evaluation: replay of past conversations")
    cards = [("items", f"{report.items:,}"), ("answered", _pct(report.answered_rate)),
             ("false abstention", _pct(report.false_abstain)), ("out-of-scope abstention", _pct(report.oos_abstain)),
             ("R@1", _pct(report.recall_at_1)), ("R@5", _pct(report.recall_at_5))]
    if report.agreement is not None:
        cards.append(("agreement (cosine)", "–" if report.agreement.cosine is None else f"{report.agreement.cosine:.2f}"))
        cards.append(("ROUGE-L", "–" if report.agreement.rouge_l is None else f"{report.agreement.rouge_l:.2f}"))
    if report.calibration_error is not None:
        cards.append(("calibration error", f"{report.calibration_error:.3f}"))
    sections = []
    rows: list[list[object]]
    outcome = {"answered": round(100 * (report.answered_rate or 0)), "abstained": round(100 * (report.abstain_rate or 0))}
    sections.append(("What Tandem would have done (% of items)", bars([("all items", outcome)],
                                                                       ["answered", "abstained"], "outcome")))
    if report.per_article:
        if report.kind == "questions":
            rows = [[a.article_id, a.title, a.items, _pct(a.recall_at_1), _pct(a.answered_rate)]
                    for a in report.per_article[:40]]
            sections.append(("Per article (weakest first)",
                             table(["article", "title", "questions", "R@1", "answered"], rows, "per-article")))
        else:
            rows = [[a.article_id, a.title, a.items, "–" if a.agreement is None else f"{a.agreement:.2f}"]
                    for a in report.per_article[:40]]
            sections.append(("Articles Tandem answered from",
                             table(["article", "title", "answers", "agreement"], rows, "per-article")))
    if report.per_topic:
        rows = [[t.topic, t.items, _pct(t.answered_rate), "–" if t.agreement is None else f"{t.agreement:.2f}"]
                for t in report.per_topic]
        sections.append(("Per topic (questions grouped by meaning)",
                         table(["topic", "replies", "answered", "agreement"], rows, "per-topic")))
    if report.citation is not None:
        sections.append(("Citations", f"<p>{report.citation.checked} agent replies link or name a KB article; "
                                      f"Tandem's answer cited that article for {report.citation.matched}.</p>"))
    if report.escalation is not None:
        e = report.escalation
        sections.append(("Escalation", f"<p>{e.actual} conversations were escalated; Tandem flagged {e.predicted} "
                                       f"(precision {_pct(e.precision)}, recall {_pct(e.recall)}).</p>"))
    if report.operating_point is not None:
        op = report.operating_point
        rows = [["answered", _pct(op.answered_rate["current"]), _pct(op.answered_rate["proposed"])],
                ["false answers (the KB does not answer)", _pct(op.false_answer_rate["current"]),
                 _pct(op.false_answer_rate["proposed"])],
                ["false abstention (the KB answers)", _pct(op.false_abstain["current"]),
                 _pct(op.false_abstain["proposed"])]]
        head = (f"<p>Operating point now {op.current:.2f}; proposed "
                f"{'–' if op.proposed is None else f'{op.proposed:.2f}'} from {op.answerable} replies the KB answers "
                f"and {op.not_answerable} it does not{' (applied)' if op.applied else ''}. {esc(op.note)}</p>")
        sections.append(("Operating point from history", head + table(["", "now", "proposed"], rows, "operating-point")))
    if report.worst:
        rows = []
        for c in report.worst[:200]:
            row: list[object] = [c.query[:200], c.expected_article_id or "–", c.got or "–", f"{c.confidence:.2f}",
                                 c.reason]
            if report.kind == "history":
                row += [(c.reply or "")[:200], (c.suggestion or "")[:200]]
            rows.append(row)
        headers = ["question", "expected", "got", "confidence", "why"] + (
            ["agent replied", "Tandem suggested"] if report.kind == "history" else [])
        sections.append(("Misses" if report.kind == "questions" else "Worst cases", table(headers, rows, "worst")))
    notes = "".join(f"<li>{esc(n)}</li>" for n in report.notes)
    body = "".join(f"<section><h2>{esc(h)}</h2>{content}</section>" for h, content in sections)
    card_html = "".join(f'<div class="card"><b>{esc(v)}</b>{esc(k)}</div>' for k, v in cards)
    state = " (interrupted: partial results)" if report.interrupted else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
            f'<body><main><h1>{esc(title)}</h1><p class="period">{report.items:,} items, {esc(report.engine)} engine, '
            f'{esc(report.embedder)}, KB version {report.kb_version}, {report.seconds:.1f} s{esc(state)}</p>'
            f'<div class="cards" data-section="summary">{card_html}</div>{body}'
            f'{f"<section><h2>Notes</h2><ul>{notes}</ul></section>" if notes else ""}</main></body></html>')
