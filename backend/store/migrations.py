"""The store's schema, as named migrations for each backend, applied once under a lock.

SQLite: a sqlite-utils `Migrations` set (new capabilities append); all pending migrations run in one
IMMEDIATE transaction, so two processes starting together cannot both apply them.
PostgreSQL: the same schema written in its dialect, applied under an advisory lock.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

    from backend.store.db import Database, PostgresDatabase, SQLiteDatabase

MIGRATION_SET = "tandem"  # the sqlite-utils migration set name (rows in _sqlite_migrations)
SQLITE_MIGRATIONS: list[tuple[str, str]] = []  # (name, script), in order


def _split(script: str) -> list[str]:
    """Split a schema script (no semicolons inside statements) into statements."""
    return [part.strip() for part in script.split(";") if part.strip()]


def _sqlite(name: str, script: str) -> None:
    SQLITE_MIGRATIONS.append((name, script))


# Articles, their chunks, FTS5 over chunks, cached chunk embeddings, and a meta table.
_sqlite("m001_knowledge_base", """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta(key, value) VALUES ('kb_version', '0');
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY, external_id TEXT NOT NULL, source TEXT NOT NULL, title TEXT NOT NULL,
            body TEXT NOT NULL, url TEXT, tags TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL DEFAULT 'published',
            origin_path TEXT, content_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            UNIQUE (source, external_id));
        CREATE INDEX articles_external_id ON articles(external_id);
        CREATE TABLE chunks (
            id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, heading_path TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
            token_count INTEGER NOT NULL, UNIQUE (article_id, ordinal));
        CREATE VIRTUAL TABLE chunks_fts USING fts5(title, heading_path, text,
            tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TABLE chunk_vectors (
            chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE, embedder TEXT NOT NULL,
            vector BLOB NOT NULL, PRIMARY KEY (chunk_id, embedder))
    """)


# Users, conversations with their messages, suggestions, feedback, summaries and knowledge gaps.
_sqlite("m002_assist", """
        CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
        CREATE TABLE conversations (id INTEGER PRIMARY KEY, helpdesk TEXT NOT NULL, ticket_id TEXT NOT NULL, url TEXT,
            subject TEXT, customer TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            UNIQUE (helpdesk, ticket_id));
        CREATE TABLE messages (id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, ordinal INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, at TEXT,
            created_at TEXT NOT NULL, UNIQUE (conversation_id, message_key));
        CREATE TABLE suggestions (id TEXT PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
            confidence REAL NOT NULL, grounded INTEGER NOT NULL, citations TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL, degraded INTEGER NOT NULL DEFAULT 0, prompt_version TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE INDEX suggestions_conversation ON suggestions(conversation_id);
        CREATE TABLE feedback (id INTEGER PRIMARY KEY,
            suggestion_id TEXT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, action TEXT NOT NULL, rating INTEGER,
            final_text TEXT, edit_distance INTEGER, created_at TEXT NOT NULL);
        CREATE TABLE summaries (id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE, body TEXT NOT NULL,
            engine TEXT NOT NULL, prompt_version TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX summaries_conversation ON summaries(conversation_id, id);
        CREATE TABLE knowledge_gaps (id INTEGER PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE, question TEXT NOT NULL,
            best_article_id TEXT, best_similarity REAL, created_at TEXT NOT NULL);
        CREATE TABLE llm_calls (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, model TEXT NOT NULL,
            purpose TEXT NOT NULL, input_tokens INTEGER, output_tokens INTEGER, cache_read_tokens INTEGER,
            cache_write_tokens INTEGER, ok INTEGER NOT NULL, error TEXT, latency_ms REAL, created_at TEXT NOT NULL)
    """)


# Message embeddings (computed once, when stored) and FAQ drafts mined from them.
_sqlite("m003_faq", """
        CREATE TABLE message_vectors (message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            embedder TEXT NOT NULL, vector BLOB NOT NULL);
        CREATE TABLE faq_drafts (id INTEGER PRIMARY KEY, status TEXT NOT NULL DEFAULT 'pending',
            question TEXT NOT NULL, answer TEXT NOT NULL, cluster_size INTEGER NOT NULL,
            member_rows TEXT NOT NULL DEFAULT '[]', member_message_ids TEXT NOT NULL DEFAULT '[]',
            example_queries TEXT NOT NULL DEFAULT '[]', source_conversation_ids TEXT NOT NULL DEFAULT '[]',
            nearest_article_id TEXT, nearest_similarity REAL, suggested_action TEXT NOT NULL, centroid BLOB NOT NULL,
            embedder TEXT NOT NULL, engine TEXT NOT NULL, article_id TEXT, reason TEXT, created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT);
        CREATE INDEX faq_drafts_status ON faq_drafts(status);
        CREATE INDEX messages_role ON messages(role, created_at)
    """)


# Who asked for summaries, the signals of each assist request, indexes for exports and reports.
_sqlite("m004_reporting", """
        ALTER TABLE summaries ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;
        CREATE TABLE signal_events (id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL, sentiment TEXT NOT NULL,
            sentiment_score REAL NOT NULL, urgency TEXT NOT NULL, escalation TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]', grounded INTEGER NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX signal_events_time ON signal_events(created_at);
        CREATE INDEX signal_events_conversation ON signal_events(conversation_id);
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE INDEX summaries_created ON summaries(created_at);
        CREATE INDEX feedback_suggestion ON feedback(suggestion_id);
        CREATE INDEX suggestions_created ON suggestions(created_at);
        CREATE INDEX knowledge_gaps_time ON knowledge_gaps(created_at)
    """)


# Conversations keyed by helpdesk + site + ticket and aged by their last message; the KB change log
# every process's index follows; job leases, dashboard sessions and rate-limit windows.
# SQLite cannot change a table's UNIQUE constraint: rebuild `conversations` (foreign keys are off while
# migrations run, so dropping the old table cascades nothing; foreign_key_check runs before COMMIT).
_sqlite("m005_coherence_and_trust", """
        CREATE TABLE conversations_new (id INTEGER PRIMARY KEY, helpdesk TEXT NOT NULL, site TEXT NOT NULL DEFAULT '',
            ticket_id TEXT NOT NULL, url TEXT, subject TEXT, customer TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_activity_at TEXT NOT NULL,
            UNIQUE (helpdesk, site, ticket_id));
        INSERT INTO conversations_new (id, helpdesk, site, ticket_id, url, subject, customer, created_at, updated_at,
            last_activity_at)
            SELECT c.id, c.helpdesk, '', c.ticket_id, c.url, c.subject, c.customer, c.created_at, c.updated_at,
                coalesce((SELECT max(coalesce(m.at, m.created_at)) FROM messages m WHERE m.conversation_id = c.id),
                         c.updated_at)
            FROM conversations c;
        DROP TABLE conversations;
        ALTER TABLE conversations_new RENAME TO conversations;
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE INDEX conversations_activity ON conversations(last_activity_at);
        ALTER TABLE chunks ADD COLUMN kb_version INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX chunks_kb_version ON chunks(kb_version);
        CREATE TABLE chunk_tombstones (chunk_id INTEGER NOT NULL, kb_version INTEGER NOT NULL);
        CREATE INDEX chunk_tombstones_version ON chunk_tombstones(kb_version);
        INSERT INTO meta(key, value) SELECT 'tombstone_horizon', value FROM meta WHERE key = 'kb_version';
        CREATE TABLE jobs (name TEXT PRIMARY KEY, holder TEXT, lease_until TEXT, last_run_at TEXT);
        CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
        CREATE INDEX sessions_expiry ON sessions(expires_at);
        CREATE TABLE rate_windows (key TEXT NOT NULL, window_start INTEGER NOT NULL, hits INTEGER NOT NULL,
            PRIMARY KEY (key, window_start));
        CREATE INDEX knowledge_gaps_conversation ON knowledge_gaps(conversation_id);
        CREATE INDEX feedback_created ON feedback(created_at)
    """)


# Learned questions: customer questions agents answered with an article (or declined), from history,
# recorded conversations and feedback; `learned_version` tells every process's retriever to reload them.
# Messages keep who wrote them (`author`: an agent's display name or id).
_sqlite("m006_learned_questions", """
        CREATE TABLE learned_questions (id INTEGER PRIMARY KEY,
            article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
            reply_key TEXT NOT NULL, question_keys TEXT NOT NULL DEFAULT '[]', ticket_id TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL, status TEXT NOT NULL, how TEXT NOT NULL, answered_at TEXT,
            embedder TEXT, vector BLOB, created_at TEXT NOT NULL, kept_by TEXT, kept_at TEXT,
            UNIQUE (conversation_id, reply_key));
        CREATE INDEX learned_questions_article ON learned_questions(article_id);
        CREATE INDEX learned_questions_status ON learned_questions(status);
        INSERT INTO meta(key, value) VALUES ('learned_version', '0');
        ALTER TABLE messages ADD COLUMN author TEXT
    """)


# Who the customer is, only as keyed hashes (HMAC of the id or e-mail, scoped to helpdesk + site): the
# links between a customer's conversations, each conversation's offline summary for context, and the
# promises agents made with their due dates. Everything cascades with its conversation.
_sqlite("m007_customer_context", """
        CREATE TABLE customer_links (conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            customer_key TEXT NOT NULL, PRIMARY KEY (customer_key, conversation_id));
        CREATE INDEX customer_links_conversation ON customer_links(conversation_id);
        CREATE TABLE conversation_context (
            conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            summary TEXT NOT NULL, risk TEXT NOT NULL, escalated INTEGER NOT NULL, as_of TEXT NOT NULL);
        CREATE TABLE promises (id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, made_at TEXT NOT NULL,
            due_at TEXT NOT NULL, kept_at TEXT, kept_in INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
            UNIQUE (conversation_id, message_key, text));
        CREATE INDEX promises_made ON promises(made_at);
        CREATE INDEX promises_kept_in ON promises(kept_in)
    """)


# A user's own language for summaries (NULL: the installation's TANDEM_SUMMARY_LANGUAGE).
_sqlite("m008_user_language", """
        ALTER TABLE users ADD COLUMN language TEXT
    """)


# Knowledge upkeep: who owns an article, when a person last checked it and how often they should; the
# content hash an approved update draft replaced (a re-import of that old text is refused with a
# warning, not applied). FAQ drafts gain a kind (`new` | `update`) and the drift evidence of an update.
_sqlite("m009_knowledge_upkeep", """
        ALTER TABLE articles ADD COLUMN owner TEXT;
        ALTER TABLE articles ADD COLUMN reviewed_at TEXT;
        ALTER TABLE articles ADD COLUMN reviewed_by TEXT;
        ALTER TABLE articles ADD COLUMN review_every_days INTEGER;
        ALTER TABLE articles ADD COLUMN replaced_hash TEXT;
        ALTER TABLE faq_drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'new';
        ALTER TABLE faq_drafts ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'
    """)


# Auto-QA (issue 29): what the redactor found in each message, as kinds and counts, never values (text is
# redacted before it is stored, so a leak is detected at ingest), and each conversation's latest QA score,
# kept until a new message arrives (`scored_through` = the last activity it saw).
_sqlite("m010_auto_qa", """
        ALTER TABLE messages ADD COLUMN pii TEXT;
        CREATE TABLE qa_results (conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            scored_through TEXT NOT NULL, rubric TEXT NOT NULL, agents TEXT NOT NULL DEFAULT '[]',
            score DOUBLE PRECISION NOT NULL, flags TEXT NOT NULL DEFAULT '[]', scored_at TEXT NOT NULL);
        CREATE INDEX qa_results_through ON qa_results(scored_through)
    """)


# Reports that see imported history (issue 29): each conversation's own signals (sentiment of the customer's
# turns, escalation risk and reasons) beside its context summary, and its topic (the KB article the agent
# linked, else the grounded top hit for the customer's first question; NULL when none) with the last activity
# it was computed through (`topic_as_of`; NULL: not yet). Conversations assisted live report through their
# signal events and suggestions; these columns let history without either count too.
_sqlite("m011_history_signals", """
        ALTER TABLE conversation_context ADD COLUMN sentiment TEXT;
        ALTER TABLE conversation_context ADD COLUMN sentiment_score DOUBLE PRECISION;
        ALTER TABLE conversation_context ADD COLUMN reasons TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic_title TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic_as_of TEXT
    """)


# ---- PostgreSQL: the same schema in its dialect ----------------------------------------------------------

# Auto-QA learns from the lead (issue 29): a lead's verdict on a QA flag of one agent message (`confirm`: it was
# right; `dismiss`: it was wrong; `missed`: the message deserved it), the latest per message and flag.
_sqlite("m012_qa_verdicts", """
        CREATE TABLE qa_verdicts (id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, flag TEXT NOT NULL, verdict TEXT NOT NULL, by_user TEXT NOT NULL,
            created_at TEXT NOT NULL, UNIQUE (conversation_id, message_key, flag));
        CREATE INDEX qa_verdicts_flag ON qa_verdicts(flag)
    """)


def _bytewise(script: str) -> str:
    """Every text column compares byte by byte, as SQLite's do: ISO timestamps, ids and names then sort and
    compare the same on both backends, whatever the database's locale (a locale collation ignores
    punctuation and orders '2026-01-01T10:00:00.5Z' before '2026-01-01T10:00:00Z')."""
    return re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', script)


POSTGRES_MIGRATIONS: list[tuple[str, str]] = [
    ("pg001_schema", _bytewise("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta(key, value) VALUES ('kb_version', '0'), ('tombstone_horizon', '0');
        CREATE TABLE articles (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, external_id TEXT NOT NULL,
            source TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, url TEXT, tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'published', origin_path TEXT, content_hash TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (source, external_id));
        CREATE INDEX articles_external_id ON articles(external_id);
        CREATE TABLE chunks (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
            heading_path TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, token_count INTEGER NOT NULL,
            kb_version BIGINT NOT NULL DEFAULT 0, search TSVECTOR NOT NULL, UNIQUE (article_id, ordinal));
        CREATE INDEX chunks_kb_version ON chunks(kb_version);
        CREATE INDEX chunks_search ON chunks USING GIN (search);
        CREATE TABLE chunk_vectors (chunk_id BIGINT NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
            embedder TEXT NOT NULL, vector BYTEA NOT NULL, PRIMARY KEY (chunk_id, embedder));
        CREATE TABLE chunk_tombstones (chunk_id BIGINT NOT NULL, kb_version BIGINT NOT NULL);
        CREATE INDEX chunk_tombstones_version ON chunk_tombstones(kb_version);
        CREATE TABLE users (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
        CREATE TABLE conversations (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, helpdesk TEXT NOT NULL,
            site TEXT NOT NULL DEFAULT '', ticket_id TEXT NOT NULL, url TEXT, subject TEXT,
            customer TEXT NOT NULL DEFAULT '{}', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
            last_activity_at TEXT NOT NULL, UNIQUE (helpdesk, site, ticket_id));
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE INDEX conversations_activity ON conversations(last_activity_at);
        CREATE TABLE messages (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, ordinal INTEGER NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, at TEXT,
            created_at TEXT NOT NULL, UNIQUE (conversation_id, message_key));
        CREATE INDEX messages_role ON messages(role, created_at);
        CREATE TABLE suggestions (id TEXT PRIMARY KEY,
            conversation_id BIGINT REFERENCES conversations(id) ON DELETE CASCADE,
            user_id BIGINT REFERENCES users(id) ON DELETE SET NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL, grounded INTEGER NOT NULL, citations TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL, degraded INTEGER NOT NULL DEFAULT 0, prompt_version TEXT NOT NULL,
            created_at TEXT NOT NULL);
        CREATE INDEX suggestions_conversation ON suggestions(conversation_id);
        CREATE INDEX suggestions_created ON suggestions(created_at);
        CREATE TABLE feedback (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            suggestion_id TEXT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
            user_id BIGINT REFERENCES users(id) ON DELETE SET NULL, action TEXT NOT NULL, rating INTEGER,
            final_text TEXT, edit_distance INTEGER, created_at TEXT NOT NULL);
        CREATE INDEX feedback_suggestion ON feedback(suggestion_id);
        CREATE INDEX feedback_created ON feedback(created_at);
        CREATE TABLE summaries (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE, body TEXT NOT NULL,
            engine TEXT NOT NULL, prompt_version TEXT NOT NULL, created_at TEXT NOT NULL,
            user_id BIGINT REFERENCES users(id) ON DELETE SET NULL);
        CREATE INDEX summaries_conversation ON summaries(conversation_id, id);
        CREATE INDEX summaries_created ON summaries(created_at);
        CREATE TABLE knowledge_gaps (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT REFERENCES conversations(id) ON DELETE CASCADE, question TEXT NOT NULL,
            best_article_id TEXT, best_similarity DOUBLE PRECISION, created_at TEXT NOT NULL);
        CREATE INDEX knowledge_gaps_time ON knowledge_gaps(created_at);
        CREATE INDEX knowledge_gaps_conversation ON knowledge_gaps(conversation_id);
        CREATE TABLE llm_calls (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, provider TEXT NOT NULL,
            model TEXT NOT NULL, purpose TEXT NOT NULL, input_tokens INTEGER, output_tokens INTEGER,
            cache_read_tokens INTEGER, cache_write_tokens INTEGER, ok INTEGER NOT NULL, error TEXT,
            latency_ms DOUBLE PRECISION, created_at TEXT NOT NULL);
        CREATE TABLE message_vectors (message_id BIGINT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            embedder TEXT NOT NULL, vector BYTEA NOT NULL);
        CREATE TABLE faq_drafts (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'pending', question TEXT NOT NULL, answer TEXT NOT NULL,
            cluster_size INTEGER NOT NULL, member_rows TEXT NOT NULL DEFAULT '[]',
            member_message_ids TEXT NOT NULL DEFAULT '[]', example_queries TEXT NOT NULL DEFAULT '[]',
            source_conversation_ids TEXT NOT NULL DEFAULT '[]', nearest_article_id TEXT,
            nearest_similarity DOUBLE PRECISION, suggested_action TEXT NOT NULL, centroid BYTEA NOT NULL,
            embedder TEXT NOT NULL, engine TEXT NOT NULL, article_id TEXT, reason TEXT, created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL, decided_by TEXT, decided_at TEXT);
        CREATE INDEX faq_drafts_status ON faq_drafts(status);
        CREATE TABLE signal_events (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            user_id BIGINT REFERENCES users(id) ON DELETE SET NULL, sentiment TEXT NOT NULL,
            sentiment_score DOUBLE PRECISION NOT NULL, urgency TEXT NOT NULL, escalation TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]', grounded INTEGER NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX signal_events_time ON signal_events(created_at);
        CREATE INDEX signal_events_conversation ON signal_events(conversation_id);
        CREATE TABLE jobs (name TEXT PRIMARY KEY, holder TEXT, lease_until TEXT, last_run_at TEXT);
        CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
        CREATE INDEX sessions_expiry ON sessions(expires_at);
        CREATE TABLE rate_windows (key TEXT NOT NULL, window_start BIGINT NOT NULL, hits INTEGER NOT NULL,
            PRIMARY KEY (key, window_start))
    """)),
    ("pg002_learned_questions", _bytewise("""
        CREATE TABLE learned_questions (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            article_id BIGINT REFERENCES articles(id) ON DELETE CASCADE,
            conversation_id BIGINT REFERENCES conversations(id) ON DELETE CASCADE,
            reply_key TEXT NOT NULL, question_keys TEXT NOT NULL DEFAULT '[]', ticket_id TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL, status TEXT NOT NULL, how TEXT NOT NULL, answered_at TEXT,
            embedder TEXT, vector BYTEA, created_at TEXT NOT NULL, kept_by TEXT, kept_at TEXT,
            UNIQUE (conversation_id, reply_key));
        CREATE INDEX learned_questions_article ON learned_questions(article_id);
        CREATE INDEX learned_questions_status ON learned_questions(status);
        INSERT INTO meta(key, value) VALUES ('learned_version', '0');
        ALTER TABLE messages ADD COLUMN author TEXT
    """)),
    ("pg003_customer_context", _bytewise("""
        CREATE TABLE customer_links (conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            customer_key TEXT NOT NULL, PRIMARY KEY (customer_key, conversation_id));
        CREATE INDEX customer_links_conversation ON customer_links(conversation_id);
        CREATE TABLE conversation_context (
            conversation_id BIGINT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            summary TEXT NOT NULL, risk TEXT NOT NULL, escalated INTEGER NOT NULL, as_of TEXT NOT NULL);
        CREATE TABLE promises (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, made_at TEXT NOT NULL,
            due_at TEXT NOT NULL, kept_at TEXT, kept_in BIGINT REFERENCES conversations(id) ON DELETE SET NULL,
            UNIQUE (conversation_id, message_key, text));
        CREATE INDEX promises_made ON promises(made_at);
        CREATE INDEX promises_kept_in ON promises(kept_in)
    """)),
    ("pg004_user_language", _bytewise("""
        ALTER TABLE users ADD COLUMN language TEXT
    """)),
    ("pg005_knowledge_upkeep", _bytewise("""
        ALTER TABLE articles ADD COLUMN owner TEXT;
        ALTER TABLE articles ADD COLUMN reviewed_at TEXT;
        ALTER TABLE articles ADD COLUMN reviewed_by TEXT;
        ALTER TABLE articles ADD COLUMN review_every_days INTEGER;
        ALTER TABLE articles ADD COLUMN replaced_hash TEXT;
        ALTER TABLE faq_drafts ADD COLUMN kind TEXT NOT NULL DEFAULT 'new';
        ALTER TABLE faq_drafts ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]'
    """)),
    ("pg006_auto_qa", _bytewise("""
        ALTER TABLE messages ADD COLUMN pii TEXT;
        CREATE TABLE qa_results (conversation_id BIGINT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
            scored_through TEXT NOT NULL, rubric TEXT NOT NULL, agents TEXT NOT NULL DEFAULT '[]',
            score DOUBLE PRECISION NOT NULL, flags TEXT NOT NULL DEFAULT '[]', scored_at TEXT NOT NULL);
        CREATE INDEX qa_results_through ON qa_results(scored_through)
    """)),
    ("pg007_history_signals", _bytewise("""
        ALTER TABLE conversation_context ADD COLUMN sentiment TEXT;
        ALTER TABLE conversation_context ADD COLUMN sentiment_score DOUBLE PRECISION;
        ALTER TABLE conversation_context ADD COLUMN reasons TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic_title TEXT;
        ALTER TABLE conversation_context ADD COLUMN topic_as_of TEXT
    """)),
    ("pg008_qa_verdicts", _bytewise("""
        CREATE TABLE qa_verdicts (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL, flag TEXT NOT NULL, verdict TEXT NOT NULL, by_user TEXT NOT NULL,
            created_at TEXT NOT NULL, UNIQUE (conversation_id, message_key, flag));
        CREATE INDEX qa_verdicts_flag ON qa_verdicts(flag)
    """)),
]
POSTGRES_LOCK_KEY = 7_461_636_101  # pg_advisory_lock key for migrations (any constant unique to Tandem)


