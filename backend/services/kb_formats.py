"""Readers for knowledge-base sources: Markdown with front matter, HTML, text, CSV, JSONL, Zendesk export.

Each reader turns one file into `ArticleIn` records; bodies are Markdown-ish text so that chunking can
keep headings, lists and tables. A file that cannot be read raises `FileFormatError` (backend/services/
readers.py) naming the file, the line when one is to blame, and a reason a person can act on. Files are untrusted: YAML aliases (which expand a few hundred bytes into megabytes) are
refused, deep HTML nesting is flattened instead of recursed, titles and ids are bounded, and folders
are walked without following links out of them or into hidden folders.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from backend.models import IMPORT_FORMATS, ArticleIn
from backend.services.readers import FileFormatError, csv_rows, json_document, json_lines, read_text

FORMATS = IMPORT_FORMATS
EXTENSIONS = {
    ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt", ".text": "txt",
    ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}
MAX_TITLE_CHARS = 500
MAX_ID_CHARS = 300
MAX_FRONT_MATTER_CHARS = 20_000
MAX_HTML_DEPTH = 60  # deeper elements are read as plain text, never recursed into

# Elements that are never article content.
_BOILERPLATE = (
    "script, style, noscript, template, iframe, svg, canvas, form, button, input, select, nav, header, "
    "footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], "
    ".breadcrumbs, .breadcrumb, .sidebar, .nav, .navbar, .menu, .cookie, .cookie-banner, .skip-link, "
    ".article-votes, .article-comments, .related-articles, .share"
)
# Where the main content usually is, most specific first.
_MAIN = ("article .article-body", "[itemprop=articleBody]", "main article", "article", "main", "[role=main]",
         "#content", ".content", "body")


@dataclass
class FieldMap:
    """Which record fields (CSV columns, JSON keys) hold each article field; None means guess."""

    id: str | None = None
    title: str | None = None
    body: str | None = None
    url: str | None = None
    tags: str | None = None
    owner: str | None = None
    reviewed_at: str | None = None
    review_every_days: str | None = None
    guesses: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "id": ("id", "article_id", "external_id", "slug", "key"),
        "title": ("title", "question", "name", "subject", "heading"),
        "body": ("body", "answer", "content", "text", "html", "body_html", "markdown", "description"),
        "url": ("url", "html_url", "link", "href"),
        "tags": ("tags", "label_names", "labels", "keywords", "categories"),
        "owner": ("owner", "article_owner"),
        "reviewed_at": ("reviewed_at", "last_reviewed", "reviewed"),
        "review_every_days": ("review_every_days", "review_days"),
    })

    def resolve(self, available: list[str]) -> dict[str, str | None]:
        """Concrete field names for these columns; raises FileFormatError if title or body is missing."""
        lower = {name.lower().strip(): name for name in available}
        out: dict[str, str | None] = {}
        for key, guesses in self.guesses.items():
            chosen = getattr(self, key)
            if chosen is not None:
                if chosen not in available:
                    raise FileFormatError(f"field {chosen!r} (--{key}-field) not found; available: {', '.join(available)}")
                out[key] = chosen
            else:
                out[key] = next((lower[g] for g in guesses if g in lower), None)
        for required in ("title", "body"):
            if out[required] is None:
                raise FileFormatError(
                    f"no {required} field: name it with --{required}-field (available: {', '.join(available)})")
        return out


def detect_format(path: Path, requested: str) -> str:
    """The reader to use for `path` (by the requested format, else by extension)."""
    if requested != "auto":
        return requested
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise FileFormatError(f"unknown file type {path.suffix or '(none)'}; use --format")
    return kind


def slugify(text: str) -> str:
    """A stable id-friendly slug."""
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")
    return slug[:120] or "article"


def _relative_id(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root) if path != root else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return "/".join(slugify(part) for part in rel.with_suffix("").parts)


def _tags(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"[,;|]", value) if t.strip()]
    if isinstance(value, list | tuple):
        return [str(t).strip() for t in value if str(t).strip()]
    return [str(value)]


def review_date(value: object, what: str = "reviewed_at") -> str | None:
    """A review date as YYYY-MM-DD (from a date, a datetime or an ISO string); FileFormatError when unreadable."""
    import datetime as dt

    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise FileFormatError(f"{what} {text[:40]!r} is not a date (YYYY-MM-DD)")


def review_period(value: object) -> int | None:
    """`review_every_days` as a positive whole number of days; FileFormatError otherwise."""
    if value is None or value == "":
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        raise FileFormatError(f"review_every_days {str(value)[:40]!r} is not a whole number of days") from None
    if days < 1:
        raise FileFormatError(f"review_every_days must be at least 1, got {days}")
    return days


def _owner(value: object) -> str | None:
    return _bounded(value, 200, "owner") or None if value not in (None, "") else None


def _first_heading(body: str) -> str | None:
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", body, flags=re.MULTILINE)
    return match.group(1).strip() if match else None


# ---- per-format readers ----------------------------------------------------------------------------


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: 419 bytes of nested aliases can expand into megabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.events.AliasEvent):
            raise yaml.YAMLError("YAML aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)


class _FrontMatter(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler, bounded and without aliases."""

    def load(self, fm: str, **kwargs: object) -> Any:
        if len(fm) > MAX_FRONT_MATTER_CHARS:
            raise ValueError(f"front matter is {len(fm)} characters; the limit is {MAX_FRONT_MATTER_CHARS}")
        return yaml.load(fm, Loader=_NoAliasLoader)


