"""Knowledge-base service: import (idempotent, per-file transactions), list, show, search, remove,
reindex, export and stats. Plain Python: the CLI and the API are thin faces over these functions.

Every write commits first (taking the next KB version) and then brings this process's index up to
date from the store's change log, exactly as any other process would.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec
import numpy as np

from backend import tuning
from backend.errors import Conflict, InvalidInput, NotFound
from backend.models import Article, ArticleDetail, ArticleIn, ArticleSummary, ChunkOut, Hit
from backend.retrieval.calibration import Calibration
from backend.retrieval.chunking import chunk_body
from backend.retrieval.embed import passage_text
from backend.retrieval.index import Manifest, read_manifest
from backend.services.kb_formats import FieldMap, expand_paths, read_file, review_date, slugify
from backend.services.readers import Failure, FileFormatError
from backend.services.runtime import Runtime
from backend.store import kb as kb_store

DEFAULT_SOURCE = "local"
EMBED_GROUP = 1024


class ArticleNotFound(NotFound):
    """No article has that id (in that source)."""


class AmbiguousArticle(Conflict):
    """Several sources hold an article with that id: name the source."""


class ImportReport(msgspec.Struct, kw_only=True):
    """What one `kb import` did; `failed` lists files that were not imported and why."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    files: int = 0
    failed: list[Failure] = msgspec.field(default_factory=list)
    notes: list[str] = msgspec.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """The one-line summary printed after an import."""
        line = (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed")
        return line + (f", {self.removed} removed" if self.removed else "") + f" ({self.files} files)"


class IndexState(msgspec.Struct, kw_only=True):
    embedder: str
    dim: int
    count: int
    kind: str
    kb_version: int
    path: str


class Stats(msgspec.Struct, kw_only=True):
    """`tandem kb stats --json`: counts, the published index and the grounding calibration."""

    articles: int
    chunks: int
    tokens: int
    sources: list[kb_store.SourceStats]
    cached_vectors: dict[str, int]
    kb_version: int
    index: IndexState | None
    calibration: Calibration


def content_hash(article: ArticleIn) -> str:
    """Hash of everything that changes what an article says or where it points."""
    payload = json.dumps([article.title, article.body, article.url, list(article.tags),
                          article.status or "published"], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # never part of an id, a title or a tag (NUL cannot even be stored
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # in PostgreSQL); a body keeps tabs and newlines


def _normalize(article: ArticleIn, source: str) -> ArticleIn:
    """An article as stored: control characters dropped (an id "a\\x00b" is the id "ab"), whitespace tidied."""
    external_id, clean_source = _CONTROL.sub("", article.external_id).strip(), _CONTROL.sub("", source).strip()
    if not external_id or not clean_source:
        raise InvalidInput(f"article id {article.external_id!r} or source {source!r} has nothing but control "
                           f"characters and spaces")
    try:  # a review date that is no calendar date ("0000-13-99") would break every due date computed from it
        reviewed_at = review_date(article.reviewed_at) if article.reviewed_at else None
    except FileFormatError as exc:
        raise InvalidInput(f"article {external_id!r}: {exc.reason}") from None
    return msgspec.structs.replace(
        article, source=clean_source, external_id=external_id, reviewed_at=reviewed_at,
        title=re.sub(r"\s+", " ", _CONTROL.sub(" ", article.title)).strip(),
        body=_BODY_CONTROL.sub("", article.body.replace("\r\n", "\n")).strip(),
        url=_CONTROL.sub("", article.url).strip() or None if article.url else None,
        tags=[tag for tag in (_CONTROL.sub("", t).strip() for t in article.tags) if tag])


def read_articles(paths: list[Path], report: ImportReport, *, source: str | None = None, fmt: str = "auto",
                  fields: FieldMap | None = None,
                  seen: dict[tuple[str, str], str] | None = None) -> Iterator[tuple[Path, list[ArticleIn] | None]]:
    """(file, its articles as stored) for every file named or inside a named folder; None for a file that cannot
    be read or repeats an article id of another file (or of itself), recorded in `report.failed`. Local and
    remote imports both read through here, so both refuse the same files."""
    seen = {} if seen is None else seen  # (source, article id) -> the file it came from
    for path in paths:
        if not path.exists() and not path.is_symlink():
            report.failed.append(Failure(str(path), "no such file or folder"))
    files = expand_paths([p for p in paths if p.exists() or p.is_symlink()], fmt)
    report.files = len(files)
    for path, root in files:
        error = None
        try:
            articles = [_normalize(a, source or a.source or DEFAULT_SOURCE) for a in read_file(path, root, fmt, fields)]
            _check_unique(articles, path, seen)
        except FileFormatError as exc:
            error = exc.located()
        except InvalidInput as exc:
            error = str(exc)
        except OSError as exc:
            error = f"cannot read: {exc.strerror or exc}"
        except RecursionError:
            error = "too deeply nested to read"
        if error:
            report.failed.append(Failure(str(path), error))
            yield path, None
        else:
            yield path, articles


def _check_unique(articles: list[ArticleIn], path: Path, seen: dict[tuple[str, str], str]) -> None:
    """Refuse a file repeating an article id (the second copy would silently replace the first)."""
    mine: dict[tuple[str, str], str] = {}
    for article in articles:
        key = (article.source or DEFAULT_SOURCE, article.external_id)
        if key in seen or key in mine:
            raise FileFormatError(f"duplicate article id {article.external_id!r} (also in {seen.get(key, path)})")
        mine[key] = str(path)
    seen.update(mine)


def import_paths(rt: Runtime, paths: list[Path], *, source: str | None = None, fmt: str = "auto",
                 prune: bool = False, fields: FieldMap | None = None,
                 on_file: Callable[[Path, str | None], None] | None = None) -> ImportReport:
    """Import files and folders; each file commits on its own, bad files are reported and skipped."""
    report = ImportReport()
    seen: dict[tuple[str, str], str] = {}
    for path, articles in read_articles(paths, report, source=source, fmt=fmt, fields=fields, seen=seen):
        error = report.failed[-1].reason if articles is None else None
        if articles is not None:
            try:
                _save_articles(rt, articles, report, origin=str(path))
            except InvalidInput as exc:
                error = str(exc)
                report.failed.append(Failure(str(path), error))
        if on_file:
            on_file(path, error)
    if prune:
        if report.failed:
            report.notes.append("--prune skipped: some files failed, so absent articles may only be unreadable")
        else:
            for src in {s for s, _ in seen} or {source or DEFAULT_SOURCE}:
                stale = [row_id for ext, row_id in kb_store.external_ids(rt.db, src).items() if (src, ext) not in seen]
                report.removed += _remove_rows(rt, stale)
    rt.retriever.save()
    if report.added or report.updated or report.removed:
        from backend.services.calibration import recalibrate_all_if_stale

        recalibrate_all_if_stale(rt)
    if report.added:
        report.notes += language_advice(rt)
    return report


def language_advice(rt: Runtime) -> list[str]:
    """A note when the KB's titles read as another language than English and the embedder reads English only."""
    from backend.settings import MULTILINGUAL_EMBEDDERS
    from backend.signals.language import detect_language, language_name

    if rt.settings.embedder in MULTILINGUAL_EMBEDDERS:
        return []
    titles = [a.title for a in kb_store.article_summaries(rt.db, limit=tuning.ADVICE_SAMPLE_ARTICLES)]
    text = ". ".join(titles)
    language = detect_language(text) if len(text.split()) >= tuning.ADVICE_MIN_WORDS else "en"
    if language == "en":
        return []
    routed = ("questions are searched with a multilingual encoder instead (TANDEM_FOREIGN_EMBEDDER); "
              if rt.settings.foreign_embedder != "off" else "")
    return [f"note: the KB reads as {language_name(language)}, and the embedder {rt.settings.embedder!r} reads "
            f"English only: {routed}TANDEM_EMBEDDER={tuning.MULTILINGUAL_EMBEDDER} (pip install 'tandem[multilingual]', "
            f"then `tandem kb reindex`) searches in and across languages best (docs/benchmarks.md, customers in other "
            f"languages)"]


def upsert_articles(rt: Runtime, articles: list[ArticleIn], *, source: str) -> ImportReport:
    """Add or update articles (external_id, title, body, url, tags, status); searchable at once."""
    report = ImportReport()
    _save_articles(rt, [_normalize(a, source) for a in articles], report, origin=source)
    if report.added or report.updated:
        from backend.services.calibration import recalibrate_all_if_stale

        recalibrate_all_if_stale(rt)
    if report.added:
        report.notes += language_advice(rt)
    return report


def _save_articles(rt: Runtime, articles: list[ArticleIn], report: ImportReport, *, origin: str) -> None:
    changed: list[tuple[ArticleIn, str, bool]] = []
    for article in articles:
        digest = content_hash(article)
        existing = kb_store.find_article(rt.db, article.source or DEFAULT_SOURCE, article.external_id)
        if existing and existing.content_hash == digest:
            report.unchanged += 1
        elif existing and existing.replaced_hash == digest:
            # The source still holds the text an approved update replaced: applying it would silently undo
            # a reviewed fix, so the import keeps the store's text and says so.
            report.unchanged += 1
            report.notes.append(f"warning: {article.external_id!r} ({origin}) still has the text an approved "
                                f"update replaced; kept the updated article (edit the source to match it)")
        else:
            changed.append((msgspec.structs.replace(article, origin_path=origin), digest, existing is not None))
    if changed:
        _save_changed(rt, changed, report)
    _save_review_fields(rt, articles)


def _save_changed(rt: Runtime, changed: list[tuple[ArticleIn, str, bool]], report: ImportReport) -> None:
    settings, embedder = rt.settings, rt.retriever.embedder
    # Chunk and embed outside the transaction, then write the whole file at once. One embed call for
    # the file: a CSV/JSONL/Zendesk file holds many small articles, embedding them one by one ran the
    # model at batch size 1.
    chunked = [(article, chunk_body(article.body, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
                if article.status == "published" else []) for article, _, _ in changed]
    texts = [passage_text(article.title, c.heading_path, c.text) for article, chunks in chunked for c in chunks]
    groups = [embedder.embed(texts[i:i + EMBED_GROUP]) for i in range(0, len(texts), EMBED_GROUP)]
    all_vectors = np.concatenate(groups) if groups else embedder.embed([])
    with rt.db.transaction():
        version = kb_store.begin_change(rt.db)
        start = 0
        for (article, digest, _), (_, chunks) in zip(changed, chunked, strict=True):
            kb_store.save_article(rt.db, article, digest, chunks, version=version,
                                  vectors=all_vectors[start:start + len(chunks)], embedder=embedder.name)
            start += len(chunks)
    rt.retriever.follow(force=True)
    for _, _, was_update in changed:
        if was_update:
            report.updated += 1
        else:
            report.added += 1


def _save_review_fields(rt: Runtime, articles: list[ArticleIn]) -> None:
    """Owner, period and review date from the source; a source's older review date never replaces a newer one
    (a `kb verify` stays when the file is imported again)."""
    updates = []
    for article in articles:
        if article.owner is None and article.reviewed_at is None and article.review_every_days is None:
            continue
        existing = kb_store.find_article(rt.db, article.source or DEFAULT_SOURCE, article.external_id)
        if existing is None:
            continue
        newer = article.reviewed_at if article.reviewed_at and (
            existing.reviewed_at is None or article.reviewed_at > existing.reviewed_at) else None
        if (article.owner not in (None, existing.owner) or newer
                or article.review_every_days not in (None, existing.review_every_days)):
            updates.append((existing.row_id, article, newer))
    if updates:
        with rt.db.transaction():
            for row_id, article, newer in updates:
                kb_store.set_review(rt.db, row_id, owner=article.owner, reviewed_at=newer,
                                    review_every_days=article.review_every_days)


def due_at(article: Article | ArticleSummary, default_days: int) -> str | None:
    """When the article's next review is due (YYYY-MM-DD), or None if it was never reviewed."""
    if not article.reviewed_at:
        return None
    try:
        start = dt.date.fromisoformat(article.reviewed_at[:10])
        return (start + dt.timedelta(days=article.review_every_days or default_days)).isoformat()
    except (ValueError, OverflowError):  # a store written before dates were checked: treat as never reviewed
        return None


def verify(rt: Runtime, article_id: str, *, source: str | None = None, by: str | None = None,
           on: dt.date | None = None) -> ArticleDetail:
    """Mark an article reviewed today (by `by`): it leaves the review queue until its next due date."""
    row_id = resolve(rt, article_id, source)
    with rt.db.transaction():
        kb_store.set_review(rt.db, row_id, reviewed_at=(on or dt.date.today()).isoformat(), reviewed_by=by or "")
    found = kb_store.article_by_row(rt.db, row_id)
    assert found is not None
    detail = get_article(rt, found.article_id, source=found.source)
    assert detail is not None
    return detail


def _remove_rows(rt: Runtime, row_ids: list[int]) -> int:
    if not row_ids:
        return 0
    with rt.db.transaction():
        version = kb_store.begin_change(rt.db)
        for row_id in row_ids:
            kb_store.delete_article(rt.db, row_id, version=version)
    rt.retriever.follow(force=True)
    return len(row_ids)


def resolve(rt: Runtime, article_id: str, source: str | None = None) -> int:
    """The row of the article whose own id is `article_id` (within `source` when given)."""
    if source is not None:
        found = kb_store.find_article(rt.db, source, article_id)
        if found is None:
            raise ArticleNotFound(f"no article {article_id!r} in source {source!r}")
        return found.row_id
    matches = kb_store.articles_with_id(rt.db, article_id)
    if not matches:
        raise ArticleNotFound(f"no article with id {article_id!r}")
    if len(matches) > 1:
        raise AmbiguousArticle(f"{len(matches)} sources have an article {article_id!r} "
                               f"({', '.join(a.source for a in matches)}): name the source")
    return matches[0].row_id


def remove_articles(rt: Runtime, article_ids: list[str], *, source: str | None = None) -> tuple[list[str], list[str]]:
    """Remove articles by their own id; returns (removed ids, ids not found). Ambiguous ids raise."""
    found, missing, rows = [], [], []
    for article_id in article_ids:
        try:
            rows.append(resolve(rt, article_id, source))
            found.append(article_id)
        except ArticleNotFound:
            missing.append(article_id)
    _remove_rows(rt, rows)
    rt.retriever.save()
    if rows:
        from backend.services.calibration import recalibrate_all_if_stale

        recalibrate_all_if_stale(rt)
    return found, missing


def list_articles(rt: Runtime, *, source: str | None = None, limit: int | None = None) -> list[ArticleSummary]:
    """Articles in the scriptable `kb list --json` shape."""
    days = rt.settings.review_every_days
    return [msgspec.structs.replace(a, due_at=due_at(a, days))
            for a in kb_store.article_summaries(rt.db, source=source, limit=limit)]


def get_article(rt: Runtime, article_id: str, *, source: str | None = None) -> ArticleDetail | None:
    """One article with its chunks, or None."""
    article = kb_store.get_article(rt.db, article_id, source=source)
    if article is None:
        return None
    passages = kb_store.passages(rt.db, kb_store.chunk_ids_of(rt.db, article.row_id))
    return ArticleDetail(
        article_id=article.article_id, source=article.source, title=article.title, url=article.url, tags=article.tags,
        status=article.status, body=article.body, created_at=article.created_at, updated_at=article.updated_at,
        chunks=[ChunkOut(p.chunk_id, p.heading_path, p.text) for p in sorted(passages.values(), key=lambda p: p.ordinal)],
        owner=article.owner, reviewed_at=article.reviewed_at, reviewed_by=article.reviewed_by,
        review_every_days=article.review_every_days, due_at=due_at(article, rt.settings.review_every_days))


def search(rt: Runtime, query: str, k: int = 5) -> list[Hit]:
    """Hybrid search, one hit per article, best first (in another language: with the multilingual encoder)."""
    return rt.retriever_for(query).search(query, k=k)


class ReindexReport(msgspec.Struct):
    articles: int
    chunks: int
    embedder: str


def reindex(rt: Runtime, *, reembed: bool = False, progress: Callable[[int, int], None] | None = None) -> ReindexReport:
    """Re-chunk every article with the current settings and rebuild the vector index."""
    settings = rt.settings
    articles = kb_store.list_articles(rt.db)
    with rt.db.transaction():
        version = kb_store.begin_change(rt.db)
        for article in articles:
            incoming = ArticleIn(external_id=article.article_id, title=article.title, body=article.body,
                                 url=article.url, tags=article.tags, status=article.status, source=article.source,
                                 origin_path=article.origin_path)
            chunks = (chunk_body(article.body, max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
                      if article.status == "published" else [])
            kb_store.save_article(rt.db, incoming, article.content_hash, chunks, version=version)
    index = rt.retriever.rebuild(reembed=reembed, progress=progress)
    from backend.services.calibration import calibrate, recalibrate_all_if_stale

    calibrate(rt)
    recalibrate_all_if_stale(rt)  # the multilingual index too, once questions in other languages were searched
    return ReindexReport(len(articles), index.count, index.embedder)


def prune_change_log(rt: Runtime) -> int:
    """Forget removals older than the newest `tuning.TOMBSTONE_KEEP_VERSIONS` KB versions (a periodic job)."""
    with rt.db.transaction():
        return kb_store.prune_tombstones(rt.db, keep_versions=tuning.TOMBSTONE_KEEP_VERSIONS)


def stats(rt: Runtime) -> Stats:
    """KB counts plus the state of the published vector index and the calibration in use."""
    data = kb_store.kb_stats(rt.db)
    manifest: Manifest | None = read_manifest(rt.retriever.index_dir)
    index = None if manifest is None else IndexState(
        embedder=manifest.embedder, dim=manifest.dim, count=manifest.count, kind=manifest.kind,
        kb_version=manifest.kb_version, path=str(rt.retriever.index_dir))
    return Stats(articles=data.articles, chunks=data.chunks, tokens=data.tokens, sources=data.sources,
                 cached_vectors=data.cached_vectors, kb_version=data.kb_version, index=index,
                 calibration=rt.retriever.calibration)


def export(rt: Runtime, directory: Path, *, source: str | None = None) -> int:
    """Write every article as Markdown with front matter (`kb import` reads it back unchanged)."""
    import frontmatter

    directory.mkdir(parents=True, exist_ok=True)
    used: set[Path] = set()
    count = 0
    for article in kb_store.list_articles(rt.db, source=source):
        folder = directory / slugify(article.source)
        folder.mkdir(exist_ok=True)
        stem = slugify(article.article_id.replace("/", "--"))
        target, n = folder / f"{stem}.md", 1
        while target in used:
            n += 1
            target = folder / f"{stem}-{n}.md"
        used.add(target)
        meta: dict[str, object] = {"id": article.article_id, "title": article.title, "source": article.source}
        if article.url:
            meta["url"] = article.url
        if article.tags:
            meta["tags"] = article.tags
        if article.status != "published":
            meta["status"] = article.status
        for key in ("owner", "reviewed_at", "review_every_days"):
            if getattr(article, key) is not None:
                meta[key] = getattr(article, key)
        post = frontmatter.Post(article.body, None, **meta)
        target.write_text(frontmatter.dumps(post, sort_keys=False) + "\n", encoding="utf-8")
        count += 1
    return count
