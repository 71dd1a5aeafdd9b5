"""The Litestar application: `create_app(settings)` wires routes, auth, limits, errors, metrics and
start-up state (the store, the embedder, the index caught up with the KB, the prompts, periodic jobs)."""

from __future__ import annotations

import logging
from datetime import timedelta

import anyio.to_thread
from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.config.csrf import CSRFConfig
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.plugins.prometheus import PrometheusConfig

from backend import metrics, tuning
from backend.api.account import AccountController
from backend.api.assist import AssistController
from backend.api.auth import BearerAuth
from backend.api.errors import HANDLERS, JSONRequest
from backend.api.evaluation import EvalController
from backend.api.faq import FaqController
from backend.api.health import MetricsController, healthz
from backend.api.kb import KBController
from backend.api.observability import RequestContext
from backend.api.reports import DashboardController, ExportController, HandoffExportController, QAController
from backend.llm.prompts import load_all as load_prompts
from backend.services.jobs import Repeating, periodic
from backend.services.runtime import Runtime
from backend.settings import Settings, load_settings
from backend.version import version

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 4 * 1024 * 1024  # well above 200,000 characters of messages in UTF-8 JSON


def start_jobs(rt: Runtime) -> list[Repeating]:
    """Periodic jobs this worker offers to run (a lease in the store lets exactly one worker run each),
    and its own index publishing (a start-up cache, at most every SAVE_INTERVAL_S)."""
    jobs: list[Repeating] = []
    if rt.settings.faq_mine_every_h > 0:
        from backend.services import faq as faq_service

        jobs.append(periodic(rt, "faq-mine", timedelta(hours=rt.settings.faq_mine_every_h),
                             lambda: faq_service.mine(rt, min_count=rt.settings.faq_min_count).summary(),
                             check_every=min(60.0, rt.settings.faq_mine_every_h * 3600 / 4)).start())
    rt.retriever.ensure_index()
    jobs.append(Repeating("index-save", tuning.SAVE_INTERVAL_S,
                          lambda: [retriever.save() for retriever in rt.built_retrievers()]).start())
    from backend.services.learning import learn

    jobs.append(periodic(rt, "learn", timedelta(seconds=tuning.LEARN_EVERY_S), lambda: learn(rt).summary(),
                         check_every=min(60.0, tuning.LEARN_EVERY_S)).start())
    from backend.services.calibration import recalibrate_all_if_stale

    # The multilingual index, once used, is caught up with the KB here too, so questions need not wait for it.
    jobs.append(periodic(rt, "calibrate", timedelta(seconds=tuning.CALIBRATION_CHECK_S),
                         lambda: "recalibrated" if recalibrate_all_if_stale(rt) else None,
                         check_every=tuning.CALIBRATION_CHECK_S).start())
    from backend.services.kb import prune_change_log

    # Every removal leaves a tombstone for indexes catching up; unpruned, the change log grows forever.
    jobs.append(periodic(rt, "prune-tombstones", timedelta(seconds=tuning.TOMBSTONE_PRUNE_EVERY_S),
                         lambda: f"{prune_change_log(rt)} tombstones pruned",
                         check_every=min(60.0, tuning.TOMBSTONE_PRUNE_EVERY_S)).start())
    from backend.services.history import analyze

    # Imported history gets the signals and topics the report reads, a bounded batch a run.
    jobs.append(periodic(rt, "history", timedelta(seconds=tuning.HISTORY_EVERY_S), lambda: analyze(rt).summary(),
                         check_every=min(60.0, tuning.HISTORY_EVERY_S)).start())
    from backend.services import qa as qa_service

    # Finished conversations are scored in the background, a bounded batch a run, so the QA report and
    # `GET /v1/qa` are current without a lead running `tandem qa run`.
    jobs.append(periodic(rt, "qa", timedelta(seconds=tuning.QA_EVERY_S), lambda: qa_service.periodic(rt).summary(),
                         check_every=min(60.0, tuning.QA_EVERY_S)).start())
    return jobs


