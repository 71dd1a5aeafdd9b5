"""`tandem demo`: load the bundled demo knowledge base, create a demo agent token and serve the API with
the demo helpdesk page beside it. Everything it needs ships inside the package (no checkout needed)."""

from __future__ import annotations

import secrets
import shutil
import sys
from importlib import resources
from pathlib import Path

import click

from cli.context import pass_app

SAMPLE_QUERIES = (
    "my card payment keeps getting declined at checkout",
    "how long until I get my money back for a return?",
    "can you recommend a good pizza place nearby?",
)


def demo_kb() -> Path:
    """The bundled demo knowledge base (Markdown)."""
    return Path(str(resources.files("cli.demo_kb")))


def demo_page_dir() -> Path:
    """The bundled demo helpdesk page."""
    return Path(str(resources.files("cli.demo_helpdesk")))


@click.command()
@click.option("--kb-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Knowledge base folder to load (default: the bundled demo KB).")
@click.option("--serve/--no-serve", default=True, show_default=True, help="Start the API after loading.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface for the API.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True, help="Port for the API.")
@click.option("--page-port", type=click.IntRange(1, 65535), default=8081, show_default=True,
              help="Port for the demo helpdesk page.")
@pass_app
def demo(app, kb_dir, serve, host, port, page_port):
    """Load the demo KB, create a demo agent token, show sample searches, then serve the API."""
    from backend.services import kb as kb_service
    from backend.services import users as user_service

    rt = app.runtime
    report = kb_service.import_paths(rt, [kb_dir or demo_kb()], source="demo", prune=True)
    click.echo(f"demo KB: {report.summary()}")
    for query in SAMPLE_QUERIES:
        hits = kb_service.search(rt, query, k=2)
        click.echo(f"\n? {query}")
        if not hits or not hits[0].grounded:
            click.echo("  -> no grounded answer in the KB (Tandem says so instead of guessing)")
        for hit in hits:
            click.echo(f"  -> {hit.title} [{hit.article_id}] confidence {hit.confidence:.2f}"
                       f"{'' if hit.grounded else ' (not grounded)'}")
    token = user_service.add_user(rt, f"demo-agent-{secrets.token_hex(3)}", "agent")
    example = Path(app.settings.data_dir) / "example-conversation.json"
    shutil.copyfile(demo_page_dir() / "conversation.json", example)
    base = f"http://{host}:{port}"
    click.echo(f"""
Demo agent token (shown once): {token}

Try it:
  curl -s {base}/healthz
  curl -s -X POST {base}/v1/assist -H 'Authorization: Bearer {token}' \\
       -H 'Content-Type: application/json' --data @{example}
  curl -sN -X POST {base}/v1/assist -H 'Authorization: Bearer {token}' -H 'Accept: text/event-stream' \\
       -H 'Content-Type: application/json' --data @{example}
  {Path(sys.argv[0]).name} --data-dir {app.settings.data_dir} suggest {example}
""")
    if not serve:
        return
    import os

    import uvicorn

    from backend.api.server import uvicorn_options

    app.close()  # the server opens its own runtime
    os.environ["TANDEM_DATA_DIR"] = app.settings.data_dir
    os.environ.setdefault("TANDEM_LLM", "extractive")
    page = serve_demo_helpdesk(host, page_port)
    extension = Path(__file__).resolve().parent.parent / "extension"
    where = str(extension) if extension.is_dir() else "the extension/ folder of a Tandem checkout"
    click.echo(f"""Demo helpdesk page: {page}/#ticket/101

See Tandem in the helpdesk (Chromium or Chrome):
  1. open chrome://extensions, switch on Developer mode, click "Load unpacked", pick {where}
  2. open Tandem's options (toolbar icon, then Options), set Backend URL {base} and paste the token above
  3. open {page}/#ticket/101, click the Tandem toolbar icon and choose "Read this site": suggestions appear
     on the right; try tickets 102 and 103
""")
    click.echo(f"Serving the API on {base} with the offline engine (Ctrl-C to stop)")
    uvicorn.run("backend.asgi:app", host=host, port=port, log_level="warning", access_log=False,
                **uvicorn_options(app.settings))


def serve_demo_helpdesk(host: str, port: int) -> str:
    """Serve the fictional helpdesk page from a background thread; returns its base URL."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # the demo's console is for instructions, not access logs
            pass

    handler = functools.partial(QuietHandler, directory=str(demo_page_dir()))
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, name="demo-helpdesk", daemon=True).start()
    return f"http://{host}:{port}"
