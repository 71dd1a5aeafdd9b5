"""The Litestar application: `create_app(settings)` wires routes, auth, limits, errors and start-up state."""

from __future__ import annotations

import logging
import threading

from litestar import Litestar, Request, Response
from litestar.config.cors import CORSConfig
from litestar.exceptions import HTTPException
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin

from backend.api.auth import BearerAuth
from backend.api.reports import DashboardController, ExportController
from backend.api.routes import AccountController, AssistController, FaqController, KBController, healthz
from backend.llm.prompts import load_all as load_prompts
from backend.services.conversations import LimitExceeded
from backend.services.faq import DraftConflict, DraftNotFound
from backend.services.feedback import UnknownSuggestion
from backend.services.runtime import Runtime
from backend.settings import Settings, load_settings

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 4 * 1024 * 1024  # well above 200,000 characters of messages in UTF-8 JSON


def _error(status: int):
    def handler(_: Request, exc: Exception) -> Response:
        return Response({"status_code": status, "detail": str(exc)}, status_code=status)
    return handler


def _http_error(_: Request, exc: HTTPException) -> Response:
    """Litestar's own errors, with validation details (e.g. the unknown field's name) in `detail`."""
    detail = exc.detail
    extra = getattr(exc, "extra", None)
    if exc.status_code == 400 and extra:
        messages = [e.get("message", "") if isinstance(e, dict) else str(e) for e in
                    (extra if isinstance(extra, list) else [extra])]
        detail = f"{detail}: {'; '.join(m for m in messages if m)}"
    return Response({"status_code": exc.status_code, "detail": detail}, status_code=exc.status_code,
                    headers=getattr(exc, "headers", None))


def _unexpected(_: Request, exc: Exception) -> Response:
    log.exception("unhandled error")
    return Response({"status_code": 500, "detail": "internal error"}, status_code=500)


def start_periodic_mining(rt: Runtime) -> threading.Event:
    """Mine FAQ drafts every `faq_mine_every_h` hours in a daemon thread; set the event to stop."""
    from backend.services import faq as faq_service

    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(rt.settings.faq_mine_every_h * 3600):
            try:
                report = faq_service.mine(rt, min_count=rt.settings.faq_min_count)
                log.info("periodic FAQ mining: %s", report.summary())
            except Exception:  # a failed run must not kill the job; the next one retries
                log.exception("periodic FAQ mining failed")

    threading.Thread(target=loop, name="faq-miner", daemon=True).start()
    return stop


def create_app(settings: Settings | None = None, runtime: Runtime | None = None) -> Litestar:
    """Build the API. Heavy state (store, embedder, index, prompts) loads once at start-up."""
    settings = settings or (runtime.settings if runtime else load_settings())

    def startup(app: Litestar) -> None:
        load_prompts()  # a broken prompt file fails the start, not the first request
        rt = runtime or Runtime(settings)
        rt.retriever  # noqa: B018 - load the embedder and index (rebuilding it if stale)
        rt.provider  # noqa: B018
        app.state.rt = rt
        app.state.miner = start_periodic_mining(rt) if settings.faq_mine_every_h > 0 else None

    def shutdown(app: Litestar) -> None:
        if getattr(app.state, "miner", None) is not None:
            app.state.miner.set()
        if runtime is None and getattr(app.state, "rt", None) is not None:
            app.state.rt.close()

    cors = CORSConfig(allow_origins=list(settings.cors_origins), allow_headers=["Authorization", "Content-Type"],
                      allow_methods=["GET", "POST"]) if settings.cors_origins else None
    return Litestar(
        route_handlers=[AssistController, KBController, FaqController, AccountController, ExportController,
                        DashboardController, healthz],
        on_startup=[startup],
        on_shutdown=[shutdown],
        middleware=[DefineMiddleware(BearerAuth, exclude=["^/healthz$", "^/dashboard/login$"])],
        cors_config=cors,
        request_max_body_size=MAX_BODY_BYTES,
        openapi_config=OpenAPIConfig(title="Tandem", version="0.1.0", path="/schema",
                                     render_plugins=[JsonRenderPlugin()]),
        exception_handlers={
            LimitExceeded: _error(413),
            UnknownSuggestion: _error(404),
            DraftNotFound: _error(404),
            DraftConflict: _error(409),
            ValueError: _error(400),
            HTTPException: _http_error,
            Exception: _unexpected,
        },
    )
