"""`tandem summaries`: export conversation summaries for team leads."""

from __future__ import annotations

import sys

import click

from backend.vocabulary import EXPORT_FORMATS
from cli.context import pass_app
from cli.dates import parse_date


@click.group()
def summaries() -> None:
    """Export conversation summaries."""


@summaries.command("export")
@click.option("--since", callback=parse_date, help="From this date (YYYY-MM-DD or ISO time), inclusive.")
@click.option("--until", callback=parse_date, help="Up to this date, exclusive.")
@click.option("--agent", help="Only summaries made by this user.")
@click.option("--helpdesk", help="Only conversations from this helpdesk.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True,
              help="Output format.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--generate-missing", is_flag=True, help="Summarize stored conversations that have none first.")
@pass_app
def export(app, since, until, agent, helpdesk, fmt, out, generate_missing):
    """Export each conversation's latest summary (streamed: memory stays flat at any size; cells that a
    spreadsheet would run as formulas are neutralised)."""
    from backend.services import exports

    rt = app.runtime
    if generate_missing:
        made = exports.generate_missing(rt, since=since, until=until, helpdesk=helpdesk)
        click.echo(f"generated {made} missing summaries", err=True)
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    try:
        for piece in exports.export_lines(rt, fmt, since=since, until=until, agent=agent, helpdesk=helpdesk):
            stream.write(piece)
    finally:
        if out:
            stream.close()
    if out:
        click.echo(f"wrote {out}", err=True)
