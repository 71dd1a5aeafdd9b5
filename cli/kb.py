"""`tandem kb`: curate the knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from backend.vocabulary import IMPORT_FORMATS
from cli.context import pass_app, print_json
from cli.remote import remote_options


def _err():
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


@click.group()
def kb() -> None:
    """Curate the knowledge base: import, list, show, search, verify, stale, remove, reindex, export, stats..."""


@kb.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--source", help="Source name for these articles (default: front matter `source`, else 'local').")
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto", show_default=True,
              help="Reader to use; auto picks by file extension.")
@click.option("--prune", is_flag=True, help="Remove articles of this source that are no longer in PATHS.")
@click.option("--id-field", help="CSV/JSONL field holding the article id.")
@click.option("--title-field", help="CSV/JSONL field holding the title.")
@click.option("--body-field", help="CSV/JSONL field holding the body (text, Markdown or HTML).")
@click.option("--url-field", help="CSV/JSONL field holding the article URL.")
@click.option("--tags-field", help="CSV/JSONL field holding tags (list or comma-separated).")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@remote_options
@pass_app
def import_(app, paths, source, fmt, prune, id_field, title_field, body_field, url_field, tags_field, as_json,
            remote):
    """Import articles from files and folders (Markdown, HTML, text, CSV, JSONL, Zendesk export)."""
    from backend.services import kb as kb_service
    from backend.services.kb_formats import FieldMap, expand_paths

    fields = FieldMap(id=id_field, title=title_field, body=body_field, url=url_field, tags=tags_field)
    if remote:
        if prune:
            raise click.UsageError("--prune is not available with --server (run it on the server)")
        _finish_import(_remote_import(remote, paths, source, fmt, fields), as_json)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    err = _err()
    rt = app.runtime
    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, transient=True,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("", total=len(expand_paths([p for p in paths if p.exists()], fmt)))

        def on_file(path: Path, error: str | None) -> None:
            progress.update(task, advance=1, description=path.name)

        report = kb_service.import_paths(rt, list(paths), source=source, fmt=fmt, prune=prune, fields=fields,
                                         on_file=on_file)
    _finish_import(report, as_json)


def _remote_import(remote, paths, source, fmt, fields):
    """Read files here, send their articles to the server (which chunks, embeds and indexes them)."""
    from backend.services import kb as kb_service

    report = kb_service.ImportReport()
    # The same reader as a local import: unreadable files and article ids repeated across files are refused here.
    for _, articles in kb_service.read_articles(list(paths), report, source=source, fmt=fmt, fields=fields):
        if articles is None:
            continue
        by_source: dict[str, list[dict]] = {}
        for a in articles:
            # Review fields only when the file has them: a server from before them refuses unknown fields.
            review = {k: v for k, v in (("owner", a.owner), ("reviewed_at", a.reviewed_at),
                                        ("review_every_days", a.review_every_days)) if v is not None}
            by_source.setdefault(a.source or kb_service.DEFAULT_SOURCE, []).append(
                {"external_id": a.external_id, "title": a.title, "body": a.body, "url": a.url, "tags": a.tags,
                 "status": a.status, **review})
        for src, batch in by_source.items():
            for start in range(0, len(batch), 200):
                result = remote.call("POST", "/v1/kb/articles", json={"source": src, "articles": batch[start:start + 200]})
                report.added += result["added"]
                report.updated += result["updated"]
                report.unchanged += result["unchanged"]
                report.notes += result.get("notes", [])
    return report


def _finish_import(report, as_json: bool) -> None:
    err = _err()
    for failure in report.failed:
        err.print(f"[red]failed[/red] {failure.path}: {failure.reason}", highlight=False, markup=True)
    for note in report.notes:
        err.print(f"[yellow]note[/yellow] {note}", highlight=False)
    if as_json:
        print_json(report)
    else:
        click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@kb.command("list")
@click.option("--source", help="Only articles of this source.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def list_(app, source, limit, as_json, remote):
    """List articles."""
    if remote:
        articles = remote.call("GET", "/v1/kb/articles", params={"source": source, "limit": limit})
    else:
        from backend.services import kb as kb_service

        articles = kb_service.list_articles(app.runtime, source=source, limit=limit)
    if as_json:
        print_json(articles)
        return
    from cli.context import to_builtins

    rows = to_builtins(articles)
    for a in rows:
        click.echo(f"{a['article_id']}\t{a['source']}\t{a['title']}\t{a['updated_at']}")
    click.echo(f"{len(rows)} articles")


@kb.command()
@click.argument("article_id")
@click.option("--source", help="The article's source, when several sources use the same id.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def show(app, article_id, source, as_json, remote):
    """Show one article with its chunks."""
    from cli.context import to_builtins

    if remote:
        try:
            article = remote.call("GET", f"/v1/kb/articles/{article_id}", params={"source": source})
        except click.ClickException as exc:
            if " 404:" not in exc.format_message():
                raise
            article = None
    else:
        from backend.services import kb as kb_service

        article = kb_service.get_article(app.runtime, article_id, source=source)
    if article is None:
        raise click.ClickException(f"no article with id {article_id!r} (see `tandem kb list`)")
    if as_json:
        print_json(article)
        return
    a = to_builtins(article)
    click.echo(f"{a['title']}  [{a['article_id']}, source {a['source']}]")
    if a["url"]:
        click.echo(a["url"])
    if a["tags"]:
        click.echo("tags: " + ", ".join(a["tags"]))
    click.echo(_review_line(a))
    click.echo("")
    click.echo(a["body"])
    click.echo(f"\n{len(a['chunks'])} chunks")


def _review_line(a: dict) -> str:
    owner = f"owner {a['owner']}" if a.get("owner") else "no owner"
    if not a.get("reviewed_at"):
        return f"{owner}; never reviewed"
    by = f" by {a['reviewed_by']}" if a.get("reviewed_by") else ""
    return f"{owner}; reviewed {a['reviewed_at']}{by}, next review due {a['due_at']}"


@kb.command()
@click.argument("article_id")
@click.option("--source", help="The article's source, when several sources use the same id.")
@click.option("--by", "by", help="Who reviewed it (default: your user name).")
@remote_options
@pass_app
def verify(app, article_id, source, by, remote):
    """Mark an article reviewed today: it is true as written."""
    from cli.context import to_builtins

    if remote:
        article = remote.call("POST", f"/v1/kb/articles/{article_id}/verify", params={"source": source})
    else:
        import getpass

        from backend.services import kb as kb_service

        article = kb_service.verify(app.runtime, article_id, source=source, by=by or getpass.getuser())
    a = to_builtins(article)
    click.echo(f"{a['article_id']}: {_review_line(a)}")


@kb.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def stale(app, as_json, remote):
    """List articles that need a person: overdue, never reviewed, drifting, heavily edited."""
    from cli.context import to_builtins

    if remote:
        queue = remote.call("GET", "/v1/kb/stale")
    else:
        from backend.services import upkeep

        queue = upkeep.review_queue(app.runtime)
    if as_json:
        print_json(queue)
        return
    rows = to_builtins(queue)
    for row in rows:
        click.echo(f"{row['score']:>8}  {row['article_id']}  [{row['source']}]  {row['title']}  "
                   f"(owner {row['owner'] or '-'})")
        for reason in row["reasons"]:
            click.echo(f"          {reason['kind']}: {reason['detail']}")
    click.echo(f"{len(rows)} articles need a review")


@kb.command()
@click.argument("query")
@click.option("-k", "k", type=click.IntRange(1, 100), default=5, show_default=True, help="How many articles.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def search(app, query, k, as_json, remote):
    """Search the knowledge base (hybrid BM25 + dense), one hit per article, with calibrated confidence."""
    import msgspec

    from backend.models import Hit

    if remote:
        hits = msgspec.convert(remote.call("GET", "/v1/kb/search", params={"q": query, "k": k}), list[Hit])
    else:
        from backend.services import kb as kb_service

        hits = kb_service.search(app.runtime, query, k=k)
    if as_json:
        print_json(hits)
        return
    if not hits or not hits[0].grounded:
        click.echo("No grounded answer in the knowledge base for this query.")
    for rank, hit in enumerate(hits, start=1):
        mark = "grounded" if hit.grounded else "weak"
        click.echo(f"{rank}. {hit.title} [{hit.article_id}] confidence {hit.confidence:.2f} "
                   f"sim {hit.similarity:.2f} {mark}")
        snippet = " ".join(hit.text.split())
        click.echo(f"   {snippet[:200]}{'…' if len(snippet) > 200 else ''}")


@kb.command()
@click.argument("article_ids", nargs=-1, required=True)
@click.option("--source", help="Only in this source (needed when several sources use the same id).")
@remote_options
@pass_app
def remove(app, article_ids, source, remote):
    """Remove articles by their id."""
    if remote:
        removed, missing = [], []
        for article_id in article_ids:
            try:
                remote.call("DELETE", f"/v1/kb/articles/{article_id}", params={"source": source})
                removed.append(article_id)
            except click.ClickException as exc:
                if " 404:" not in exc.format_message():
                    raise
                missing.append(article_id)
    else:
        from backend.services import kb as kb_service

        removed, missing = kb_service.remove_articles(app.runtime, list(article_ids), source=source)
    for article_id in removed:
        click.echo(f"removed {article_id}")
    if missing:
        raise click.ClickException(f"not found: {', '.join(missing)}")


@kb.command()
@click.option("--reembed", is_flag=True, help="Also recompute every embedding (not just the index).")
@pass_app
def reindex(app, reembed):
    """Re-chunk all articles and rebuild the vector index."""
    from backend.services import kb as kb_service

    result = kb_service.reindex(app.runtime, reembed=reembed)
    click.echo(f"reindexed {result.articles} articles, {result.chunks} chunks ({result.embedder})")


@kb.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--source", help="Only articles of this source.")
@pass_app
def export(app, directory, source):
    """Export articles as Markdown with front matter (re-importable unchanged)."""
    from backend.services import kb as kb_service

    count = kb_service.export(app.runtime, directory, source=source)
    click.echo(f"exported {count} articles to {directory}")


@kb.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
def stats(app, as_json, remote):
    """Counts per source, the state of the vector index and the grounding calibration."""
    from cli.context import to_builtins

    if remote:
        data = remote.call("GET", "/v1/kb/stats")
    else:
        from backend.services import kb as kb_service

        data = to_builtins(kb_service.stats(app.runtime))
    if as_json:
        print_json(data)
        return
    click.echo(f"{data['articles']} articles, {data['chunks']} chunks, {data['tokens']} tokens "
               f"(KB version {data['kb_version']})")
    for s in data["sources"]:
        click.echo(f"  {s['source']}: {s['articles']} articles, {s['chunks']} chunks")
    index = data["index"]
    if index:
        click.echo(f"index: {index['embedder']} {index['dim']}-d {index['kind']}, {index['count']} vectors at KB "
                   f"version {index['kb_version']}")
    calibration = data.get("calibration") or {}
    click.echo(f"grounding: {calibration.get('method', '?')} (KB version {calibration.get('kb_version', '?')})")


@kb.command()
@click.option("--recompute", is_flag=True, help="Measure the KB again now (otherwise: show the stored calibration).")
@click.option("--operating-point", type=click.FloatRange(0, 1, min_open=True, max_open=True),
              help="Set the confidence at which a hit counts as grounded (kept across recalibrations).")
@click.option("--reset", is_flag=True, help="Go back to the shipped operating point.")
@click.option("--other-languages", is_flag=True,
              help="The calibration of the multilingual encoder questions in other languages are searched with.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def calibrate(app, recompute, operating_point, reset, other_languages, as_json):
    """Show this KB's grounding calibration; recompute it or set its operating point.

    The calibration is measured from the KB itself (its titles, headings and questions against a shipped
    pool of other businesses' questions) and recomputed whenever the KB changes. Questions in another
    language than the KB's are searched with a multilingual encoder, which has its own (--other-languages).
    """
    import msgspec

    from backend.services import calibration as service

    if operating_point is not None and reset:
        raise click.UsageError("--operating-point and --reset cannot be combined")
    rt = app.runtime
    retriever = rt.retriever
    if other_languages:
        routed = rt.foreign_retriever()
        if routed is None:
            raise click.UsageError(f"every language is searched with {rt.retriever.embedder.name} here "
                                   "(TANDEM_FOREIGN_EMBEDDER=off, a multilingual TANDEM_EMBEDDER, or its encoder "
                                   "failed to load: see the log)")
        retriever = routed
    if recompute:
        current = service.calibrate(rt, retriever)
    else:
        current = service.stored_calibration(rt.db, retriever.embedder.name)
    if reset:
        current = service.reset_operating_point(rt, retriever)
    elif operating_point is not None:
        current = service.set_operating_point(rt, operating_point, source="manual", retriever=retriever)
    current = msgspec.structs.replace(current, operating_point=retriever.operating_point(current))  # answers at
    if as_json:
        print_json(current)
        return
    kb_version = service.current_kb_version(rt)
    stale = "" if current.kb_version == kb_version else f" (the KB is now at version {kb_version}; --recompute)"
    click.echo(f"embedder: {current.embedder}")
    click.echo(f"method: {current.method}, measured at KB version {current.kb_version}{stale}"
               f"{', ' + current.computed_at if current.computed_at else ''}")
    if current.scale:
        scale = current.scale
        click.echo(f"questions the KB answers score {scale.pseudo_mean:.2f} ± {scale.pseudo_sd:.2f} "
                   f"({scale.n_pseudo} of its own titles, headings and questions)")
        click.echo(f"questions it does not answer score {scale.background_mean:.2f} ± {scale.background_sd:.2f} "
                   f"({scale.n_background} other businesses' questions)")
    click.echo(f"grounded at confidence ≥ {current.operating_point:.2f} ({current.operating_point_source})")


@kb.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@remote_options
@pass_app
def learn(app, as_json, remote):
    """Learn now: customer questions agents answered with an article (or declined) become searchable."""
    import msgspec

    from backend.services import learning

    if remote:
        report = msgspec.convert(remote.call("POST", "/v1/kb/learn"), learning.LearnReport)
    else:
        report = learning.learn(app.runtime)
    if as_json:
        print_json(report)
        return
    click.echo(report.summary())
    click.echo("now: " + ", ".join(f"{n} {status}" for status, n in sorted(report.total.items())))


@kb.group(invoke_without_command=True)
@click.option("--article", "article_id", help="Only the questions learned for this article id.")
@click.option("--status", type=click.Choice(("learned", "declined", "conflict", "kept")), help="Only this status.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many (newest first).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@remote_options
@pass_app
@click.pass_context
def learned(ctx, app, article_id, status, limit, as_json, remote):
    """List learned questions; `remove ID` forgets one, `keep ID` keeps it as KB content."""
    if ctx.invoked_subcommand is not None:
        return
    if remote:
        rows = remote.call("GET", "/v1/kb/learned", params={"article": article_id, "status": status, "limit": limit})
    else:
        from backend.services import learning

        rows = learning.list_learned(app.runtime, article_id=article_id, status=status, limit=limit)
    if as_json:
        print_json(rows)
        return
    from cli.context import to_builtins

    data = to_builtins(rows)
    for row in data:
        click.echo(f"{row['id']}\t{row['status']}\t{row['article_id'] or '-'}\t{row['how']}\t{row['text'][:80]}")
    click.echo(f"{len(data)} learned questions")


@learned.command("remove")
@click.argument("learned_id", type=int)
@remote_options
@pass_app
def learned_remove(app, learned_id, remote):
    """Forget one learned question (retrieval stops using it within seconds)."""
    if remote:
        remote.call("DELETE", f"/v1/kb/learned/{learned_id}")
    else:
        from backend.services import learning

        learning.remove(app.runtime, learned_id)
    click.echo(f"removed learned question {learned_id}")


@learned.command("keep")
@click.argument("learned_id", type=int)
@click.option("--by", default=None, help="Who keeps it (default: your user name).")
@remote_options
@pass_app
def learned_keep(app, learned_id, by, remote):
    """Keep a learned question as KB content: purging its conversation no longer removes it."""
    if remote:
        remote.call("POST", f"/v1/kb/learned/{learned_id}/keep")
    else:
        import getpass

        from backend.services import learning

        learning.keep(app.runtime, learned_id, by=by or getpass.getuser())
    click.echo(f"kept learned question {learned_id}")
