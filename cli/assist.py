"""`tandem suggest` and `tandem summarize`: the API's answers for a conversation file, without a server."""

from __future__ import annotations

import click
import msgspec

from backend.api.schemas import Conversation
from backend.services.conversations import LimitExceeded
from cli.main import pass_app, print_json


def _load(file) -> dict:
    raw = file.read()
    try:
        return msgspec.to_builtins(msgspec.json.decode(raw, type=Conversation))
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise click.ClickException(f"{file.name}: not a Conversation: {exc}") from exc


def _run(app, file, service) -> dict:
    """Run a service on the Conversation in `file`, turning bad input into a clear CLI error."""
    try:
        return service(app.runtime, _load(file))
    except LimitExceeded as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response.")
@pass_app
def suggest(app, file, as_json):
    """Reply suggestions for a Conversation JSON file (- for stdin)."""
    from backend.services.assist import assist

    result = _run(app, file, assist)
    if as_json:
        print_json(result)
        return
    signals = result["signals"]
    click.echo(f"sentiment {signals['sentiment']['label']}, urgency {signals['urgency']}, "
               f"escalation {signals['escalation']['risk']} ({result['engine']}"
               f"{', degraded' if result['degraded'] else ''})")
    for reason in signals["escalation"]["reasons"]:
        click.echo(f"  - {reason}")
    for s in result["suggestions"]:
        click.echo(f"\n[{s['kind']}] confidence {s['confidence']:.2f}{'' if s['grounded'] else ' (not grounded)'}")
        click.echo(s["text"])
        for c in s["citations"]:
            click.echo(f"  cites: {c['title']} ({c['url'] or c['article_id']})")


@click.command()
@click.argument("file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON response.")
@pass_app
def summarize(app, file, as_json):
    """Summarize a Conversation JSON file (and store the summary)."""
    from backend.services.summaries import summarize as run

    result = _run(app, file, run)
    if as_json:
        print_json(result)
        return
    click.echo(result["text"])
    for key in ("steps_taken", "promises", "open_questions", "next_steps"):
        if result[key]:
            click.echo(f"\n{key.replace('_', ' ')}:")
            for item in result[key]:
                click.echo(f"  - {item['text']}")
