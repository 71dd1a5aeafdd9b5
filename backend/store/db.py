"""The store's connection: one small interface over SQLite (embedded default) and PostgreSQL.

SQL everywhere in backend/store/ is written once with `?` placeholders; `Database` runs it on either
backend. Only the few statements that differ (full-text search, JSON in reports, DDL) branch on
`db.dialect`. Services never see a connection: they call store functions inside `db.transaction()`.

SQLite: one connection per thread, WAL, foreign keys on; write transactions begin IMMEDIATE so two
writers queue on the lock (busy timeout) instead of failing with "database is locked" on upgrade.
PostgreSQL: a psycopg 3 connection pool; a transaction holds one pooled connection for its thread.
"""

from __future__ import annotations

import itertools
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Params = Sequence[Any] | dict[str, Any]
Dialect = Literal["sqlite", "postgres"]
BUSY_TIMEOUT_MS = 30_000
_savepoints = itertools.count(1)


def now_iso() -> str:
    """Current UTC time as an ISO-8601 string with a Z suffix (how every timestamp is stored)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class StoreError(RuntimeError):
    """The store cannot be used as configured (unreachable server, schema from a newer Tandem)."""


class IntegrityError(ValueError):
    """A write broke a uniqueness or foreign-key rule (the same on both backends)."""


class Database:
    """Runs SQL on the store. Subclasses: SQLiteDatabase, PostgresDatabase."""

    dialect: Dialect
    url: str

    def rows(self, sql: str, params: Params = ()) -> list[tuple]:
        """All result rows."""
        raise NotImplementedError

    def row(self, sql: str, params: Params = ()) -> tuple | None:
        """The first result row, or None."""
        found = self.rows(sql, params)
        return found[0] if found else None

    def value(self, sql: str, params: Params = (), default: Any = None) -> Any:
        """The first column of the first row, or `default`."""
        found = self.row(sql, params)
        return default if found is None or found[0] is None else found[0]

    def run(self, sql: str, params: Params = ()) -> int:
        """Execute one statement; returns the number of rows it changed."""
        raise NotImplementedError

    def insert(self, sql: str, params: Params = ()) -> int:
        """Execute an INSERT ... RETURNING id and return the id."""
        found = self.rows(sql, params)
        return int(found[0][0])

    def run_many(self, sql: str, rows: Sequence[Params]) -> None:
        """Execute one statement for many parameter rows."""
        raise NotImplementedError

    def stream(self, sql: str, params: Params = (), batch: int = 2000) -> Iterator[tuple]:
        """Result rows fetched `batch` at a time (memory stays flat)."""
        raise NotImplementedError

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Database]:
        """One atomic unit of work; nested calls become savepoints. `write=False`: a consistent snapshot."""
        raise NotImplementedError
        yield self

    def close(self) -> None:
        """Close every connection."""


# ---- SQLite ------------------------------------------------------------------------------------------

class SQLiteDatabase(Database):
    """The embedded store: a SQLite file in WAL mode, one connection per thread."""

    dialect: Dialect = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: no implicit BEGINs; transaction() says BEGIN IMMEDIATE itself.
            conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
            with self._lock:
                self._all.append(conn)
            self._local.conn = conn
        return conn

    def _execute(self, sql: str, params: Params) -> sqlite3.Cursor:
        try:
            return self.connection().execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    def rows(self, sql: str, params: Params = ()) -> list[tuple]:
        return self._execute(sql, params).fetchall()

    def run(self, sql: str, params: Params = ()) -> int:
        return self._execute(sql, params).rowcount

    def run_many(self, sql: str, rows: Sequence[Params]) -> None:
        try:
            self.connection().executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    def stream(self, sql: str, params: Params = (), batch: int = 2000) -> Iterator[tuple]:
        cursor = self._execute(sql, params)
        while found := cursor.fetchmany(batch):
            yield from found

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Database]:
        conn = self.connection()
        if conn.in_transaction:
            name = f"sp_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    def utils(self) -> Any:
        """This thread's connection as a sqlite-utils Database (migrations, table introspection)."""
        import sqlite_utils

        return sqlite_utils.Database(self.connection())

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()


