"""`tandem db`: the store itself (migrations, health, moving from SQLite to PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from cli.context import pass_app, print_json


@click.group()
def db() -> None:
    """Operate the store: migrate, check, copy SQLite to PostgreSQL."""


@contextmanager
def _store_errors() -> Iterator[None]:
    """StoreError (unreachable server, schema from a newer Tandem) as a clear CLI error."""
    from backend.store.db import StoreError

    try:
        yield
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@db.command()
@pass_app
def migrate(app):
    """Apply pending migrations (once, under a lock; `tandem serve` also does this before workers start)."""
    from backend.services import database

    with _store_errors():
        applied = database.migrate(app.settings)
    click.echo(f"applied {', '.join(applied)}" if applied else "the schema is up to date")


@db.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def check(app, as_json):
    """Report the store's health: backend, schema, row counts, KB change log, orphans. Exits 1 on problems."""
    import msgspec

    from backend.services import database

    with _store_errors():
        health = database.check(app.settings)
    if as_json:
        print_json({**msgspec.to_builtins(health), "ok": health.ok})
    else:
        info = ", ".join(f"{k}={v}" for k, v in health.connection.items())
        click.echo(f"store: {health.dialect} ({info})")
        click.echo(f"schema: {len(health.applied)} migrations applied"
                   + (f", pending: {', '.join(health.pending)}" if health.pending else ", none pending"))
        click.echo(f"kb version: {health.kb_version}, tombstone horizon: {health.tombstone_horizon}")
        if health.integrity is not None:
            click.echo(f"integrity_check: {health.integrity}")
        width = max(len(t) for t in health.counts) if health.counts else 0
        for table, count in health.counts.items():
            click.echo(f"  {table.ljust(width)}  {count}")
        for problem in health.problems:
            click.echo(f"problem: {problem}", err=True)
        click.echo("ok" if health.ok else f"{len(health.problems)} problem(s)")
    if not health.ok:
        raise SystemExit(1)


@db.command()
@click.option("--to", "target", required=True, metavar="URL", help="An empty PostgreSQL database (postgresql://...).")
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
              help="The SQLite file to copy (default: the data dir's store).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_app
def copy(app, target, source, as_json):
    """Copy the SQLite store (everything, ids kept) into an empty PostgreSQL database and verify the counts."""
    from backend.services import database

    def progress(table: str, rows: int) -> None:
        if not as_json:
            click.echo(f"  {table}: {rows}", err=True)

    with _store_errors():
        report = database.copy_to(app.settings, target, source_path=source, progress=progress)
    if as_json:
        print_json(report)
        return
    width = max(len(t.table) for t in report.tables)
    click.echo(f"copied {report.source} -> {report.target} in {report.seconds} s")
    for t in report.tables:
        click.echo(f"  {t.table.ljust(width)}  {t.source} -> {t.target}")
    click.echo(f"{report.rows} rows, every table's count verified. Set TANDEM_DATABASE_URL to use it.")
