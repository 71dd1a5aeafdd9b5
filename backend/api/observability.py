"""Request ids and the access log: every response carries `X-Request-ID`, every error body and log line
names it, so an agent's "it failed" can be found in the logs without exposing internals to them."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any
from urllib.parse import quote

from litestar.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("tandem.access")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")
_PATH_SAFE = "/:@!$&'()*+,;=~"  # what stays as it is when a path is percent-encoded for the text log


def _printable(text: str) -> str:
    """Control characters and backslashes as escapes (a name cannot start a log line of its own)."""
    return _UNPRINTABLE.sub(lambda m: "\\\\" if m.group() == "\\" else f"\\u{ord(m.group()):04x}", text)


def enable_access_log(log_format: str) -> None:
    """Write the access log to stderr, one request a line and nothing else on it (JSON lines stay parseable),
    whatever level the process logs at (`tandem serve` logs WARNING and up unless -v). For the processes that
    serve the app (backend/asgi.py), not for the app: the app leaves logging to its process."""
    if log_format == "off" or access_log.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False


def request_id(scope: Scope) -> str:
    """The id of the request this scope belongs to."""
    state: Any = scope.get("state") or {}
    return str(state.get("request_id", "-"))


class RequestContext:
    """ASGI middleware: assigns the request id (or keeps a sane incoming X-Request-ID), adds the
    response header, and writes one access-log line per request (text or JSON lines)."""

    def __init__(self, app: ASGIApp, log_format: str = "off") -> None:
        self.app = app
        self.log_format = log_format

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-request-id"), "")
        rid = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex[:16]
        state: Any = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", []), (b"x-request-id", rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.log_format != "off":
                self._log(scope, rid, status, (time.perf_counter() - started) * 1000)

    def _log(self, scope: Any, rid: str, status: int, ms: float) -> None:
        user = scope.get("user")
        who = getattr(user, "name", None)
        if self.log_format == "json":
            access_log.info(json.dumps({"request_id": rid, "method": scope["method"], "path": scope["path"],
                                        "status": status, "ms": round(ms, 1), "user": who,
                                        "client": (scope.get("client") or ["-"])[0]}))
        else:  # one line per request whatever the path holds: it is percent-encoded again, names escaped
            access_log.info('%s %s %s %d %.1fms user=%s', rid, scope["method"], quote(scope["path"], safe=_PATH_SAFE),
                            status, ms, _printable(who or "-"))
