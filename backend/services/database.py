"""Operating the store: apply migrations, check its health, and move a SQLite store up to PostgreSQL.

Plain Python over backend.store (the CLI's `tandem db` is a thin face over these functions).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from backend.errors import InvalidInput
from backend.settings import Settings
from backend.store import copy as copy_store
from backend.store import migrations
from backend.store.db import (
    PostgresDatabase,
    SQLiteDatabase,
    StoreError,
    is_postgres_url,
    open_database,
    redact_url,
)


class CopyReport(msgspec.Struct, kw_only=True):
    """What `tandem db copy` did: rows per table on both sides (equal, or nothing was committed)."""

    source: str
    target: str
    tables: list[copy_store.TableCount]
    rows: int
    seconds: float


def migrate(settings: Settings) -> list[str]:
    """Apply pending migrations to the configured store (once, under a lock); returns what was applied."""
    db = open_database(settings.store_url)
    try:
        return migrations.apply(db)
    finally:
        db.close()


def check(settings: Settings) -> copy_store.StoreHealth:
    """The configured store's health; it is read as it is (no migrations applied)."""
    db = open_database(settings.store_url)
    try:
        return copy_store.health(db)
    finally:
        db.close()


def copy_to(settings: Settings, target_url: str, *, source_path: Path | None = None,
            progress: Callable[[str, int], None] | None = None) -> CopyReport:
    """Copy the SQLite store (the data dir's, or `source_path`) into an empty PostgreSQL database."""
    import time

    if not is_postgres_url(target_url):
        raise InvalidInput("--to must be a postgresql:// URL")
    path = Path(source_path) if source_path else settings.db_path
    if not path.is_file():
        raise InvalidInput(f"no SQLite store at {path}")
    started = time.perf_counter()
    source = SQLiteDatabase(path)
    try:
        migrations.apply(source)  # an older store is brought to the schema the copy knows
        target = open_database(target_url)
        assert isinstance(target, PostgresDatabase)
        try:
            try:
                copy_store.check_empty(target)  # before creating anything in a database that is not ours
            except copy_store.NotEmpty as exc:
                raise InvalidInput(str(exc)) from exc
            migrations.apply(target)
            try:
                tables = copy_store.copy_store(source, target, progress)
            except copy_store.NotEmpty as exc:
                raise InvalidInput(str(exc)) from exc
        finally:
            target.close()
    finally:
        source.close()
    return CopyReport(source=str(path), target=redact_url(target_url), tables=tables,
                      rows=sum(t.target for t in tables), seconds=round(time.perf_counter() - started, 2))


__all__ = ["CopyReport", "StoreError", "check", "copy_to", "migrate"]
