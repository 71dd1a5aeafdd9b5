"""Exception handlers: user errors say what is wrong; anything else is a 500 naming only a request id."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import ClientException, HTTPException

from backend.api.observability import request_id
from backend.api.schemas import ErrorBody
from backend.errors import RateLimited, TandemError

log = logging.getLogger("tandem.api")


class JSONRequest(Request):
    """The app's request: a JSON body nested deeper than the decoder can follow is a bad request (400), not a
    RecursionError answered with 500 (the body is decoded untyped before it is checked against its Struct)."""

    async def json(self) -> Any:
        try:
            return await super().json()
        except RecursionError:
            raise ClientException("the JSON body is nested too deeply") from None


def tandem_error(request: Request, exc: TandemError) -> Response:
    """A TandemError: its status and its message (written for the caller)."""
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, RateLimited) else None
    return Response(ErrorBody(exc.status, str(exc), request_id(request.scope)), status_code=exc.status, headers=headers)


def http_error(request: Request, exc: HTTPException) -> Response:
    """Litestar's own errors, with validation details (where, and what is wrong) in `detail`."""
    detail = exc.detail
    extra = getattr(exc, "extra", None)
    if exc.status_code == 400 and extra:
        messages = [(f"{e['key']}: " if e.get("key") else "") + e.get("message", "") if isinstance(e, dict) else str(e)
                    for e in (extra if isinstance(extra, list) else [extra])]
        detail = f"{detail}: {'; '.join(m for m in messages if m)}"
    if exc.status_code >= 500:
        log.error("HTTP %s in %s %s (request %s): %s", exc.status_code, request.method, request.url.path,
                  request_id(request.scope), exc.detail)
        detail = "internal error"
    return Response(ErrorBody(exc.status_code, detail, request_id(request.scope)), status_code=exc.status_code,
                    headers=getattr(exc, "headers", None))


def unexpected(request: Request, exc: Exception) -> Response:
    """A bug: logged with its traceback; the caller gets a request id to quote, never the message."""
    rid = request_id(request.scope)
    log.exception("unhandled error in %s %s (request %s)", request.method, request.url.path, rid)
    return Response(ErrorBody(500, "internal error", rid), status_code=500)


HANDLERS = {TandemError: tandem_error, HTTPException: http_error, Exception: unexpected}
