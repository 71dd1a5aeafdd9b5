"""`tandem qa`: auto-QA of finished conversations for team leads."""

from __future__ import annotations

from pathlib import Path

import click

from cli.context import pass_app, print_json
from cli.dates import parse_date


@click.group()
def qa():
    """Score finished conversations against a QA rubric (flags name the messages and say why)."""


@qa.command()
@click.option("--since", callback=parse_date, help="Conversations last active from this date (YYYY-MM-DD), inclusive.")
@click.option("--until", callback=parse_date, help="Up to this date, exclusive.")
@click.option("--rubric", "rubric_path", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="A rubric TOML (default: the shipped one; `tandem qa rubric` prints it to copy).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the report as HTML to this file.")
@pass_app
def run(app, since, until, rubric_path, as_json, out):
    """Score conversations finished since the last run; print or write the report of the window."""
    from backend.services import qa as qa_service

    data = qa_service.run(app.runtime, rubric=qa_service.load_rubric(rubric_path), since=since, until=until)
    scored = data["rubric"].pop("scored_now", 0)
    if out is not None:
        from backend.services.analytics import render_qa_html

        out.write_text(render_qa_html(data), encoding="utf-8")
    if as_json:
        print_json(data)
        return
    flagged = sum(1 for c in data["conversations"] if c["flags"])
    click.echo(f"scored {scored} conversations; {len(data['conversations'])} in the window, {flagged} flagged"
               + (f"; wrote {out}" if out is not None else ""))
    for agent in data["per_agent"]:
        counts = ", ".join(f"{k} {v}" for k, v in agent["flags"].items() if v) or "no flags"
        click.echo(f"  {agent['agent']}: {agent['conversations']} conversations, score {agent['score']} ({counts})")


@qa.command()
def rubric():
    """Print the shipped rubric (TOML) to copy and edit."""
    from backend.services.qa import default_rubric_text

    click.echo(default_rubric_text(), nl=False)


@qa.command()
@click.argument("helpdesk")
@click.argument("ticket_id")
@click.argument("message_id")
@click.argument("flag")
@click.argument("verdict", type=click.Choice(["confirm", "dismiss", "missed"]))
@click.option("--by", default="cli", show_default=True, help="Who gives the verdict (the lead's name).")
@click.option("--site", help="The ticket's site (its URL's origin), when the ticket id is stored for several.")
@pass_app
def verdict(app, helpdesk, ticket_id, message_id, flag, verdict, by, site):
    """Confirm or dismiss a flag on an agent message, or mark one it missed; rude_or_dismissive learns from it."""
    from backend.services.qa_feedback import record_verdict

    record_verdict(app.runtime, helpdesk=helpdesk, ticket_id=ticket_id, message_id=message_id, flag=flag,
                   verdict=verdict, by=by, site=site)
    click.echo(f"recorded: {flag} {verdict} on {helpdesk} {ticket_id} {message_id}")
