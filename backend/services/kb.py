"""Knowledge-base service: import (idempotent, per-file transactions), list, show, search, remove,
reindex, export and stats. Plain Python: the CLI and the API are thin faces over these functions."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import numpy as np

from backend.retrieval.chunking import chunk_body
from backend.retrieval.embed import passage_text
from backend.retrieval.hybrid import Hit
from backend.retrieval.index import read_manifest
from backend.services.kb_formats import FieldMap, FormatError, expand_paths, read_file, slugify
from backend.services.runtime import Runtime
from backend.store import kb as kb_store
from backend.store.db import transaction

DEFAULT_SOURCE = "local"
EMBED_GROUP = 1024


@dataclass
class ImportReport:
    """What one `kb import` did; `failed` lists (path, reason) for files that were not imported."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    files: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """The one-line summary printed after an import."""
        line = (f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                f"{len(self.failed)} failed")
        return line + (f", {self.removed} removed" if self.removed else "") + f" ({self.files} files)"

    def as_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "removed": self.removed, "files": self.files,
                "failed": [{"path": p, "reason": r} for p, r in self.failed], "notes": self.notes}


def content_hash(article: dict) -> str:
    """Hash of everything that changes what an article says or where it points."""
    payload = json.dumps([article["title"], article["body"], article.get("url"), list(article.get("tags") or []),
                          article.get("status") or "published"], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _normalize(article: dict, source: str) -> dict:
    article = dict(article)
    article["source"] = source
    article["title"] = re.sub(r"\s+", " ", article["title"]).strip()
    article["body"] = article["body"].replace("\r\n", "\n").strip()
    article["content_hash"] = content_hash(article)
    return article


def import_paths(
    rt: Runtime,
    paths: list[Path],
    *,
    source: str | None = None,
    fmt: str = "auto",
    prune: bool = False,
    fields: FieldMap | None = None,
    on_file: Callable[[Path, str | None], None] | None = None,
) -> ImportReport:
    """Import files and folders; each file commits on its own, bad files are reported and skipped."""
    report = ImportReport()
    retriever = rt.retriever
    seen: dict[tuple[str, str], str] = {}
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        report.failed.append((str(path), "no such file or folder"))
    files = expand_paths([p for p in paths if p.exists()], fmt)
    report.files = len(files)
    for path, root in files:
        error = None
        try:
            _import_file(rt, path, root, source, fmt, fields, seen, report)
        except FormatError as exc:
            error = str(exc)
            report.failed.append((str(path), error))
        except OSError as exc:
            error = f"cannot read: {exc.strerror or exc}"
            report.failed.append((str(path), error))
        if on_file:
            on_file(path, error)
    if prune:
        if report.failed:
            report.notes.append("--prune skipped: some files failed, so absent articles may only be unreadable")
        else:
            for src in {s for s, _ in seen} or {source or DEFAULT_SOURCE}:
                stale = [row_id for ext, row_id in kb_store.external_ids(rt.db, src).items() if (src, ext) not in seen]
                report.removed += _remove_rows(rt, stale)
    retriever.save()
    return report


def _import_file(rt: Runtime, path: Path, root: Path, source: str | None, fmt: str, fields: FieldMap | None,
                 seen: dict[tuple[str, str], str], report: ImportReport) -> None:
    articles = [_normalize(a, source or a.get("source") or DEFAULT_SOURCE) for a in read_file(path, root, fmt, fields)]
    for article in articles:
        key = (article["source"], article["external_id"])
        if key in seen:
            raise FormatError(f"duplicate article id {article['external_id']!r} (also in {seen[key]})")
        seen[key] = str(path)
    _save_articles(rt, articles, report, origin=str(path))


def upsert_articles(rt: Runtime, articles: list[dict], *, source: str) -> ImportReport:
    """Add or update articles given as dicts (external_id, title, body, url, tags); indexed at once."""
    report = ImportReport()
    normalized = [_normalize({"url": None, "tags": [], "status": "published", **a}, source) for a in articles]
    _save_articles(rt, normalized, report, origin=source)
    rt.retriever.save()
    return report


def _save_articles(rt: Runtime, articles: list[dict], report: ImportReport, *, origin: str) -> None:
    changed = []
    for article in articles:
        existing = kb_store.find_article(rt.db, article["source"], article["external_id"])
        if existing and existing["content_hash"] == article["content_hash"]:
            report.unchanged += 1
        else:
            changed.append((article, existing is not None))
    if not changed:
        return
    settings, retriever = rt.settings, rt.retriever
    # Chunk and embed outside the transaction, then write the whole file at once. One embed call for
    # the whole file: a CSV/JSONL/Zendesk file holds many small articles, and embedding them one by
    # one ran the model at batch size 1.
    chunked = []
    for article, _ in changed:
        article["origin_path"] = origin
        chunked.append((article, chunk_body(article["body"], max_tokens=settings.chunk_tokens,
                                            overlap=settings.chunk_overlap)
                        if article["status"] == "published" else []))
    texts = [passage_text(article["title"], c.heading_path, c.text) for article, chunks in chunked for c in chunks]
    # Groups of EMBED_GROUP keep memory flat on huge files while still batching well.
    groups = [retriever.embedder.embed(texts[i:i + EMBED_GROUP]) for i in range(0, len(texts), EMBED_GROUP)]
    all_vectors = np.concatenate(groups) if groups else retriever.embedder.embed([])
    prepared, start = [], 0
    for article, chunks in chunked:
        prepared.append((article, chunks, all_vectors[start:start + len(chunks)]))
        start += len(chunks)
    saved = []
    with transaction(rt.db):
        for article, chunks, vectors in prepared:
            saved.append((kb_store.save_article(rt.db, article, chunks, vectors=vectors,
                                                embedder=retriever.embedder.name), vectors))
        kb_store.bump_kb_version(rt.db)
    # One remove and one add per file: each faiss remove scans the whole flat index.
    removed = [c for result, _ in saved for c in result.removed_chunk_ids]
    added = [c for result, _ in saved for c in result.added_chunk_ids]
    vectors = [v for _, v in saved if len(v)]
    retriever.apply(removed, added, np.concatenate(vectors) if vectors else None)
    for _, was_update in changed:
        if was_update:
            report.updated += 1
        else:
            report.added += 1


def _remove_rows(rt: Runtime, row_ids: list[int]) -> int:
    if not row_ids:
        return 0
    removed_chunks: list[int] = []
    with transaction(rt.db):
        for row_id in row_ids:
            removed_chunks.extend(kb_store.delete_article(rt.db, row_id))
        kb_store.bump_kb_version(rt.db)
    rt.retriever.apply(removed_chunks, [], None)
    return len(row_ids)


def remove_articles(rt: Runtime, article_ids: list[str]) -> tuple[list[str], list[str]]:
    """Remove articles by id; returns (removed ids, ids not found)."""
    found, missing = [], []
    rows = []
    for article_id in article_ids:
        article = kb_store.get_article(rt.db, article_id)
        if article is None:
            missing.append(article_id)
        else:
            found.append(article_id)
            rows.append(article["id"])
    _remove_rows(rt, rows)
    rt.retriever.save()
    return found, missing


def list_articles(rt: Runtime, *, source: str | None = None, limit: int | None = None) -> list[dict]:
    """Articles in the scriptable `kb list --json` shape."""
    return [{"article_id": a["external_id"], "source": a["source"], "title": a["title"], "url": a["url"],
             "status": a["status"], "updated_at": a["updated_at"], "tags": a["tags"]}
            for a in kb_store.list_articles(rt.db, source=source, limit=limit)]


def get_article(rt: Runtime, article_id: str) -> dict | None:
    """One article with its chunks, or None."""
    article = kb_store.get_article(rt.db, article_id)
    if article is None:
        return None
    chunks = kb_store.chunks_with_articles(rt.db, kb_store.chunk_ids_of(rt.db, article["id"]))
    return {
        "article_id": article["external_id"], "source": article["source"], "title": article["title"],
        "url": article["url"], "tags": article["tags"], "status": article["status"], "body": article["body"],
        "created_at": article["created_at"], "updated_at": article["updated_at"],
        "chunks": [{"chunk_id": c["chunk_id"], "heading_path": c["heading_path"], "text": c["text"]}
                   for c in sorted(chunks.values(), key=lambda c: c["ordinal"])],
    }


def search(rt: Runtime, query: str, k: int = 5) -> list[Hit]:
    """Hybrid search, one hit per article, best first."""
    return rt.retriever.search(query, k=k)


def reindex(rt: Runtime, *, reembed: bool = False, progress: Callable[[int, int], None] | None = None) -> dict:
    """Re-chunk every article with the current settings and rebuild the vector index."""
    settings = rt.settings
    articles = kb_store.list_articles(rt.db)
    with transaction(rt.db):
        for article in articles:
            chunks = (chunk_body(article["body"], max_tokens=settings.chunk_tokens, overlap=settings.chunk_overlap)
                      if article["status"] == "published" else [])
            kb_store.save_article(rt.db, article, chunks)
        kb_store.bump_kb_version(rt.db)
    index = rt.retriever.rebuild(reembed=reembed, progress=progress)
    return {"articles": len(articles), "chunks": index.count, "embedder": index.embedder}


def stats(rt: Runtime) -> dict:
    """KB counts plus the state of the vector index."""
    data = kb_store.kb_stats(rt.db)
    manifest = read_manifest(rt.retriever.index_dir)
    data["index"] = None if manifest is None else {
        "embedder": manifest.embedder, "dim": manifest.dim, "count": manifest.count, "kind": manifest.kind,
        "kb_version": manifest.kb_version, "path": str(rt.retriever.index_dir),
    }
    data["grounded_threshold"] = rt.retriever.threshold
    return data


def export(rt: Runtime, directory: Path, *, source: str | None = None) -> int:
    """Write every article as Markdown with front matter (`kb import` reads it back unchanged)."""
    directory.mkdir(parents=True, exist_ok=True)
    used: set[Path] = set()
    count = 0
    for article in kb_store.list_articles(rt.db, source=source):
        folder = directory / slugify(article["source"])
        folder.mkdir(exist_ok=True)
        stem = slugify(article["external_id"].replace("/", "--"))
        target, n = folder / f"{stem}.md", 1
        while target in used:
            n += 1
            target = folder / f"{stem}-{n}.md"
        used.add(target)
        meta = {"id": article["external_id"], "title": article["title"], "source": article["source"]}
        if article["url"]:
            meta["url"] = article["url"]
        if article["tags"]:
            meta["tags"] = article["tags"]
        if article["status"] != "published":
            meta["status"] = article["status"]
        post = frontmatter.Post(article["body"], **meta)
        target.write_text(frontmatter.dumps(post, sort_keys=False) + "\n", encoding="utf-8")
        count += 1
    return count
