"""The pieces of Tandem's self-contained HTML pages (`tandem report`, `/dashboard`, `tandem eval --out`, auto-QA):
escaping, inline-SVG bar and line charts, tables and the stylesheet. No script, no network."""

from __future__ import annotations

import html

COLORS = {"inserted": "#1a7f37", "edited": "#bf8700", "dismissed": "#cf222e", "rated": "#8250df",
          "line": "#1d6fd1", "high": "#cf222e", "medium": "#bf8700", "bar": "#1d6fd1", "grey": "#8c959f",
          "grounded": "#1a7f37", "not_grounded": "#8c959f", "cited": "#1d6fd1", "conversations": "#8250df",
          "answered": "#1a7f37", "abstained": "#8c959f"}


def esc(value: object) -> str:
    return html.escape(str(value))


def bars(rows: list[tuple[str, dict[str, int]]], keys: list[str], chart: str, width: int = 640) -> str:
    """Horizontal stacked bars, one row per label."""
    if not rows:
        return f'<figure data-chart="{chart}"><p class="empty">No data for this period.</p></figure>'
    label_w, row_h = 200, 26
    biggest = max(sum(v.get(k, 0) for k in keys) for _, v in rows) or 1
    scale = (width - label_w - 60) / biggest
    parts = []
    for i, (label, values) in enumerate(rows):
        y = i * row_h
        x: float = label_w
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{esc(label[:32])}</text>')
        for key in keys:
            w = values.get(key, 0) * scale
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
                             f'fill="{COLORS.get(key, COLORS["bar"])}"><title>{esc(key)}: {values.get(key, 0)}</title></rect>')
                x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 17}">{sum(values.get(k, 0) for k in keys)}</text>')
    legend = "".join(f'<span><i style="background:{COLORS.get(k, COLORS["bar"])}"></i>{esc(k)}</span>'
                     for k in keys if len(keys) > 1)
    height = len(rows) * row_h + 4
    return (f'<figure data-chart="{chart}"><svg role="img" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}">{"".join(parts)}</svg><figcaption>{legend}</figcaption></figure>')


def lines(days: list[dict], series: list[tuple[str, str, str]], chart: str, width: int = 640,
           height: int = 200) -> str:
    """Line chart over days; series = (key, label, colour)."""
    if not days:
        return f'<figure data-chart="{chart}"><p class="empty">No data for this period.</p></figure>'
    pad_l, pad_b, pad_t = 44, 24, 10
    values = [d[key] for d in days for key, _, _ in series]
    low, high = min(0.0, min(values)), max(values) or 1.0
    span = (high - low) or 1.0
    step = (width - pad_l - 10) / max(1, len(days) - 1)

    def y(v: float) -> float:
        return pad_t + (height - pad_t - pad_b) * (1 - (v - low) / span)

    parts = [f'<line x1="{pad_l}" y1="{y(low):.1f}" x2="{width - 10}" y2="{y(low):.1f}" stroke="#d0d7de"/>',
             f'<text x="{pad_l - 6}" y="{y(high) + 4:.1f}" text-anchor="end">{high:g}</text>',
             f'<text x="{pad_l - 6}" y="{y(low) + 4:.1f}" text-anchor="end">{low:g}</text>',
             f'<text x="{pad_l}" y="{height - 6}">{esc(days[0]["day"])}</text>',
             f'<text x="{width - 10}" y="{height - 6}" text-anchor="end">{esc(days[-1]["day"])}</text>']
    for key, label, colour in series:
        points = " ".join(f"{pad_l + i * step:.1f},{y(d[key]):.1f}" for i, d in enumerate(days))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}">'
                     f'<title>{esc(label)}</title></polyline>')
        for i, d in enumerate(days):
            parts.append(f'<circle cx="{pad_l + i * step:.1f}" cy="{y(d[key]):.1f}" r="2.5" fill="{colour}">'
                         f'<title>{esc(d["day"])} {esc(label)}: {d[key]}</title></circle>')
    legend = "".join(f'<span><i style="background:{c}"></i>{esc(label)}</span>' for _, label, c in series)
    return (f'<figure data-chart="{chart}"><svg role="img" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}">{"".join(parts)}</svg><figcaption>{legend}</figcaption></figure>')


def table(headers: list[str], rows: list[list[object]], name: str) -> str:
    if not rows:
        return f'<p class="empty" data-table="{name}">Nothing yet.</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc('' if v is None else v)}</td>" for v in r) + "</tr>" for r in rows)
    return f'<table data-table="{name}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


STYLE = """
body{font:14px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;margin:0;background:#f6f8fa}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
.period{color:#656d76;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px}
.card b{display:block;font-size:22px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin-top:12px}
figure{margin:0}svg{max-width:100%;height:auto;font-size:12px}svg text{fill:#1f2328}
figcaption span{margin-right:12px;font-size:12px}figcaption i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eaeef2;padding:5px 6px;text-align:left;vertical-align:top}
th{color:#656d76;font-weight:600}.empty{color:#656d76}
"""
