"""Who may come in and how often: dashboard sessions (server-side, expiring, CSRF-protected) and
per-user rate limits. Both live in the store, so every worker and host sees the same state."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from datetime import UTC, datetime, timedelta

import msgspec

from backend.errors import RateLimited
from backend.models import User
from backend.services.runtime import Runtime
from backend.store import coordination
from backend.store import users as user_store

log = logging.getLogger(__name__)
LOGIN_WINDOW_S = 300
# Failed sign-ins allowed per window: per token prefix (someone mistyping, or guessing, one token) and per client
# address (a guesser trying many; high enough that a few mistakes behind one office NAT lock nobody out).
LOGIN_FAILURES_PER_TOKEN = 10
LOGIN_FAILURES_PER_ADDRESS = 100
TOKEN_PREFIX_CHARS = 12  # "tdm_" and 8 random characters: no two users' tokens share it
ASSIST_WINDOW_S = 60


class Session(msgspec.Struct):
    """A signed-in dashboard user and the CSRF token their forms carry."""

    user: User
    csrf: str


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def start_session(rt: Runtime, user: User) -> tuple[str, Session]:
    """A new session for `user`: (the id for the cookie, the session). Only the id's hash is stored."""
    session_id = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    expires = _now() + timedelta(hours=rt.settings.session_hours)
    with rt.db.transaction():
        coordination.delete_expired_sessions(rt.db, _iso(_now()))
        coordination.create_session(rt.db, _hash(session_id), user.id, csrf, _iso(expires))
    return session_id, Session(user, csrf)


def session(rt: Runtime, session_id: str) -> Session | None:
    """The live session with this id (expiry enforced here, not by the cookie), or None."""
    if not session_id:
        return None
    found = coordination.session_user(rt.db, _hash(session_id), _iso(_now()))
    if found is None:
        return None
    user = user_store.user_by_id(rt.db, found[0])
    return Session(user, found[1]) if user else None


def end_session(rt: Runtime, session_id: str) -> None:
    """Log out."""
    with rt.db.transaction():
        coordination.delete_session(rt.db, _hash(session_id))


def csrf_ok(expected: str, given: str) -> bool:
    """Constant-time comparison of a form's CSRF token."""
    return bool(expected) and hmac.compare_digest(expected, given or "")


def _window(size_s: int, now: float | None = None) -> int:
    """The start (epoch seconds) of the current window of `size_s` seconds."""
    moment = int(time.time() if now is None else now)
    return moment - moment % size_s


def _token_key(token: str) -> str:
    """The rate key of a token's prefix (hashed: not even a prefix of a token is stored)."""
    return "login-fail-token:" + hashlib.sha256(token[:TOKEN_PREFIX_CHARS].encode()).hexdigest()[:24]


def check_login_allowed(rt: Runtime, client: str, token: str) -> None:
    """Refuse sign-ins with a token prefix, or from an address, that failed too often recently."""
    window = _window(LOGIN_WINDOW_S)
    if coordination.window_hits(rt.db, _token_key(token), window) >= LOGIN_FAILURES_PER_TOKEN \
            or coordination.window_hits(rt.db, f"login-fail:{client}", window) >= LOGIN_FAILURES_PER_ADDRESS:
        raise RateLimited("too many failed sign-ins; try again later", LOGIN_WINDOW_S - int(time.time()) % LOGIN_WINDOW_S)


def login_failed(rt: Runtime, client: str, token: str, reason: str) -> None:
    """Count a failed sign-in against the token's prefix and the address, and log it (never the token)."""
    window = _window(LOGIN_WINDOW_S)
    with rt.db.transaction():
        coordination.hit(rt.db, _token_key(token), window)
        count = coordination.hit(rt.db, f"login-fail:{client}", window)
    log.warning("dashboard sign-in failed from %s (%s; %d from there in this window)", client, reason, count)


def count_request(rt: Runtime, user: User, route: str) -> None:
    """Count one `route` request ("assist", "summaries") for `user`; raise RateLimited past the per-minute limit
    (TANDEM_ASSIST_RATE_PER_MIN, counted per route)."""
    limit = rt.settings.assist_rate_per_min
    if limit <= 0:
        return
    now = time.time()
    window = _window(ASSIST_WINDOW_S, now)
    with rt.db.transaction():
        hits = coordination.hit(rt.db, f"{route}:{user.id}", window)
        if hits == 1 and window % 600 == 0:  # now and then, forget windows older than an hour
            coordination.forget_windows(rt.db, window - 3600)
    if hits > limit:
        raise RateLimited(f"more than {limit} {route} requests a minute for {user.name}",
                          ASSIST_WINDOW_S - int(now) % ASSIST_WINDOW_S)
