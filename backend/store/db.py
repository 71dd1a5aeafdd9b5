"""The store's connection: one small interface over SQLite (embedded default) and PostgreSQL.

SQL everywhere in backend/store/ is written once with `?` placeholders; `Database` runs it on either
backend. Only the few statements that differ (full-text search, JSON in reports, DDL) branch on
`db.dialect`. Services never see a connection: they call store functions inside `db.transaction()`.

SQLite: one connection per thread, WAL, foreign keys on; write transactions begin IMMEDIATE so two
writers queue on the lock (busy timeout) instead of failing with "database is locked" on upgrade.
PostgreSQL: a psycopg 3 connection pool; a transaction holds one pooled connection for its thread.
Text cannot hold NUL characters there, so they are dropped from text values on the way in (SQLite keeps
them; nothing Tandem stores means anything by one).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

Params = Sequence[Any] | dict[str, Any]
Dialect = Literal["sqlite", "postgres"]
BUSY_TIMEOUT_MS = 30_000


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to write-ahead logging. Processes opening a new store at once can be refused outright:
    SQLite does not wait on its busy handler for a journal-mode change it could deadlock on, so wait here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


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

    def info(self) -> dict[str, Any]:
        """Where the store is (never a password)."""
        raise NotImplementedError

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
            # The store holds conversations: a new one is its owner's alone (SQLite gives the -wal and -shm files
            # the database file's mode; a new data dir is the owner's too).
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            # isolation_level=None: no implicit BEGINs; transaction() says BEGIN IMMEDIATE itself.
            conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _use_wal(conn)
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

    def info(self) -> dict[str, Any]:
        """The file and its size."""
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return {"path": str(self.path), "sqlite_version": sqlite3.sqlite_version, "size_bytes": size}

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
        try:  # one plain connection first: a clear error now instead of a pool timeout later
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as exc:  # psycopg's errors name host and cause, never the password
            raise StoreError(f"cannot connect to PostgreSQL at {redact_url(url)}: {exc}") from exc
        self._pool = ConnectionPool(url, min_size=1, max_size=max_connections, kwargs={"autocommit": True},
                                    open=True, timeout=30, name="tandem")

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
            return conn.execute(self._sql(sql), _without_nul(params))
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
                cursor.executemany(self._sql(sql), [_without_nul(r) for r in rows])
            except self._psycopg.errors.IntegrityError as exc:
                raise IntegrityError(str(exc)) from exc

    def stream(self, sql: str, params: Params = (), batch: int = 2000) -> Iterator[tuple]:
        # Binary results: bulk reads are mostly vectors, and bytea in text form is hex (twice the bytes, then
        # decoded); binary halves the time to load 100k vectors. A named (server-side) cursor needs a transaction. Inside this thread's transaction it uses that
        # connection; otherwise it holds a pooled connection of its own in a read-only snapshot, and never
        # touches the thread's state: a generator may be resumed on another thread (streamed responses).
        name = f"tandem_stream_{next(_savepoints)}"
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with conn.cursor(name=name) as cursor:
                cursor.itersize = batch
                cursor.execute(self._sql(sql), _without_nul(params), binary=True)
                yield from cursor
            return
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            with conn.cursor(name=name) as cursor:
                cursor.itersize = batch
                cursor.execute(self._sql(sql), _without_nul(params), binary=True)
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

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        """Bulk-load rows with COPY (inside this thread's transaction when there is one); returns how many."""
        count = 0
        with self._connection() as conn, conn.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_without_nul(row))
                count += 1
        return count

    def info(self) -> dict[str, Any]:
        """Server, database and user of this store (never the password)."""
        row = self.row("SELECT current_database(), current_user, split_part(version(), ' ', 2), "
                       "pg_database_size(current_database())")
        assert row is not None
        return {"url": redact_url(self.url), "database": row[0], "user": row[1], "server_version": row[2],
                "size_bytes": int(row[3]), "driver": driver()}

    def close(self) -> None:
        self._pool.close()


def driver() -> str:
    """psycopg's version and implementation: "binary" or "c" is fast; "python" (psycopg-binary missing) costs
    about twice the time per statement."""
    import psycopg

    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"


def _without_nul(params: Params) -> Params:
    """Parameters with NUL characters dropped from text values (PostgreSQL text cannot hold them)."""
    if isinstance(params, dict):
        if any(isinstance(v, str) and "\x00" in v for v in params.values()):
            return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in params.items()}
        return params
    if any(isinstance(v, str) and "\x00" in v for v in params):
        return [v.replace("\x00", "") if isinstance(v, str) else v for v in params]
    return params


def redact_url(url: str) -> str:
    """A PostgreSQL URL with any password replaced by ***, for logs and `tandem db check`."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname or ''}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


# ---- opening ----------------------------------------------------------------------------------------------

def is_postgres_url(url_or_path: str | Path) -> bool:
    """Whether this names a PostgreSQL database (else it is a SQLite file path)."""
    return str(url_or_path).startswith(("postgresql://", "postgres://"))


def open_database(url_or_path: str | Path) -> Database:
    """The store named by a PostgreSQL URL or a SQLite file path, as it is (no migrations, no schema check)."""
    if is_postgres_url(url_or_path):
        return PostgresDatabase(str(url_or_path))
    return SQLiteDatabase(Path(url_or_path))


def connect(url_or_path: str | Path, *, migrate: bool = True) -> Database:
    """Open the store named by a PostgreSQL URL or a SQLite file path; migrations applied once, under a lock."""
    from backend.store import migrations

    db = open_database(url_or_path)
    try:
        if migrate:
            migrations.apply(db)
        else:
            migrations.check_current(db)
    except BaseException:
        db.close()
        raise
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