def _bounded(value: object, limit: int, what: str) -> str:
    text = str(value).strip()
    if len(text) > limit:
        raise FileFormatError(f"{what} is {len(text)} characters; the limit is {limit}")
    return text


def read_markdown(path: Path, root: Path) -> list[ArticleIn]:
    """One article from a Markdown file; front matter `id`, `title`, `url`, `tags`, `status`, `source`."""
    text = read_text(path)
    try:
        post = frontmatter.loads(text, handler=_FrontMatter())
    except (yaml.YAMLError, ValueError) as exc:
        # Where the broken construct starts (an unclosed [ is only noticed at the end), else where parsing failed.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        # YAML counts from 0 in the text after the opening "---", which begins with that line's break.
        line = mark.line + 1 if mark is not None else None
        raise FileFormatError(f"malformed front matter: {str(exc).splitlines()[0]}", line=line) from None
    meta = post.metadata if isinstance(post.metadata, dict) else {}
    body = post.content.strip()
    if not body:
        raise FileFormatError("no body text after the front matter")
    title = meta.get("title") or _first_heading(body) or path.stem.replace("-", " ").replace("_", " ")
    return [ArticleIn(
        external_id=_bounded(meta["id"], MAX_ID_CHARS, "id") if meta.get("id") not in (None, "")
        else _relative_id(path, root),
        title=_bounded(title, MAX_TITLE_CHARS, "title"),
        body=body,
        url=_bounded(meta["url"], 2000, "url") if meta.get("url") else None,
        tags=_tags(meta.get("tags")),
        status=_bounded(meta.get("status") or "published", 50, "status"),
        source=_bounded(meta["source"], 200, "source") if meta.get("source") else None,
        owner=_owner(meta.get("owner")), reviewed_at=review_date(meta.get("reviewed_at")),
        review_every_days=review_period(meta.get("review_every_days")),
    )]


def html_to_markdown(html: str) -> tuple[str | None, str]:
    """(title, Markdown body) of an HTML page's main content; scripts, navigation and chrome removed."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    h1 = tree.css_first("h1")
    title = (h1.text(strip=True) if h1 else None) or (title_node.text(strip=True) if title_node else None)
    for node in tree.css(_BOILERPLATE):
        node.decompose()
    root: LexborNode | None = next(
        (found for selector in _MAIN if (found := tree.css_first(selector)) is not None), None)
    if root is None:
        root = tree.root
    if root is None:
        return title, ""
    lines: list[str] = []
    _render(root, lines, 0)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return title, body


_BLOCK_TAGS = {"p", "div", "section", "article", "main", "blockquote", "pre", "dl", "dd", "dt", "figure",
               "figcaption", "details", "summary", "address"}


def _inline(node: LexborNode) -> str:
    text = node.text(deep=True, separator=" ", strip=False)
    return re.sub(r"\s+", " ", text).strip()


def _render(node: LexborNode, lines: list[str], depth: int) -> None:
    """Append Markdown for `node`'s children to `lines` (below MAX_HTML_DEPTH, as plain text)."""
    pending: list[str] = []
    if depth > MAX_HTML_DEPTH:
        text = _inline(node)
        if text:
            lines.extend([text, ""])
        return

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(pending)).strip()
        if text:
            lines.extend([text, ""])
        pending.clear()

    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            pending.append(child.text_content or "")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            flush()
            text = _inline(child)
            if text:
                lines.extend([f"{'#' * int(tag[1])} {text}", ""])
        elif tag in ("ul", "ol"):
            flush()
            for number, item in enumerate(child.css("li"), start=1):
                if item.parent is not None and item.parent.mem_id != child.mem_id:
                    continue  # nested lists are flattened into their parent item's text
                text = _inline(item)
                if text:
                    lines.append(f"{number}. {text}" if tag == "ol" else f"- {text}")
            lines.append("")
        elif tag == "table":
            flush()
            rows = [[_inline(cell).replace("|", "/") for cell in row.css("th, td")] for row in child.css("tr")]
            rows = [r for r in rows if any(r)]
            if rows:
                width = max(len(r) for r in rows)
                rows = [r + [""] * (width - len(r)) for r in rows]
                lines.append("| " + " | ".join(rows[0]) + " |")
                lines.append("|" + "---|" * width)
                lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
                lines.append("")
        elif tag == "br":
            pending.append("\n")
        elif tag in _BLOCK_TAGS or tag in ("li",):
            flush()
            _render(child, lines, depth + 1)
        elif tag in ("img",):
            alt = child.attributes.get("alt")
            if alt:
                pending.append(f" {alt} ")
        else:  # inline element: its text joins the running paragraph
            pending.append(child.text(deep=True, separator=" ", strip=False) or "")
    flush()


