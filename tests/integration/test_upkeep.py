"""Knowledge upkeep: owners and review dates, `kb verify`, the review queue, drift from what agents say,
update drafts through approval, and the re-import warning (issue 27)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from backend.services import kb as kb_service
from backend.services.kb_formats import FormatError, read_file
from tests.conftest import CLI

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "upkeep"


def _md(folder: Path, name: str, front: str, body: str) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    return path


def test_front_matter_review_fields(tmp_path):
    path = _md(tmp_path, "a", "id: a\ntitle: A\nowner: Ana\nreviewed_at: 2026-09-01\nreview_every_days: 90", "Body.")
    (article,) = read_file(path, tmp_path)
    assert (article.owner, article.reviewed_at, article.review_every_days) == ("Ana", "2026-09-01", 90)
    bad = _md(tmp_path, "b", "id: b\nreviewed_at: last spring", "Body.")
    with pytest.raises(FormatError, match="not a date"):
        read_file(bad, tmp_path)


def test_csv_and_zendesk_review_fields(tmp_path):
    csv_path = tmp_path / "kb.csv"
    csv_path.write_text("id,title,body,owner,reviewed_at\nx,Title,Body text,Ben,2026-10-02T08:00:00Z\n")
    (row,) = read_file(csv_path, tmp_path)
    assert (row.owner, row.reviewed_at) == ("Ben", "2026-10-02")
    zendesk = tmp_path / "hc.json"
    zendesk.write_text(json.dumps({"articles": [{"id": 7, "title": "Zed", "body": "<p>Zed body</p>",
                                                 "updated_at": "2026-08-15T12:30:00Z"}]}))
    (article,) = read_file(zendesk, tmp_path, "zendesk")
    assert article.reviewed_at == "2026-08-15"


def test_verify_and_overdue(tmp_path, runtime):
    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "old", "id: old\ntitle: Old\nowner: Ana\nreviewed_at: 2025-01-10", "Old article text.")
    _md(kb, "new", "id: new\ntitle: New\nreview_every_days: 30", "New article text.")
    kb_service.import_paths(runtime, [kb])
    listed = {a.article_id: a for a in kb_service.list_articles(runtime)}
    assert listed["old"].due_at == "2025-07-09"  # 180 days, the default period
    assert listed["new"].reviewed_at is None and listed["new"].due_at is None
    detail = kb_service.verify(runtime, "new", by="Ben", on=dt.date(2026, 12, 1))
    assert (detail.reviewed_at, detail.reviewed_by, detail.due_at) == ("2026-12-01", "Ben", "2026-12-31")
    # Importing the file again keeps the newer review date (the file has none, or an older one).
    kb_service.import_paths(runtime, [kb])
    assert kb_service.get_article(runtime, "new").reviewed_at == "2026-12-01"  # type: ignore[union-attr]
    with pytest.raises(kb_service.ArticleNotFound):
        kb_service.verify(runtime, "missing")


def test_cli_verify_and_show(tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    _md(kb, "a", "id: a\ntitle: Alpha\nowner: Ana", "Alpha text.")
    cli = CLI(tmp_path / "data")
    cli.run("kb", "import", str(kb))
    out = cli.run("kb", "verify", "a", "--by", "Ana").stdout
    assert f"reviewed {dt.date.today().isoformat()} by Ana" in out
    shown = json.loads(cli.run("kb", "show", "a", "--json").stdout)
    assert shown["owner"] == "Ana" and shown["reviewed_by"] == "Ana" and shown["due_at"]
    listed = json.loads(cli.run("kb", "list", "--json").stdout)
    assert listed[0]["reviewed_at"] == dt.date.today().isoformat()
