"""`tandem report`: one self-contained HTML file on how suggestions are used."""

from __future__ import annotations

from pathlib import Path

import click

from cli.context import pass_app, print_json
from cli.dates import parse_date


@click.command()
@click.option("--since", callback=parse_date, help="From this date (YYYY-MM-DD), inclusive.")
@click.option("--until", callback=parse_date, help="Up to this date, exclusive.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"), show_default=True,
              help="HTML file to write.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON instead of writing HTML.")
@click.option("--handoff-out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write one row per conversation's handoff metrics to this file (.csv, or .jsonl).")
@pass_app
def report(app, since, until, out, as_json, handoff_out):
    """Acceptance, edits, grounding, knowledge gaps, escalation and sentiment over time, top topics, handoff."""
    from backend.services import analytics

    if handoff_out is not None:
        from backend.services import handoff

        fmt = "jsonl" if handoff_out.suffix.lower() in (".jsonl", ".ndjson") else "csv"
        with handoff_out.open("w", encoding="utf-8", newline="") as f:
            f.writelines(handoff.export_lines(app.runtime, fmt, since=since, until=until))

    data = analytics.build(app.runtime, since=since, until=until)
    if as_json:
        print_json(data)
        return
    out.write_text(analytics.render_html(data), encoding="utf-8")
    click.echo(f"wrote {out} ({data['totals']['conversations']} conversations, "
               f"{data['totals']['assist_requests']} assist requests)")
