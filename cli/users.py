"""`tandem users`: API tokens for agents, knowledge managers, leads and admins."""

from __future__ import annotations

import click

from backend.vocabulary import USER_ROLES as ROLES
from cli.context import pass_app, print_json


@click.group()
def users() -> None:
    """Manage API users and their tokens."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@pass_app
def add(app, name, role):
    """Create a user and print their token (shown only once)."""
    from backend.services import users as user_service

    click.echo(user_service.add_user(app.runtime, name, role))


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def list_(app, as_json):
    """List users (tokens are never shown again)."""
    from backend.services import users as user_service

    rows = user_service.list_users(app.runtime)
    if as_json:
        print_json(rows)
        return
    for u in rows:
        state = f"revoked {u.revoked_at}" if u.revoked_at else "active"
        click.echo(f"{u.name}\t{u.role}\t{state}")


@users.command("set-language")
@click.argument("name")
@click.argument("language")
@pass_app
def set_language(app, name, language):
    """Write NAME's summaries in LANGUAGE (an ISO 639-1 code such as de; `default` for TANDEM_SUMMARY_LANGUAGE)."""
    from backend.services import users as user_service

    code = None if language.lower() == "default" else language.lower()
    user_service.set_language(app.runtime, name, code)
    click.echo(f"{name}: summaries in {code or 'the default language (TANDEM_SUMMARY_LANGUAGE)'}")


@users.command()
@click.argument("name")
@pass_app
def revoke(app, name):
    """Revoke a user's token (their dashboard sessions end too)."""
    from backend.services import users as user_service

    if not user_service.revoke(app.runtime, name):
        raise click.ClickException(f"no active user named {name!r}")
    click.echo(f"revoked {name}")
