"""Opening the SQLite store: WAL, foreign keys, migrations applied."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from backend.store.migrations import migrations


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the store at `path`, in WAL mode with foreign keys enforced."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # check_same_thread=False: the API hands the connection to a worker thread; access is serialized there.
    import sqlite3

    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        migrations.apply(db)
    return db


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One atomic unit of work (nested calls become savepoints)."""
    with db.atomic():
        yield db


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    """Read one value from the key/value meta table."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Write one value to the key/value meta table."""
    db.execute("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, value])
