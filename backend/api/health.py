"""`/healthz` for load balancers (no token) and `/metrics` for Prometheus (admin, or a separate bind)."""

from __future__ import annotations

from litestar import Response, get
from litestar.plugins.prometheus import PrometheusController

from backend.api.auth import require
from backend.api.deps import RuntimeDep
from backend.api.schemas import Health
from backend.store import kb as kb_store


@get("/healthz", tags=["health"], sync_to_thread=True)
def healthz(rt: RuntimeDep) -> Response[Health]:
    """Ready (200) when the store answers and the index is loaded. The index first catches up with the KB
    (a change made by the CLI or another host shows here within seconds); `stale` says if it could not."""
    retriever = rt.retriever
    try:
        retriever.follow()
        stats = kb_store.kb_stats(rt.db)
    except Exception:  # the store is unreachable: not ready
        return Response(Health(status="store unavailable", articles=0, chunks=0, index_vectors=0, index_kb_version=-1,
                               kb_version=-1, stale=True, embedder=retriever.embedder.name, engine=rt.engine_name,
                               store=rt.db.dialect), status_code=503)
    index = retriever.index
    body = Health(status="ok" if index is not None else "starting", articles=stats.articles, chunks=stats.chunks,
                  index_vectors=index.count if index else 0, index_kb_version=index.kb_version if index else -1,
                  kb_version=stats.kb_version, stale=index is None or index.kb_version < stats.kb_version,
                  embedder=retriever.embedder.name, engine=rt.engine_name, store=rt.db.dialect)
    return Response(body, status_code=200 if index is not None else 503)


class MetricsController(PrometheusController):
    """Prometheus metrics for the admin role (TANDEM_METRICS_BIND serves them without a token elsewhere)."""

    path = "/metrics"
    guards = [require("admin")]
    include_in_schema = False
