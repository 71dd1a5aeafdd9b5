"""`tandem conversations`: past conversations, for FAQ mining and reports."""

from __future__ import annotations

from pathlib import Path

import click

from backend.services import history
from cli.main import pass_app, print_json


@click.group()
def conversations() -> None:
    """Import past conversations (JSONL, CSV, Zendesk tickets export)."""


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
