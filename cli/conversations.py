"""`tandem conversations`: past conversations, for FAQ mining and reports."""

from __future__ import annotations

from pathlib import Path

import click

from backend.services import history, retention
from cli.dates import parse_age
from cli.main import pass_app, print_json


@click.group()
def conversations() -> None:
    """Import past conversations (JSONL, CSV, Zendesk tickets export) and purge old ones."""


@conversations.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@pass_app
def import_(app, paths, as_json):
    """Import conversations: JSONL of Conversation objects, CSV with ticket / role / text columns, or a
    Zendesk tickets export with comments. Idempotent; PII is redacted before storage."""
    report = history.import_history(app.runtime, list(paths))
    if as_json:
        print_json(report.as_dict())
    else:
        for path, error in report.failed:
            click.echo(f"failed: {path}: {error}", err=True)
        click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


@conversations.command()
@click.option("--older-than", help="Age, e.g. 90d, 12w, 6m (default: the retention_days setting).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@pass_app
def purge(app, older_than, yes, as_json):
    """Delete conversations not updated for a while, with their messages, summaries, suggestions and
    feedback (the retention policy)."""
    age = parse_age(older_than) if older_than else None
    rt = app.runtime
    cutoff = retention.cutoff(rt, age)
    if not yes and not as_json:
        click.confirm(f"Delete every conversation last updated before {cutoff}?", abort=True)
    removed = retention.purge(rt, age)
    if as_json:
        print_json({"cutoff": cutoff, "removed": removed})
    else:
        click.echo(f"removed {removed['conversations']} conversations updated before {cutoff} "
                   f"({removed['messages']} messages, {removed['summaries']} summaries, "
                   f"{removed['suggestions']} suggestions, {removed['feedback']} feedback)")
