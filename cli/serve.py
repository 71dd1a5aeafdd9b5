"""`tandem serve`: run the API on uvicorn."""

from __future__ import annotations

import click

from cli.main import pass_app


@click.command()
@click.option("--host", help="Interface to bind (default TANDEM_HOST or 127.0.0.1).")
@click.option("--port", type=int, help="Port (default TANDEM_PORT or 8080).")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Worker processes (each loads the index read-only).")
@pass_app
def serve(app, host, port, workers):
    """Serve the HTTP API (suggestions, summaries, feedback, KB search)."""
    import os

    import uvicorn

    settings = app.settings
    os.environ["TANDEM_DATA_DIR"] = settings.data_dir  # worker processes rebuild settings from the env
    host, port = host or settings.host, port or settings.port
    click.echo(f"Tandem API on http://{host}:{port} (data: {settings.data_dir})", err=True)
    uvicorn.run("backend.asgi:app", host=host, port=port, workers=workers, log_level="warning",
                factory=False, access_log=False)