def create_app(settings: Settings | None = None, runtime: Runtime | None = None, *, migrate: bool = True) -> Litestar:
    """Build the API. Heavy state (store, embedder, index, prompts) loads once at start-up.

    `migrate=False` (uvicorn workers started by `tandem serve`, which migrated before starting them)
    only checks that the schema is current.
    """
    settings = settings or (runtime.settings if runtime else load_settings())
    rt = runtime or Runtime(settings, migrate=migrate, background_builds=True)
    metrics.enable()

    def startup(app: Litestar) -> None:
        from backend.privacy.redaction import warm_up
        from backend.signals.core import warm_up as warm_signals

        # Sync routes run in anyio's worker threads. Offline, requests are CPU-bound under one GIL: forty threads
        # at once take turns mid-request and every request finishes late (a long tail); two fed in arrival order
        # finish each in turn. With a model, a streamed answer holds a thread while it waits for tokens: keep 40.
        threads = settings.work_threads or (tuning.OFFLINE_WORK_THREADS if rt.engine_name == "extractive"
                                            else tuning.MODEL_WORK_THREADS)
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        load_prompts()  # a broken prompt file fails the start, not the first request
        warm_up()  # numbering-plan metadata, so the first conversation does not pay for it
        warm_signals()  # language models, both escalation readers and their shipped heads (about 1 s)
        rt.retriever  # noqa: B018 - load the embedder and the index (caught up with the KB)
        rt.provider  # noqa: B018
        app.state.rt = rt
        app.state.jobs = start_jobs(rt)

    def shutdown(app: Litestar) -> None:
        for job in getattr(app.state, "jobs", []):
            job.stop()
        if runtime is None:
            rt.close()

    cors = CORSConfig(allow_origins=list(settings.cors_origins), allow_headers=["Authorization", "Content-Type"],
                      allow_methods=["GET", "POST", "DELETE"]) if settings.cors_origins else None
    csrf = CSRFConfig(secret=rt.secret("csrf"), cookie_name="tandem_csrf", cookie_path="/dashboard",
                      cookie_httponly=True, cookie_samesite="strict", cookie_secure=settings.secure_cookies,
                      exclude=[r"^/v1/", r"^/healthz$", r"^/metrics$", r"^/schema"])  # bearer routes need no CSRF
    prometheus = PrometheusConfig(app_name="tandem", prefix="tandem", group_path=True, exclude=[r"^/metrics$"])
    app = Litestar(
        # Controllers take the process's Runtime as the `rt` parameter (none reaches into another for it).
        dependencies={"rt": Provide(lambda: rt, use_cache=True, sync_to_thread=False)},
        route_handlers=[AssistController, KBController, FaqController, EvalController, AccountController, ExportController,
                        DashboardController, QAController, HandoffExportController, MetricsController, healthz],
        on_startup=[startup],
        on_shutdown=[shutdown],
        # OPTIONS needs a token too (Litestar's default lets it through); a CORS preflight from a configured origin
        # is answered by the CORS middleware before it reaches a route.
        middleware=[prometheus.middleware, DefineMiddleware(BearerAuth, exclude=["^/healthz$", "^/dashboard/login$"],
                                                            exclude_http_methods=[])],
        cors_config=cors,
        csrf_config=csrf,
        request_max_body_size=MAX_BODY_BYTES,
        request_class=JSONRequest,
        openapi_config=OpenAPIConfig(title="Tandem", version=version(), path="/schema",
                                     render_plugins=[JsonRenderPlugin()]),
        exception_handlers=HANDLERS,  # type: ignore[arg-type]
        logging_config=None,  # logging belongs to the process (CLI, uvicorn); the app must not reconfigure it
    )
    # Outside the router, not among the route middleware: unknown paths (404) and methods (405) never reach a
    # route, and their responses need a request id and an access-log line too.
    app.asgi_handler = RequestContext(app.asgi_handler, log_format=settings.access_log)
    return app
