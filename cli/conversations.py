"""`tandem conversations`: past conversations, for FAQ mining, replays and reports."""

from __future__ import annotations

from pathlib import Path

import click

from cli.context import pass_app, print_json
from cli.dates import parse_age


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
    from backend.services import history

    report = history.import_history(app.runtime, list(paths))
    if as_json:
        print_json(report)
    else:
        for failure in report.failed:
            click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
        click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)


@conversations.command()
@click.option("--older-than", callback=parse_age, help="Age, e.g. 90d, 12w, 6m (default: the retention_days setting).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@pass_app
def purge(app, older_than, yes, as_json):
    """Delete conversations whose last message is older than the retention age, with their messages,
    summaries, suggestions, feedback and signals; strip them from FAQ drafts; compact the store."""
    from backend.services import retention

    rt = app.runtime
    cutoff = retention.cutoff(rt, older_than)
    if not yes and not as_json:
        click.confirm(f"Delete every conversation with no message since {cutoff}?", abort=True)
    report = retention.purge(rt, older_than)
    if as_json:
        print_json(report)
    else:
        removed = report.removed
        click.echo(f"removed {removed['conversations']} conversations with no message since {report.cutoff} "
                   f"({removed['messages']} messages, {removed['summaries']} summaries, "
                   f"{removed['suggestions']} suggestions, {removed['feedback']} feedback, "
                   f"{removed['faq_drafts']} emptied FAQ drafts)")
