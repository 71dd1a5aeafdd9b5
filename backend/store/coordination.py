"""What the workers of one deployment share through the store: job leases, dashboard sessions and
rate-limit windows. The same on SQLite (one machine, many processes) and PostgreSQL (many hosts)."""

from __future__ import annotations

from backend.store.db import Database, now_iso


def try_lease(db: Database, job: str, holder: str, *, now: str, until: str, due_before: str | None) -> bool:
    """Take the lease on `job` for `holder` until `until` when it is free (or expired) and the job is due.

    `due_before`: the job is due when it last ran before this time (None: always due). Runs in one
    statement, so exactly one of many workers racing for the same job wins.
    """
    db.run("INSERT INTO jobs (name, holder, lease_until, last_run_at) VALUES (?, NULL, NULL, NULL) "
           "ON CONFLICT (name) DO NOTHING", [job])
    due = "" if due_before is None else " AND (last_run_at IS NULL OR last_run_at < ?)"
    params = [holder, until, job, now, holder] + ([due_before] if due_before is not None else [])
    return db.run("UPDATE jobs SET holder = ?, lease_until = ? WHERE name = ? "
                  "AND (lease_until IS NULL OR lease_until < ? OR holder = ?)" + due, params) == 1


def finish_lease(db: Database, job: str, holder: str, at: str) -> None:
    """Record the run (at `at`) and release the lease."""
    db.run("UPDATE jobs SET last_run_at = ?, holder = NULL, lease_until = NULL WHERE name = ? AND holder = ?",
           [at, job, holder])


def last_run(db: Database, job: str) -> str | None:
    """When `job` last finished, if ever."""
    return db.value("SELECT last_run_at FROM jobs WHERE name = ?", [job])


def create_session(db: Database, id_hash: str, user_id: int, csrf: str, expires_at: str) -> None:
    """Store a dashboard session (only a hash of its id)."""
    db.run("INSERT INTO sessions (id_hash, user_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
           [id_hash, user_id, csrf, now_iso(), expires_at])


def session_user(db: Database, id_hash: str, now: str) -> tuple[int, str] | None:
    """(user id, csrf token) of a live session, or None when unknown or expired."""
    row = db.row("SELECT user_id, csrf FROM sessions WHERE id_hash = ? AND expires_at > ?", [id_hash, now])
    return (int(row[0]), row[1]) if row else None


def delete_session(db: Database, id_hash: str) -> None:
    """End one session (logout)."""
    db.run("DELETE FROM sessions WHERE id_hash = ?", [id_hash])


def delete_expired_sessions(db: Database, now: str) -> int:
    """Forget expired sessions."""
    return db.run("DELETE FROM sessions WHERE expires_at <= ?", [now])


def hit(db: Database, key: str, window_start: int) -> int:
    """Count one hit for `key` in the window starting at `window_start`; returns the window's count."""
    row = db.row("INSERT INTO rate_windows (key, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (key, window_start) "
                 "DO UPDATE SET hits = rate_windows.hits + 1 RETURNING hits", [key, window_start])
    return int(row[0]) if row else 1


def window_hits(db: Database, key: str, window_start: int) -> int:
    """Hits counted for `key` in one window."""
    return int(db.value("SELECT hits FROM rate_windows WHERE key = ? AND window_start = ?", [key, window_start], 0))


def forget_windows(db: Database, before: int) -> int:
    """Drop rate windows that started before `before`."""
    return db.run("DELETE FROM rate_windows WHERE window_start < ?", [before])
