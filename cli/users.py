"""`tandem users`: API tokens for agents, knowledge managers, leads and admins."""

from __future__ import annotations

import click

from backend.services import users as user_service
from cli.main import pass_app, print_json


@click.group()
def users() -> None:
    """Manage API users and their tokens."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(user_service.ROLES), required=True, help="What the user may do.")
@pass_app
def add(app, name, role):
    """Create a user and print their token (shown only once)."""
    try:
        token = user_service.add_user(app.runtime, name, role)
    except user_service.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(token)


@users.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def list_(app, as_json):
    """List users (tokens are never shown again)."""
    rows = user_service.list_users(app.runtime)
    if as_json:
        print_json(rows)
        return
    for u in rows:
        state = f"revoked {u['revoked_at']}" if u["revoked_at"] else "active"
        click.echo(f"{u['name']}\t{u['role']}\t{state}")


@users.command()
@click.argument("name")
@pass_app
def revoke(app, name):
    """Revoke a user's token."""
    if not user_service.revoke(app.runtime, name):
        raise click.ClickException(f"no active user named {name!r}")
    click.echo(f"revoked {name}")
