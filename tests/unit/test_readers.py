"""One reader layer (backend/services/readers.py) under every imported file: each format's malformed file gives
FileFormatError naming the file, the line to blame (where one line is), and the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backend.errors import InvalidInput
from backend.services.evaluation import read_questions
from backend.services.history import read_history
from backend.services.kb_formats import read_file
from backend.services.readers import FileFormatError

GOOD = {"title": "Refunds", "body": "Refunds take five days."}

KB_CASES = [  # (file name, content, line, reason)
    ("front.md", "---\ntitle: A\ntags: [unclosed\n---\nBody text.\n", 3, "malformed front matter"),
    ("rows.csv", "title,body\nRefunds,Five days.\nOrders,Two days.,extra\n", 3, "more cells than header columns"),
    ("rows2.csv", "title,body\nRefunds,Five days.\n,Missing title\n", 3, "empty title"),
    ("quoted.csv", 'title,body\nRefunds,"Five\ndays."\nOrders,\n', 4, "empty body"),
    ("lines.jsonl", json.dumps(GOOD) + "\n\n{broken\n", 3, "invalid JSON"),
    ("lines2.jsonl", json.dumps(GOOD) + "\n[1, 2]\n", 2, "not a JSON object"),
    ("doc.json", '[\n  {"title": "A",\n   "body": }\n]\n', 3, "invalid JSON"),
    ("review.jsonl", json.dumps({**GOOD, "reviewed_at": "0000-13-99"}) + "\n", 1, "not a date"),
]


@pytest.mark.parametrize(("name", "content", "line", "reason"), KB_CASES, ids=[c[0] for c in KB_CASES])
def test_kb_files(tmp_path: Path, name: str, content: str, line: int, reason: str):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(FileFormatError) as caught:
        read_file(path, path)
    error = caught.value
    assert (error.file, error.line) == (str(path), line) and reason in error.reason, str(error)
    assert str(error).startswith(f"{path}: line {line}: ")
    assert isinstance(error, InvalidInput)  # the API and the CLI show it as the person's mistake


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("page.html", "<html><body><nav>menu</nav></body></html>", "no readable content"),
    ("binary.md", "a\x00b", "binary file"),
    ("records.json", json.dumps([GOOD, {"title": "B", "body": ""}]), "record 2: empty body"),
    ("help.json", json.dumps({"articles": [{"title": "T"}]}), "article 1: needs at least title and body"),
])
def test_kb_files_without_a_line_to_blame_name_the_file(tmp_path: Path, name: str, content: str, reason: str):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(FileFormatError) as caught:
        read_file(path, path)
    assert caught.value.file == str(path) and caught.value.line is None and reason in caught.value.reason


HISTORY_CASES = [
    ("h.jsonl", '{"messages": [{"role": "customer", "text": "hi"}]}\n{nope\n', 2, "invalid JSON"),
    ("h2.jsonl", '{"messages": [{"role": "customer", "text": "hi"}]}\n{"messages": [{"role": "agent"}]}\n', 2,
     "message 0 needs a 'text' string"),
    ("h.csv", "ticket,role,text\nT1,customer,hi\n,agent,hello\n", 3, "empty ticket"),
    ("h2.csv", "role,text\ncustomer,hi\n", 1, "CSV needs columns for ticket"),
    ("h.json", '{"tickets": [\n  {"id": 1,\n   "comments": [}\n]}', 3, "invalid JSON"),
]


GOLDEN_CASES = [
    ("g.jsonl", '{"query": "a", "expected_article_id": null}\n{"query": ""}\n', 2, "missing 'expected_article_id'"),
    ("g2.jsonl", '{"query": "a", "expected_article_id": null}\n\n{oops\n', 3, "invalid JSON"),
    ("g.csv", "query,expected_article_id\nrefund?,refunds\n,refunds\n", 3, "'query' must be a non-empty string"),
    ("g2.csv", "query\nrefund?\n", 1, "needs 'query' and 'expected_article_id' columns"),
]


@pytest.mark.parametrize(("read", "name", "content", "line", "reason"),
                         [(read_history, *case) for case in HISTORY_CASES] + [(read_questions, *case) for case in GOLDEN_CASES],
                         ids=[c[0] for c in HISTORY_CASES + GOLDEN_CASES])
def test_history_and_golden_question_files(tmp_path: Path, read, name: str, content: str, line: int, reason: str):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(FileFormatError) as caught:
        read(path)
    assert (caught.value.file, caught.value.line) == (str(path), line) and reason in caught.value.reason


def test_one_error_type_for_every_reader():
    """The three readers used to raise FormatError, HistoryFormatError and InvalidInput; now all the same one."""
    import backend.services.evaluation as evaluation
    import backend.services.history as history
    import backend.services.kb_formats as kb_formats

    for module in (kb_formats, history, evaluation):
        assert not [name for name, value in vars(module).items()
                    if isinstance(value, type) and issubclass(value, Exception) and value.__module__ == module.__name__]


def test_front_matter_errors_name_the_line_in_the_file(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: A\nowner: kim\nurl: x: y\n---\nBody.\n")
    with pytest.raises(FileFormatError) as caught:
        read_file(path, path)
    assert caught.value.line == 4, str(caught.value)
