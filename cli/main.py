"""`tandem`: the command line for knowledge managers, team leads and operators."""

from __future__ import annotations

import json
import logging
import sys

import click

from backend.settings import Settings, SettingsError, load_settings


class AppContext:
    """Lazily opened settings and runtime, shared by every command of one invocation."""

    def __init__(self, data_dir: str | None) -> None:
        self._data_dir = data_dir
        self._settings: Settings | None = None
        self._runtime = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = load_settings(self._data_dir)
            except SettingsError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._settings

    @property
    def user(self) -> str:
        """Who decides, for local review actions (the OS account)."""
        import getpass

        try:
            return f"cli:{getpass.getuser()}"
        except (KeyError, OSError):
            return "cli"

    @property
    def runtime(self):
        if self._runtime is None:
            from backend.services.runtime import Runtime

            self._runtime = Runtime(self.settings)
        return self._runtime


pass_app = click.make_pass_decorator(AppContext)


def print_json(data: object) -> None:
    """Write JSON to stdout (the scriptable output of every read command)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="TANDEM_DATA_DIR", type=click.Path(file_okay=False),
              help="Where Tandem keeps its database and index (env TANDEM_DATA_DIR).")
@click.option("-v", "--verbose", is_flag=True, help="Log what Tandem does (index rebuilds, timings).")
@click.version_option(package_name="tandem")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, verbose: bool) -> None:
    """Tandem: grounded reply suggestions, summaries and FAQ mining beside any helpdesk."""
    # Configure logging before any library does (wordllama calls basicConfig(INFO) on import).
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.obj = AppContext(data_dir)


def _register() -> None:
    from cli import assist, conversations, demo, faq, kb, report, serve, summaries, users

    for command in (kb.kb, demo.demo, serve.serve, users.users, assist.suggest, assist.summarize,
                    conversations.conversations, faq.faq, summaries.summaries, report.report):
        cli.add_command(command)


_register()
