"""Moving a store from SQLite to PostgreSQL, and the store's health on either backend.

`copy_store` carries every table (ids kept) from a SQLite store into an empty PostgreSQL database in one
transaction: COPY for the rows, identity sequences moved past the copied ids, the full-text column
rebuilt from the copied chunks, and the row counts of both sides compared before it commits.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from backend.store import kb as kb_store
from backend.store import migrations
from backend.store.db import Database, PostgresDatabase, SQLiteDatabase, get_meta

# Every table, parents before children (foreign keys hold at every step of a copy).
TABLES = ("meta", "users", "articles", "chunks", "chunk_vectors", "chunk_tombstones", "conversations", "messages",
          "message_vectors", "suggestions", "feedback", "summaries", "knowledge_gaps", "llm_calls", "faq_drafts",
          "signal_events", "jobs", "sessions", "rate_windows", "learned_questions",
          "customer_links", "conversation_context", "promises", "qa_results", "qa_verdicts")
# Tables whose `id` is an identity column on PostgreSQL (the sequence must move past copied ids).
IDENTITY_TABLES = ("users", "articles", "chunks", "conversations", "messages", "feedback", "summaries",
                   "knowledge_gaps", "llm_calls", "faq_drafts", "signal_events", "learned_questions",
                   "promises", "qa_verdicts")
DERIVED_COLUMNS = {"chunks": ("search",)}  # PostgreSQL-only columns rebuilt after the copy
_SQLITE_INTERNAL = ("sqlite_", "chunks_fts", "_sqlite_migrations")
COPY_BATCH = 5000


class NotEmpty(ValueError):
    """The target database already holds data (a copy only goes into an empty database)."""


class TableCount(msgspec.Struct):
    table: str
    source: int
    target: int


def tables_of(db: Database) -> set[str]:
    """The names of the store's own tables on this backend."""
    if db.dialect == "sqlite":
        names = {r[0] for r in db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {n for n in names if not n.startswith(_SQLITE_INTERNAL)}
    return {r[0] for r in db.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                  "current_schema() AND table_type = 'BASE TABLE'")} - {"tandem_migrations"}


def columns_of(db: Database, table: str) -> list[str]:
    """Column names of a table, in order."""
    if db.dialect == "sqlite":
        return [r[1] for r in db.rows(f"PRAGMA table_info({table})")]
    return [r[0] for r in db.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                  "current_schema() AND table_name = ? ORDER BY ordinal_position", [table])]


def count_rows(db: Database, table: str) -> int:
    return int(db.value(f"SELECT count(*) FROM {table}", default=0))


def contents(db: Database) -> dict[str, int]:
    """Rows per table that hold data (meta's initial rows do not count)."""
    present = tables_of(db)
    counts = {t: count_rows(db, t) for t in TABLES if t in present}
    if "meta" in counts:
        counts["meta"] = int(db.value("SELECT count(*) FROM meta WHERE NOT (key IN ('kb_version', "
                                      "'tombstone_horizon', 'learned_version') AND value = '0')", default=0))
    return counts


def check_empty(target: PostgresDatabase) -> None:
    """Raise NotEmpty unless the target holds no Tandem data and no tables of anything else."""
    foreign = sorted(tables_of(target) - set(TABLES))
    if foreign:
        raise NotEmpty(f"the target database is not empty: it has other tables ({', '.join(foreign[:5])}); "
                       "copy into a new, empty database")
    filled = {t: n for t, n in contents(target).items() if n}
    if filled:
        listed = ", ".join(f"{t}: {n}" for t, n in sorted(filled.items()))
        raise NotEmpty(f"the target database is not empty ({listed}); copy into a new, empty database")


