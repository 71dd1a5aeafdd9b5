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
