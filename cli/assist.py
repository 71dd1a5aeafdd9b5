"""`tandem suggest` and `tandem summarize`: the API's answers for a conversation file, without a server."""

from __future__ import annotations

import click

from cli.context import pass_app, print_json


def _load(file):
    """The Conversation in `file`, or a clear error naming what is wrong."""
    import msgspec

    from backend.models import Conversation

    try:
        return msgspec.json.decode(file.read(), type=Conversation)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise click.ClickException(f"{file.name}: not a Conversation: {exc}") from exc


@click.command()
@click.argument("file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response.")
@pass_app
def suggest(app, file, as_json):
    """Reply suggestions for a Conversation JSON file (- for stdin)."""
    from backend.services.assist import assist

    result = assist(app.runtime, _load(file))
    if as_json:
        print_json(result)
        return
    signals = result.signals
    click.echo(f"sentiment {signals.sentiment.label}, urgency {signals.urgency}, escalation "
               f"{signals.escalation.risk} ({result.engine}{', degraded' if result.degraded else ''})")
    for reason in signals.escalation.reasons:
        click.echo(f"  - {reason}")
    for s in result.suggestions:
        rank = f"confidence {s.confidence:.2f}" if s.confidence is not None else f"priority {s.priority}"
        click.echo(f"\n[{s.kind}] {rank}{'' if s.grounded else ' (not grounded)'}")
        click.echo(s.text)
        for c in s.citations:
            click.echo(f"  cites: {c.title} ({c.url or c.article_id})")
        if s.checks and s.checks.unsupported:
            click.echo("  not found in the cited articles: " + ", ".join(f"“{u.text}”" for u in s.checks.unsupported))


@click.command()
@click.argument("file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response.")
@pass_app
def summarize(app, file, as_json):
    """Summarize a Conversation JSON file (and store the summary)."""
    from backend.services.summaries import summarize as run

    result = run(app.runtime, _load(file))
    if as_json:
        print_json(result)
        return
    click.echo(result.text)
    for title, items in (("steps taken", result.steps_taken), ("promises", result.promises),
                         ("open questions", result.open_questions), ("next steps", result.next_steps)):
        if items:
            click.echo(f"\n{title}:")
            for item in items:
                click.echo(f"  - {item.text}")
