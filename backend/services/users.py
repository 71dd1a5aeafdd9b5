"""API users: tokens shown once at creation, only their SHA-256 kept."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3

from backend.services.runtime import Runtime
from backend.store import users as user_store

ROLES = ("agent", "knowledge_manager", "lead", "admin")


class UserError(ValueError):
    """A user cannot be created or changed as asked."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(rt: Runtime, name: str, role: str) -> str:
    """Create a user and return their new token (shown once)."""
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if not name.strip():
        raise UserError("name must not be empty")
    token = "tdm_" + secrets.token_urlsafe(32)
    try:
        with rt.db.atomic():
            user_store.add_user(rt.db, name.strip(), role, hash_token(token))
    except sqlite3.IntegrityError as exc:
        raise UserError(f"a user named {name!r} already exists") from exc
    return token


def authenticate(rt: Runtime, token: str) -> dict | None:
    """The active user holding `token`, or None."""
    return user_store.user_by_token_hash(rt.db, hash_token(token)) if token else None


def list_users(rt: Runtime) -> list[dict]:
    return user_store.list_users(rt.db)


def revoke(rt: Runtime, name: str) -> bool:
    with rt.db.atomic():
        return user_store.revoke_user(rt.db, name)