# ---- applying ----------------------------------------------------------------------------------------------

def pending(db: Database) -> list[str]:
    """Names of migrations not yet applied to this store (a read; sqlite-utils is imported only to apply)."""
    if db.dialect == "sqlite":
        exists = db.value("SELECT count(*) FROM sqlite_master WHERE name = '_sqlite_migrations'", default=0)
        applied = {r[0] for r in db.rows("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                         [MIGRATION_SET])} if exists else set()
        return [name for name, _ in SQLITE_MIGRATIONS if name not in applied]
    applied = _postgres_applied(db)
    return [name for name, _ in POSTGRES_MIGRATIONS if name not in applied]


def sqlite_migration_set(upto: str | None = None) -> Migrations:
    """The SQLite schema as a sqlite-utils `Migrations` set (optionally only up to and including `upto`)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, script in SQLITE_MIGRATIONS:
        def run(db, script=script) -> None:  # type: ignore[no-untyped-def]
            # One execute() per statement: executescript() would COMMIT the migration's transaction early.
            for statement in _split(script):
                db.execute(statement)

        run.__name__ = name
        migrations(name=name)(run)
        if name == upto:
            break
    return migrations


def check_current(db: Database) -> None:
    """Raise StoreError when the schema needs migrations (workers never migrate on their own)."""
    from backend.store.db import StoreError

    missing = pending(db)
    if missing:
        raise StoreError(f"the store needs migrations {', '.join(missing)}: run `tandem db migrate` (or start "
                         "`tandem serve`, which migrates before its workers start)")


def apply(db: Database, *, upto: str | None = None) -> list[str]:
    """Apply pending migrations once, under a lock other processes wait on; returns what was applied.

    `upto` (SQLite, tests of upgrades): stop after that migration, like an older Tandem would have.
    """
    if db.dialect == "sqlite":
        return _apply_sqlite(db, upto)  # type: ignore[arg-type]
    return _apply_postgres(db)  # type: ignore[arg-type]


def _apply_sqlite(db: SQLiteDatabase, upto: str | None = None) -> list[str]:
    todo = pending(db)
    if not todo:  # the common case: a read, no lock
        return []
    utils = db.utils()
    sqlite_migrations = sqlite_migration_set(upto)
    conn = db.connection()
    conn.execute("PRAGMA foreign_keys = OFF")  # (only outside a transaction) table rebuilds must not cascade
    try:
        conn.execute("BEGIN IMMEDIATE")  # the write lock: another process migrating makes us wait here
        try:
            todo = [m.name for m in sqlite_migrations.pending(utils)]  # it may have done the work meanwhile
            sqlite_migrations.apply(utils)  # each migration becomes a savepoint of this transaction
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"migration left broken foreign keys: {problems[:5]}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return todo


def _postgres_applied(db: Database) -> set[str]:
    exists = db.value("SELECT to_regclass('public.tandem_migrations') IS NOT NULL")
    if not exists:
        return set()
    return {r[0] for r in db.rows("SELECT name FROM tandem_migrations")}


def _apply_postgres(db: PostgresDatabase) -> list[str]:
    todo = [name for name, _ in POSTGRES_MIGRATIONS if name not in _postgres_applied(db)]
    if not todo:
        return []
    done: list[str] = []
    with db.session() as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", [POSTGRES_LOCK_KEY])
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS tandem_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            applied = _postgres_applied(db)
            for name, script in POSTGRES_MIGRATIONS:
                if name in applied:
                    continue
                with conn.transaction():
                    for statement in _split(script):
                        conn.execute(statement)
                    conn.execute("INSERT INTO tandem_migrations (name, applied_at) VALUES (%s, now()::text)", [name])
                done.append(name)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", [POSTGRES_LOCK_KEY])
    return done
