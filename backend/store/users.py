"""Users and their API tokens (only a SHA-256 of each token is stored)."""

from __future__ import annotations

from sqlite_utils import Database

from backend.store.kb import now_iso


def add_user(db: Database, name: str, role: str, token_hash: str) -> int:
    """Create a user; raises sqlite3.IntegrityError if the name is taken."""
    cursor = db.execute("INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)",
                        [name, role, token_hash, now_iso()])
    return cursor.lastrowid


def user_by_token_hash(db: Database, token_hash: str) -> dict | None:
    """The active user holding this token, if any."""
    row = db.execute("SELECT id, name, role FROM users WHERE token_hash = ? AND revoked_at IS NULL",
                     [token_hash]).fetchone()
    return {"id": row[0], "name": row[1], "role": row[2]} if row else None


def list_users(db: Database) -> list[dict]:
    """All users, newest last."""
    rows = db.execute("SELECT id, name, role, created_at, revoked_at FROM users ORDER BY id").fetchall()
    return [{"id": r[0], "name": r[1], "role": r[2], "created_at": r[3], "revoked_at": r[4]} for r in rows]


def revoke_user(db: Database, name: str) -> bool:
    """Revoke a user's token; False if there is no such active user."""
    cursor = db.execute("UPDATE users SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", [now_iso(), name])
    return cursor.rowcount > 0