# ---- PostgreSQL ------------------------------------------------------------------------------------------

class PostgresDatabase(Database):
    """The shared store for many hosts: PostgreSQL through a psycopg 3 connection pool."""

    dialect: Dialect = "postgres"

    def __init__(self, url: str, *, max_connections: int = 8) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self._psycopg = psycopg
        self._local = threading.local()
        self._sql_cache: dict[str, str] = {}
        try:
            self._pool = ConnectionPool(url, min_size=1, max_size=max_connections, kwargs={"autocommit": True},
                                        open=True, timeout=30, name="tandem")
            self._pool.wait(timeout=30)
        except Exception as exc:  # psycopg's errors name host and cause; the URL's password is not printed
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc

    def _sql(self, sql: str) -> str:
        """`?` placeholders to psycopg's `%s` (a literal % is doubled)."""
        converted = self._sql_cache.get(sql)
        if converted is None:
            converted = self._sql_cache[sql] = sql.replace("%", "%%").replace("?", "%s")
        return converted

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self._pool.connection() as conn:
            yield conn

    def _execute(self, conn: Any, sql: str, params: Params) -> Any:
        try:
            return conn.execute(self._sql(sql), params)
        except self._psycopg.errors.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    def rows(self, sql: str, params: Params = ()) -> list[tuple]:
        with self._connection() as conn:
            cursor = self._execute(conn, sql, params)
            return cursor.fetchall() if cursor.description else []

    def run(self, sql: str, params: Params = ()) -> int:
        with self._connection() as conn:
            return self._execute(conn, sql, params).rowcount

    def run_many(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        with self._connection() as conn, conn.cursor() as cursor:
            try:
                cursor.executemany(self._sql(sql), rows)
            except self._psycopg.errors.IntegrityError as exc:
                raise IntegrityError(str(exc)) from exc

    def stream(self, sql: str, params: Params = (), batch: int = 2000) -> Iterator[tuple]:
        # A named (server-side) cursor needs a transaction; it holds one pooled connection meanwhile.
        with self.transaction(write=False), self._connection() as conn, \
                conn.cursor(name=f"tandem_stream_{next(_savepoints)}") as cursor:
            cursor.itersize = batch
            cursor.execute(self._sql(sql), params)
            yield from cursor

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Database]:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with conn.transaction():
                yield self
            return
        with self._pool.connection() as conn:
            self._local.conn = conn
            try:
                with conn.transaction():
                    if not write:
                        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield self
            except self._psycopg.errors.IntegrityError as exc:
                raise IntegrityError(str(exc)) from exc
            finally:
                self._local.conn = None

    @contextmanager
    def session(self) -> Iterator[Any]:
        """A dedicated connection for this thread (advisory locks live on one session)."""
        with self._pool.connection() as conn:
            previous = getattr(self._local, "conn", None)
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = previous

    def close(self) -> None:
        self._pool.close()


# ---- opening ----------------------------------------------------------------------------------------------

def connect(url_or_path: str | Path, *, migrate: bool = True) -> Database:
    """Open the store named by a PostgreSQL URL or a SQLite file path; migrations applied once, under a lock."""
    from backend.store import migrations

    text = str(url_or_path)
    db: Database
    if text.startswith(("postgresql://", "postgres://")):
        db = PostgresDatabase(text)
    else:
        db = SQLiteDatabase(Path(text))
    if migrate:
        migrations.apply(db)
    else:
        migrations.check_current(db)
    return db


def placeholders(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` values."""
    return ", ".join("?" * count)


def chunked(values: Sequence[Any], size: int = 900) -> Iterator[Sequence[Any]]:
    """Pieces of `values` small enough for one IN list (SQLite binds at most 32,766 parameters)."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def get_meta(db: Database, key: str, default: str | None = None) -> str | None:
    """Read one value from the key/value meta table."""
    return db.value("SELECT value FROM meta WHERE key = ?", [key], default)


def set_meta(db: Database, key: str, value: str) -> None:
    """Write one value to the key/value meta table."""
    db.run("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
           [key, value])
