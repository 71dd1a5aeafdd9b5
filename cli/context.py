"""What every command of one `tandem` invocation shares: settings and the runtime (opened on first use,
closed when the command ends), JSON output, and TandemError -> a clear CLI error."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from backend.services.runtime import Runtime
    from backend.settings import Settings


class AppContext:
    """Lazily opened settings and runtime, shared by every command of one invocation."""

    def __init__(self, data_dir: str | None) -> None:
        self._data_dir = data_dir
        self._settings: Settings | None = None
        self._runtime: Runtime | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from backend.settings import SettingsError, load_settings

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
    def runtime(self) -> Runtime:
        if self._runtime is None:
            from backend.services.runtime import Runtime
            from backend.store.db import StoreError

            try:
                self._runtime = Runtime(self.settings)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._runtime

    def close(self) -> None:
        """Publish a changed index, stop worker threads and close the store (end of the command)."""
        if self._runtime is not None:
            self._runtime.close()
            self._runtime = None


pass_app = click.make_pass_decorator(AppContext)


def to_builtins(data: Any) -> Any:
    """Structs and dataclass-like values as JSON-ready builtins."""
    import msgspec

    return msgspec.to_builtins(data)


def print_json(data: Any) -> None:
    """Write JSON to stdout (the scriptable output of every read command)."""
    import json

    sys.stdout.write(json.dumps(to_builtins(data), ensure_ascii=False, indent=2, default=str) + "\n")
