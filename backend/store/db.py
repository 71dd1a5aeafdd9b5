"""Opening the SQLite store: WAL, foreign keys, migrations applied."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from backend.store.migrations import migrations


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the store at `path`, in WAL mode with foreign keys enforced."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 30000")
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        migrations.apply(db)
    return db


class ThreadLocalDatabase:
    """One SQLite connection per thread behind one object: API worker threads never share a connection.

    Attribute access forwards to the calling thread's `sqlite_utils.Database` (opened on first use).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._all: list[sqlite_utils.Database] = []
        self._lock = threading.Lock()
        self._current()  # opens and migrates once, in the creating thread

    def _current(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            with self._lock:
                db = open_database(self.path, migrate=not self._all)
                self._all.append(db)
            self._local.db = db
        return db

    def __getattr__(self, name: str):
        return getattr(self._current(), name)

    def close(self) -> None:
        """Close every thread's connection."""
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


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
