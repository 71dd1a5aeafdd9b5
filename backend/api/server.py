"""How `tandem serve` and `tandem demo` run the app on uvicorn: forwarded headers believed only from configured
proxies, and a deadline for every request's headers."""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from backend.settings import Settings

HEADER_TIMEOUT_S = 10.0  # from a connection's first byte (or a request's) to the end of its headers


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with a deadline for each request's headers. uvicorn has none: a client that
    connects and sends a header byte now and then holds its socket (and a slot of the worker) for as long as it
    likes. The deadline is not moved by more bytes, only by the headers being complete."""

    header_timeout = HEADER_TIMEOUT_S
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:  # a request's headers are (still) arriving
            self._arm()
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_deadline is None:
            self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """uvicorn.run keyword arguments: the protocol with the header deadline; X-Forwarded-For/-Proto believed only
    from TANDEM_TRUSTED_PROXIES (uvicorn's default believes them from 127.0.0.1, so anyone on the host could pick
    their client address)."""
    return {"http": DeadlineH11Protocol, "proxy_headers": bool(settings.trusted_proxies),
            "forwarded_allow_ips": ",".join(settings.trusted_proxies) or None}
