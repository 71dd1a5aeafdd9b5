"""The one reader layer under every file Tandem imports (KB articles, past conversations, golden questions):
text decoded the same way, JSON and CSV read the same way, and one error, `FileFormatError`, that names the
file, the line when one line is to blame, and the reason a person can act on."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import msgspec

from backend.errors import InvalidInput

MAX_FILE_BYTES = 50 * 1024 * 1024


class FileFormatError(InvalidInput):
    """A file (or one line of it) could not be read; the message is "FILE: line N: REASON"."""

    def __init__(self, reason: str, *, line: int | None = None, file: str | Path | None = None) -> None:
        self.reason, self.line = reason, line
        self.file = str(file) if file is not None else None
        super().__init__(str(self))

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.located()) if part)

    def located(self) -> str:
        """The line and the reason, without the file (for reports that list the file beside it)."""
        return f"line {self.line}: {self.reason}" if self.line is not None else self.reason

    def in_file(self, file: str | Path) -> FileFormatError:
        """This error, naming `file` (an error that already names one keeps it)."""
        return self if self.file is not None else FileFormatError(self.reason, line=self.line, file=file)


class Failure(msgspec.Struct):
    """A file an import skipped, and why."""

    path: str
    reason: str


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text, refusing binary, non-UTF-8, oversized and empty files."""
    size = path.stat().st_size
    if size > max_bytes:
        raise FileFormatError(f"file is {size // (1024 * 1024)} MiB; the limit is {max_bytes // (1024 * 1024)} MiB",
                              file=path)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise FileFormatError("binary file (contains NUL bytes)", file=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (invalid byte at offset {exc.start})", file=path) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise FileFormatError("empty file", file=path)
    return text


def json_document(text: str) -> object:
    """One JSON document; a syntax error names its line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"invalid JSON ({exc.msg}, column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        raise FileFormatError("JSON nested too deeply") from None


def json_lines(text: str) -> Iterator[tuple[int, object]]:
    """(line number, value) for each non-blank line of JSON Lines text."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise FileFormatError(f"invalid JSON ({exc.msg}, column {exc.colno})", line=number) from None
        except RecursionError:
            raise FileFormatError("JSON nested too deeply", line=number) from None


def csv_rows(text: str, dialect: type[csv.Dialect] | csv.Dialect | None = None) -> tuple[list[str], list[tuple[int, dict]]]:
    """(header, [(line number, row)]) of CSV text with a header row; a row with more cells than the header,
    or malformed quoting, names its line."""
    reader = csv.DictReader(io.StringIO(text), dialect=dialect or csv.excel)
    rows: list[tuple[int, dict]] = []
    try:
        header = [name for name in (reader.fieldnames or [])]
        start = reader.line_num + 1
        for row in reader:
            if None in row:
                raise FileFormatError("more cells than header columns", line=start)
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileFormatError(f"malformed CSV ({exc})", line=reader.line_num or None) from None
    return header, rows
