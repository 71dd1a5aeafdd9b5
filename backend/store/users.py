"""Users and their API tokens (only a SHA-256 of each token is stored)."""

from __future__ import annotations

from backend.models import User, UserRecord
from backend.store.db import Database, now_iso


def add_user(db: Database, name: str, role: str, token_hash: str) -> int:
    """Create a user; raises IntegrityError if the name is taken."""
    return db.insert("INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                     [name, role, token_hash, now_iso()])


def user_by_token_hash(db: Database, token_hash: str) -> User | None:
    """The active user holding this token, if any."""
    row = db.row("SELECT id, name, role FROM users WHERE token_hash = ? AND revoked_at IS NULL", [token_hash])
    return User(int(row[0]), row[1], row[2]) if row else None


def user_by_id(db: Database, user_id: int) -> User | None:
    """The active user with this id, if any."""
    row = db.row("SELECT id, name, role FROM users WHERE id = ? AND revoked_at IS NULL", [user_id])
    return User(int(row[0]), row[1], row[2]) if row else None


def list_users(db: Database) -> list[UserRecord]:
    """All users, newest last."""
    return [UserRecord(id=int(r[0]), name=r[1], role=r[2], created_at=r[3], revoked_at=r[4], language=r[5])
            for r in db.rows("SELECT id, name, role, created_at, revoked_at, language FROM users ORDER BY id")]


def set_language(db: Database, name: str, language: str | None) -> bool:
    """Set (None: clear) an active user's language; False if there is no such active user."""
    return db.run("UPDATE users SET language = ? WHERE name = ? AND revoked_at IS NULL", [language, name]) > 0


def user_language(db: Database, user_id: int) -> str | None:
    """The language a user chose for summaries, if any."""
    value = db.value("SELECT language FROM users WHERE id = ?", [user_id])
    return str(value) if value else None


def revoke_user(db: Database, name: str) -> bool:
    """Revoke a user's token (and end their dashboard sessions); False if there is no such active user."""
    changed = db.run("UPDATE users SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", [now_iso(), name])
    if changed:
        db.run("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE name = ?)", [name])
    return changed > 0
