"""API users: tokens shown once at creation, only their SHA-256 kept."""

from __future__ import annotations

import hashlib
import secrets

from backend.errors import InvalidInput
from backend.models import USER_ROLES, User, UserRecord
from backend.services.runtime import Runtime
from backend.store import users as user_store
from backend.store.db import IntegrityError
from backend.tuning import LANGUAGES

ROLES = USER_ROLES


class UserError(InvalidInput):
    """A user cannot be created or changed as asked."""


def hash_token(token: str) -> str:
    """What is stored of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(rt: Runtime, name: str, role: str) -> str:
    """Create a user and return their new token (shown once)."""
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    if not name.strip():
        raise UserError("name must not be empty")
    token = "tdm_" + secrets.token_urlsafe(32)
    try:
        with rt.db.transaction():
            user_store.add_user(rt.db, name.strip(), role, hash_token(token))
    except IntegrityError as exc:
        raise UserError(f"a user named {name!r} already exists") from exc
    return token


def authenticate(rt: Runtime, token: str) -> User | None:
    """The active user holding `token`, or None."""
    return user_store.user_by_token_hash(rt.db, hash_token(token)) if token else None


def list_users(rt: Runtime) -> list[UserRecord]:
    """Every user (tokens are never shown again)."""
    return user_store.list_users(rt.db)


def set_language(rt: Runtime, name: str, language: str | None) -> None:
    """Set the language a user's summaries are written in (None: the installation's default)."""
    if language is not None and language not in LANGUAGES:
        raise UserError(f"language must be one of {', '.join(LANGUAGES)} (ISO 639-1), got {language!r}")
    with rt.db.transaction():
        if not user_store.set_language(rt.db, name, language):
            raise UserError(f"no active user named {name!r}")


def revoke(rt: Runtime, name: str) -> bool:
    """Revoke a user's token and end their sessions."""
    with rt.db.transaction():
        return user_store.revoke_user(rt.db, name)
