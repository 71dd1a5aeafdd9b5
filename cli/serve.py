"""`tandem serve`: run the API on uvicorn."""

from __future__ import annotations

import click

from cli.context import pass_app


@click.command()
@click.option("--host", help="Interface to bind (default TANDEM_HOST or 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), help="Port (default TANDEM_PORT or 8080).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes. Each keeps its own in-memory index and follows KB changes made anywhere "
                   "(API, CLI, other hosts) within about a second; periodic jobs run in one of them.")
@pass_app
def serve(app, host, port, workers):
    """Serve the HTTP API (suggestions, summaries, feedback, KB, FAQ, reports)."""
    import os
    import tempfile

    import uvicorn

    from backend.api.server import uvicorn_options
    from backend.store import migrations
    from backend.store.db import connect

    settings = app.settings
    store = connect(settings.store_url, migrate=True)  # migrate once, before any worker starts
    applied = migrations.pending(store)
    store.close()
    if applied:
        raise click.ClickException(f"migrations still pending: {', '.join(applied)}")
    os.environ["TANDEM_DATA_DIR"] = settings.data_dir  # worker processes rebuild settings from the env
    os.environ["TANDEM_MIGRATED"] = "1"
    if workers > 1 and "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="tandem-metrics-")
    host, port = host or settings.host, port or settings.port
    click.echo(f"Tandem API on http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''}, store: "
               f"{'PostgreSQL' if settings.database_url else settings.db_path})", err=True)
    if settings.metrics_bind:  # /metrics without a token, on an interface only the monitoring system reaches
        from prometheus_client import REGISTRY, CollectorRegistry, multiprocess, start_http_server

        registry = REGISTRY
        if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
        metrics_host, _, metrics_port = settings.metrics_bind.rpartition(":")
        start_http_server(int(metrics_port), addr=metrics_host, registry=registry)
    uvicorn.run("backend.asgi:app", host=host, port=port, workers=workers, log_level="warning",
                factory=False, access_log=False, **uvicorn_options(settings))
