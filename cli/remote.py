"""Talking to a running Tandem server (`--server URL --token T`): knowledge managers do not live on it."""

from __future__ import annotations

import functools
from typing import Any

import click


class Remote:
    """A thin JSON client over the HTTP API with errors worded for the CLI."""

    def __init__(self, server: str, token: str | None) -> None:
        import httpx

        if not token:
            raise click.UsageError("--server needs a token: --token T or env TANDEM_TOKEN")
        self.server = server.rstrip("/")
        self._httpx = httpx
        self.client = httpx.Client(base_url=self.server, headers={"Authorization": f"Bearer {token}"},
                                   timeout=httpx.Timeout(120.0, connect=5.0))

    def call(self, method: str, path: str, *, json: object = None, params: dict | None = None) -> Any:
        """Make a request; return the decoded JSON (None for 204) or raise ClickException."""
        try:
            response = self.client.request(method, path, json=json,
                                           params={k: v for k, v in (params or {}).items() if v is not None})
        except self._httpx.HTTPError as exc:
            raise click.ClickException(f"cannot reach Tandem at {self.server}: {exc}") from exc
        if response.status_code == 204:
            return None
        try:
            body = response.json()
        except ValueError:
            body = {"detail": response.text[:200]}
        if response.status_code >= 400:
            detail = body.get("detail") if isinstance(body, dict) else body
            if response.status_code == 401:
                raise click.ClickException(f"token rejected by {self.server} ({detail})")
            if response.status_code == 403:
                raise click.ClickException(f"this token's role may not do that ({detail})")
            rid = body.get("request_id") if isinstance(body, dict) else None
            raise click.ClickException(f"{self.server} answered {response.status_code}: {detail}"
                                       + (f" (request {rid})" if rid and response.status_code >= 500 else ""))
        return body


def remote_options(command):
    """Add --server/--token (env TANDEM_SERVER / TANDEM_TOKEN) to a command; sets `remote` (or None)."""

    @click.option("--server", envvar="TANDEM_SERVER", help="Run against a Tandem server (env TANDEM_SERVER).")
    @click.option("--token", envvar="TANDEM_TOKEN", help="API token for --server (env TANDEM_TOKEN).")
    @functools.wraps(command)
    def wrapper(*args, server=None, token=None, **kwargs):
        kwargs["remote"] = Remote(server, token) if server else None
        return command(*args, **kwargs)

    return wrapper
