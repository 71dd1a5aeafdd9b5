"""The store's schema as one named, transactional set of migrations (new capabilities append)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("tandem")


@migrations()
def m001_knowledge_base(db: Database) -> None:
    """Articles, their chunks, FTS5 over chunks, cached chunk embeddings, and a meta table."""
    # One execute() per statement: executescript() would COMMIT the migration's transaction early.
    for statement in _split(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta(key, value) VALUES ('kb_version', '0');

        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            url TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'published',
            origin_path TEXT,
            content_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX articles_external_id ON articles(external_id);

        CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            heading_path TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            token_count INTEGER NOT NULL,
            UNIQUE (article_id, ordinal)
        );

        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            title, heading_path, text,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );

        CREATE TABLE chunk_vectors (
            chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
            embedder TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (chunk_id, embedder)
        );
        """
    ):
        db.execute(statement)


def _split(script: str) -> list[str]:
    """Split a schema script (no semicolons inside statements) into statements."""
    return [part.strip() for part in script.split(";") if part.strip()]


@migrations()
def m002_assist(db: Database) -> None:
    """Users, conversations with their messages, suggestions, feedback, summaries and knowledge gaps."""
    for statement in _split(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            revoked_at TEXT
        );

        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            helpdesk TEXT NOT NULL,
            ticket_id TEXT NOT NULL,
            url TEXT,
            subject TEXT,
            customer TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (helpdesk, ticket_id)
        );

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            message_key TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            role TEXT NOT NULL,
            text TEXT NOT NULL,
            at TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (conversation_id, message_key)
        );

        CREATE TABLE suggestions (
            id TEXT PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            confidence REAL NOT NULL,
            grounded INTEGER NOT NULL,
            citations TEXT NOT NULL DEFAULT '[]',
            engine TEXT NOT NULL,
            degraded INTEGER NOT NULL DEFAULT 0,
            prompt_version TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX suggestions_conversation ON suggestions(conversation_id);

        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            suggestion_id TEXT NOT NULL REFERENCES suggestions(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            action TEXT NOT NULL,
            rating INTEGER,
            final_text TEXT,
            edit_distance INTEGER,
            created_at TEXT NOT NULL
        );

        CREATE TABLE summaries (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            engine TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX summaries_conversation ON summaries(conversation_id, id);

        CREATE TABLE knowledge_gaps (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
            question TEXT NOT NULL,
            best_article_id TEXT,
            best_similarity REAL,
            created_at TEXT NOT NULL
        );

        CREATE TABLE llm_calls (
            id INTEGER PRIMARY KEY,
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            purpose TEXT NOT NULL,
            input_tokens INTEGER,
            output_tokens INTEGER,
            cache_read_tokens INTEGER,
            cache_write_tokens INTEGER,
            ok INTEGER NOT NULL,
            error TEXT,
            latency_ms REAL,
            created_at TEXT NOT NULL
        )
        """
    ):
        db.execute(statement)


@migrations()
def m003_faq(db: Database) -> None:
    """Message embeddings (computed once, when stored) and FAQ drafts mined from them."""
    for statement in _split(
        """
        CREATE TABLE message_vectors (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            embedder TEXT NOT NULL,
            vector BLOB NOT NULL
        );

        CREATE TABLE faq_drafts (
            id INTEGER PRIMARY KEY,
            status TEXT NOT NULL DEFAULT 'pending',
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            cluster_size INTEGER NOT NULL,
            member_rows TEXT NOT NULL DEFAULT '[]',
            member_message_ids TEXT NOT NULL DEFAULT '[]',
            example_queries TEXT NOT NULL DEFAULT '[]',
            source_conversation_ids TEXT NOT NULL DEFAULT '[]',
            nearest_article_id TEXT,
            nearest_similarity REAL,
            suggested_action TEXT NOT NULL,
            centroid BLOB NOT NULL,
            embedder TEXT NOT NULL,
            engine TEXT NOT NULL,
            article_id TEXT,
            reason TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT
        );
        CREATE INDEX faq_drafts_status ON faq_drafts(status);
        CREATE INDEX messages_role ON messages(role, created_at);
        """
    ):
        db.execute(statement)


@migrations()
def m004_reporting(db: Database) -> None:
    """Who asked for summaries, the signals of each assist request, indexes for exports and reports."""
    for statement in _split(
        """
        ALTER TABLE summaries ADD COLUMN user_id INTEGER REFERENCES users(id) ON DELETE SET NULL;

        CREATE TABLE signal_events (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
            sentiment TEXT NOT NULL,
            sentiment_score REAL NOT NULL,
            urgency TEXT NOT NULL,
            escalation TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]',
            grounded INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX signal_events_time ON signal_events(created_at);
        CREATE INDEX signal_events_conversation ON signal_events(conversation_id);
        CREATE INDEX conversations_updated ON conversations(updated_at);
        CREATE INDEX summaries_created ON summaries(created_at);
        CREATE INDEX feedback_suggestion ON feedback(suggestion_id);
        CREATE INDEX suggestions_created ON suggestions(created_at);
        CREATE INDEX knowledge_gaps_time ON knowledge_gaps(created_at);
        """
    ):
        db.execute(statement)