def read_html(path: Path, root: Path) -> list[ArticleIn]:
    """One article from an HTML page's main content."""
    title, body = html_to_markdown(read_text(path))
    if not body:
        raise FileFormatError("no readable content in the page")
    return [ArticleIn(external_id=_relative_id(path, root), title=(title or path.stem)[:MAX_TITLE_CHARS], body=body)]


def read_txt(path: Path, root: Path) -> list[ArticleIn]:
    """One article from plain text: a short first line is the title."""
    text = read_text(path).strip()
    first, _, rest = text.partition("\n")
    title, body = (first.strip(), rest.strip()) if len(first) <= 120 and rest.strip() else (path.stem, text)
    return [ArticleIn(external_id=_relative_id(path, root), title=title, body=body)]


def _records_to_articles(records: list[tuple[int | None, dict]], fields: FieldMap) -> list[ArticleIn]:
    """Articles from (line, record) pairs; a record with no line of its own (in a JSON list) is named by number."""
    if not records:
        raise FileFormatError("no records")
    names: list[str] = []
    for _, record in records:
        names.extend(k for k in record if k not in names)
    mapping = fields.resolve(names)
    articles = []
    for number, (line, record) in enumerate(records, start=1):
        try:
            articles.append(_record_to_article(record, mapping))
        except FileFormatError as exc:
            raise FileFormatError(exc.reason if line else f"record {number}: {exc.reason}", line=line) from None
    return articles


def _record_to_article(record: dict, mapping: dict[str, str | None]) -> ArticleIn:
    title = str(record.get(mapping["title"]) or "").strip()
    body = str(record.get(mapping["body"]) or "").strip()
    if not title or not body:
        raise FileFormatError(f"empty {'title' if not title else 'body'}")
    if "<" in body and re.search(r"</?(p|div|br|ul|ol|li|h\d|table|span|a)\b", body, re.IGNORECASE):
        body = html_to_markdown(body)[1] or body
    raw_id = record.get(mapping["id"]) if mapping["id"] else None
    if len(title) > MAX_TITLE_CHARS:
        raise FileFormatError(f"title is {len(title)} characters; the limit is {MAX_TITLE_CHARS}")
    review = {key: (parse(record.get(column)) if column else None) for key, column, parse in (
        ("owner", mapping["owner"], _owner), ("reviewed_at", mapping["reviewed_at"], review_date),
        ("review_every_days", mapping["review_every_days"], review_period))}
    return ArticleIn(
        external_id=str(raw_id).strip()[:MAX_ID_CHARS] if raw_id not in (None, "") else slugify(title),
        title=title, body=body,
        url=(str(record.get(mapping["url"]) or "") or None) if mapping["url"] else None,
        tags=_tags(record.get(mapping["tags"])) if mapping["tags"] else [],
        owner=review["owner"], reviewed_at=review["reviewed_at"],  # type: ignore[arg-type]
        review_every_days=review["review_every_days"],  # type: ignore[arg-type]
    )


def read_csv(path: Path, root: Path, fields: FieldMap) -> list[ArticleIn]:
    """One article per CSV row (header row required)."""
    text = read_text(path)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    _, rows = csv_rows(text, dialect)
    return _records_to_articles(list(rows), fields)


