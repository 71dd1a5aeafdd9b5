"""`tandem customers`: erase one customer's conversations, rotate the customer-key secret."""

from __future__ import annotations

import click

from cli.context import pass_app, print_json


@click.group()
def customers() -> None:
    """Customers are known only by keyed hashes of their id or e-mail: erase one, or rotate the secret."""


@customers.command()
@click.option("--helpdesk", required=True, help="The helpdesk name, as the extension sends it (e.g. zendesk).")
@click.option("--site", required=True, help="The helpdesk site: its origin or any URL on it, e.g. https://acme.zendesk.com.")
@click.option("--id", "customer_id", help="The customer's id in the helpdesk.")
@click.option("--email", help="The customer's e-mail address.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@pass_app
def forget(app, helpdesk, site, customer_id, email, yes, as_json):
    """Erase one customer's conversations on one helpdesk site, with everything derived from them (the key
    is computed from --id or --email; nothing is looked up in clear), then compact the store."""
    from backend.services import customers as customer_service

    if not customer_id and not email:
        raise click.UsageError("give --id or --email")
    if not yes and not as_json:
        click.confirm(f"Erase this customer's conversations on {helpdesk} {site}?", abort=True)
    report = customer_service.forget(app.runtime, helpdesk, site, customer_id=customer_id, email=email)
    if as_json:
        print_json(report)
    else:
        click.echo(f"erased {report.conversations} conversations ({report.faq_drafts} emptied FAQ drafts)")


@customers.command("rotate-secret")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def rotate_secret(app, yes):
    """Replace the customer-key secret. Nothing can be re-keyed (ids and e-mails were never kept): every
    link is dropped, so earlier conversations stop being context and `forget` cannot find them."""
    from backend.services import customers as customer_service

    if not yes:
        click.confirm("Unlink every earlier conversation from its customer?", abort=True)
    click.echo(f"secret replaced; {customer_service.rotate_secret(app.runtime)} links dropped")