def copy_store(source: SQLiteDatabase, target: PostgresDatabase,
               progress: Callable[[str, int], None] | None = None) -> list[TableCount]:
    """Copy every table from `source` into the empty, migrated `target` in one transaction; returns the counts
    (raises, leaving the target as it was, when any table's count differs)."""
    drift = tables_of(source) ^ set(TABLES) | tables_of(target) ^ set(TABLES)
    if drift:
        raise RuntimeError(f"the copy does not know tables {sorted(drift)}: update backend/store/copy.py")
    check_empty(target)
    counts: list[TableCount] = []
    with source.transaction(write=False), target.transaction():
        for table in TABLES:
            derived = DERIVED_COLUMNS.get(table, ())
            columns = [c for c in columns_of(target, table) if c not in derived]
            missing = set(columns) - set(columns_of(source, table))
            if missing:
                raise RuntimeError(f"the source's {table} lacks columns {sorted(missing)}")
            select = f"SELECT {', '.join(columns)} FROM {table}"
            if table == "meta":  # the target's initial rows are overwritten by the source's
                target.run_many("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                                "value = excluded.value", source.rows(select))
            elif derived:  # COPY an empty search vector; rebuilt below from the copied rows
                target.copy_rows(table, [*columns, *derived],
                                 (tuple(row) + ("",) * len(derived) for row in source.stream(select, batch=COPY_BATCH)))
            else:
                target.copy_rows(table, columns, source.stream(select, batch=COPY_BATCH))
            counts.append(TableCount(table, count_rows(source, table), count_rows(target, table)))
            if progress:
                progress(table, counts[-1].target)
        for table in IDENTITY_TABLES:
            reset_identity(target, table)
        rebuild_search(target)
        wrong = [c for c in counts if c.source != c.target]
        if wrong:
            raise RuntimeError(f"row counts differ after the copy: {wrong}")
    target.run("ANALYZE")
    return counts


def reset_identity(db: Database, table: str) -> None:
    """Move a table's identity sequence past its largest id (rows were inserted with their ids)."""
    db.value(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false) FROM {table}")


def rebuild_search(db: Database) -> int:
    """Recompute PostgreSQL's full-text column of every chunk from its title, headings and text."""
    vector = kb_store.SEARCH_VECTOR.format(title="a.title", heading="c.heading_path", text="c.text")
    return db.run(f"UPDATE chunks c SET search = {vector} FROM articles a WHERE a.id = c.article_id")


# ---- health -------------------------------------------------------------------------------------------------

class StoreHealth(msgspec.Struct, kw_only=True):
    """`tandem db check`: what the store is, whether its schema is current and its data consistent."""

    dialect: str
    connection: dict
    applied: list[str]
    pending: list[str]
    counts: dict[str, int]
    kb_version: int | None
    tombstone_horizon: int | None
    orphans: dict[str, int]
    integrity: str | None  # SQLite's integrity_check ("ok"); None on PostgreSQL (the server checks pages)
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


# (name, SQL counting rows whose parent is gone); foreign keys prevent these, a damaged or hand-edited store not
ORPHANS = (
    ("chunks without article", "SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM articles a "
                               "WHERE a.id = c.article_id)"),
    ("vectors without chunk", "SELECT count(*) FROM chunk_vectors v WHERE NOT EXISTS (SELECT 1 FROM chunks c "
                              "WHERE c.id = v.chunk_id)"),
    ("messages without conversation", "SELECT count(*) FROM messages m WHERE NOT EXISTS (SELECT 1 FROM conversations c "
                                      "WHERE c.id = m.conversation_id)"),
    ("feedback without suggestion", "SELECT count(*) FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM suggestions s "
                                    "WHERE s.id = f.suggestion_id)"),
    ("summaries without conversation", "SELECT count(*) FROM summaries s WHERE NOT EXISTS (SELECT 1 FROM conversations c "
                                       "WHERE c.id = s.conversation_id)"),
)
SQLITE_ORPHANS = (
    ("chunks without search row", "SELECT count(*) FROM chunks c WHERE NOT EXISTS (SELECT 1 FROM chunks_fts f "
                                  "WHERE f.rowid = c.id)"),
    ("search rows without chunk", "SELECT count(*) FROM chunks_fts f WHERE NOT EXISTS (SELECT 1 FROM chunks c "
                                  "WHERE c.id = f.rowid)"),
)
POSTGRES_ORPHANS = (
    ("chunks without search terms", "SELECT count(*) FROM chunks WHERE length(search) = 0 "
                                    "AND length(to_tsvector('english', text)) > 0"),
)


def health(db: Database) -> StoreHealth:
    """Check the store: schema, counts, the KB change log and orphans (a read; it changes nothing)."""
    pending = migrations.pending(db)
    names = [n for n, _ in (migrations.SQLITE_MIGRATIONS if db.dialect == "sqlite" else migrations.POSTGRES_MIGRATIONS)]
    applied = [n for n in names if n not in pending]
    problems = [f"migrations pending: {', '.join(pending)} (run `tandem db migrate`)"] if pending else []
    present = tables_of(db)
    counts = {t: count_rows(db, t) for t in TABLES if t in present}
    orphans: dict[str, int] = {}
    kb_version = horizon = None
    integrity = None
    if not pending:
        with db.transaction(write=False):
            kb_version = kb_store.kb_version(db)
            horizon = int(get_meta(db, "tombstone_horizon", "0") or 0)
            newest_chunk = int(db.value("SELECT max(kb_version) FROM chunks", default=0))
            newest_tombstone = int(db.value("SELECT max(kb_version) FROM chunk_tombstones", default=0))
            below_horizon = int(db.value("SELECT count(*) FROM chunk_tombstones WHERE kb_version <= ?", [horizon], 0))
            checks = ORPHANS + (SQLITE_ORPHANS if db.dialect == "sqlite" else POSTGRES_ORPHANS)
            orphans = {name: int(db.value(sql, default=0)) for name, sql in checks}
        if horizon > kb_version:
            problems.append(f"tombstone horizon {horizon} is ahead of KB version {kb_version}")
        if max(newest_chunk, newest_tombstone) > kb_version:
            problems.append(f"changes at KB version {max(newest_chunk, newest_tombstone)} are newer than the "
                            f"committed KB version {kb_version}: indexes would miss them")
        if below_horizon:
            problems.append(f"{below_horizon} tombstones are older than the horizon {horizon} (pruning stopped "
                            "half-way)")
        problems += [f"{n} {name}" for name, n in orphans.items() if n]
    if db.dialect == "sqlite":
        found = [r[0] for r in db.rows("PRAGMA integrity_check")]
        integrity = "; ".join(found[:10])
        if found != ["ok"]:
            problems.append(f"integrity_check: {integrity}")
        broken = db.rows("PRAGMA foreign_key_check")
        if broken:
            problems.append(f"{len(broken)} rows break foreign keys (first: {tuple(broken[0])})")
    return StoreHealth(dialect=db.dialect, connection=db.info(), applied=applied, pending=pending, counts=counts,
                       kb_version=kb_version, tombstone_horizon=horizon, orphans=orphans, integrity=integrity,
                       problems=problems)