def read_jsonl(path: Path, root: Path, fields: FieldMap) -> list[ArticleIn]:
    """One article per JSON object line."""
    records: list[tuple[int | None, dict]] = []
    for number, record in json_lines(read_text(path)):
        if not isinstance(record, dict):
            raise FileFormatError("not a JSON object", line=number)
        records.append((number, record))
    return _records_to_articles(records, fields)


def read_json(path: Path, root: Path, fields: FieldMap, *, zendesk_only: bool = False) -> list[ArticleIn]:
    """A Zendesk Help Center export (`{"articles": [...]}`) or a JSON list of article records."""
    data = json_document(read_text(path))
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        return read_zendesk_articles(data["articles"])
    if zendesk_only:
        raise FileFormatError('not a Zendesk Help Center export: expected {"articles": [...]}')
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return _records_to_articles([(None, r) for r in data], fields)
    raise FileFormatError('expected {"articles": [...]} or a list of article objects')


def read_zendesk_articles(items: list) -> list[ArticleIn]:
    """Articles from the Help Center API shape: id, title, body (HTML), html_url, label_names, draft."""
    articles = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not item.get("title") or item.get("body") in (None, ""):
            raise FileFormatError(f"article {number}: needs at least title and body")
        _, body = html_to_markdown(str(item["body"]))
        title = str(item["title"]).strip()
        if len(title) > MAX_TITLE_CHARS:
            raise FileFormatError(f"article {number}: title is {len(title)} characters; the limit is {MAX_TITLE_CHARS}")
        url = item.get("html_url") or item.get("url")
        articles.append(ArticleIn(
            external_id=str(item.get("id") or slugify(title))[:MAX_ID_CHARS], title=title,
            body=body or str(item["body"]), url=str(url) if url else None,
            tags=_tags(item.get("label_names") or item.get("tags")),
            status="draft" if item.get("draft") else "published",
            created_at=str(item["created_at"]) if item.get("created_at") else None,
            # Help Center has no review date of its own: its last update is the last time a person looked.
            reviewed_at=_zendesk_date(item.get("updated_at"), number),
            owner=_owner(item.get("owner")),
        ))
    return articles


def _zendesk_date(value: object, number: int) -> str | None:
    try:
        return review_date(value, "updated_at")
    except FileFormatError as exc:
        raise FileFormatError(f"article {number}: {exc}") from None


def read_file(path: Path, root: Path, fmt: str = "auto", fields: FieldMap | None = None) -> list[ArticleIn]:
    """Articles in one file, using the requested reader (or one chosen by extension); FileFormatError names it."""
    try:
        return _read_file(path, root, fmt, fields or FieldMap())
    except FileFormatError as exc:
        raise exc.in_file(path) from None


def _read_file(path: Path, root: Path, fmt: str, fields: FieldMap) -> list[ArticleIn]:
    check_inside(path, root)
    kind = detect_format(path, fmt)
    if kind == "md":
        return read_markdown(path, root)
    if kind == "html":
        return read_html(path, root)
    if kind == "txt":
        return read_txt(path, root)
    if kind == "csv":
        return read_csv(path, root, fields)
    if kind == "jsonl":
        return read_jsonl(path, root, fields)
    if kind in ("json", "zendesk"):
        return read_json(path, root, fields, zendesk_only=kind == "zendesk")
    raise FileFormatError(f"unknown format {kind!r}")


def expand_paths(paths: list[Path], fmt: str = "auto") -> list[tuple[Path, Path]]:
    """(file, root) pairs for files and folders (recursively; known extensions only), sorted.

    A file named on its own is its own root. Inside a folder, hidden files and folders are skipped and
    links are not followed; a link pointing out of the folder is listed so that reading it fails with
    a reason (`check_inside`), and the rest still imports.
    """
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if not path.is_dir():
            found.append((path, path))
            continue
        outside = path.resolve()
        for folder, dirs, files in os.walk(path, followlinks=False):
            for name in sorted(dirs):
                link = Path(folder) / name
                if link.is_symlink() and not link.resolve().is_relative_to(outside):
                    found.append((link, path))
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(folder) / d).is_symlink())
            for name in sorted(files):
                file = Path(folder) / name
                if name.startswith("."):
                    continue
                if (file.is_symlink() and not file.resolve().is_relative_to(outside)) or fmt != "auto" or file.suffix.lower() in EXTENSIONS:
                    found.append((file, path))
    return sorted(found)


def check_inside(path: Path, root: Path) -> None:
    """Refuse a link that points outside the folder being imported (a file named on its own is trusted)."""
    if path != root and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise FileFormatError(f"a link to {target}, outside the folder being imported (not followed)")
