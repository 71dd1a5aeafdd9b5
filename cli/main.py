"""`tandem`: the command line for knowledge managers, team leads and operators.

Commands load lazily (click's lazy group pattern): `tandem --help` imports click and nothing else, and
each command imports only what it uses when it runs.
"""

from __future__ import annotations

import importlib
import logging
import sys

import click

from cli.context import AppContext

# name -> "module:attribute"; each module imports only click at the top.
COMMANDS = {
    "kb": "cli.kb:kb",
    "demo": "cli.demo:demo",
    "serve": "cli.serve:serve",
    "users": "cli.users:users",
    "suggest": "cli.assist:suggest",
    "summarize": "cli.assist:summarize",
    "conversations": "cli.conversations:conversations",
    "customers": "cli.customers:customers",
    "faq": "cli.faq:faq",
    "summaries": "cli.summaries:summaries",
    "report": "cli.report:report",
    "db": "cli.db:db",
    "eval": "cli.evaluate:eval_",
    "qa": "cli.qa:qa",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when listed or run; Tandem's errors become CLI errors."""

    def __init__(self, *args: object, lazy: dict[str, str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, _, attribute = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context) -> object:
        from backend.errors import TandemError

        try:
            return super().invoke(ctx)
        except TandemError as exc:
            raise click.ClickException(str(exc)) from exc


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record is emitted (test runners swap it per command)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def configure_logging(verbose: bool) -> None:
    """Log to stderr, before any library does (wordllama calls basicConfig(INFO) on import)."""
    root = logging.getLogger()
    if not any(isinstance(h, _StderrHandler) for h in root.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Print Tandem's version; unlike click's version_option it works in a checkout that was never installed."""
    if not value or ctx.resilient_parsing:
        return
    from backend.version import version

    click.echo(f"tandem, version {version()}")
    ctx.exit()


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="TANDEM_DATA_DIR", type=click.Path(file_okay=False),
              help="Where Tandem keeps its database and index (env TANDEM_DATA_DIR).")
@click.option("-v", "--verbose", is_flag=True, help="Log what Tandem does (index rebuilds, timings).")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=show_version,
              help="Show the version and exit.")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, verbose: bool) -> None:
    """Tandem: grounded reply suggestions, summaries and FAQ mining beside any helpdesk."""
    configure_logging(verbose)
    app = AppContext(data_dir)
    ctx.obj = app
    ctx.call_on_close(app.close)
