"""`tandem demo`: load the bundled demo knowledge base and show what retrieval finds."""

from __future__ import annotations

from pathlib import Path

import click

from backend.services import kb as kb_service
from cli.main import pass_app

DEMO_KB = Path(__file__).resolve().parent.parent / "kb"
SAMPLE_QUERIES = (
    "my card payment keeps getting declined at checkout",
    "how long until I get my money back for a return?",
    "can you recommend a good pizza place nearby?",
)


@click.command()
@click.option("--kb-dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=DEMO_KB,
              show_default=True, help="Knowledge base folder to load.")
@pass_app
def demo(app, kb_dir):
    """Load the demo knowledge base and run sample searches."""
    report = kb_service.import_paths(app.runtime, [kb_dir], source="demo", prune=True)
    click.echo(f"demo KB: {report.summary()}")
    for query in SAMPLE_QUERIES:
        hits = kb_service.search(app.runtime, query, k=2)
        click.echo(f"\n? {query}")
        if not hits or not hits[0].grounded:
            click.echo("  -> no grounded answer in the KB (Tandem would say so, not guess)")
        for hit in hits:
            click.echo(f"  -> {hit.title} [{hit.article_id}] sim {hit.similarity:.2f}"
                       f"{'' if hit.grounded else ' (weak)'}")
