"""Retention: conversations older than the policy go, with everything derived from them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.services.runtime import Runtime
from backend.store import reports as report_store
from backend.store.db import transaction


def cutoff(rt: Runtime, age: timedelta | None = None) -> str:
    """The ISO timestamp before which conversations are purged (default: the retention_days setting)."""
    age = age if age is not None else timedelta(days=rt.settings.retention_days)
    return (datetime.now(UTC) - age).strftime("%Y-%m-%dT%H:%M:%SZ")


def purge(rt: Runtime, age: timedelta | None = None) -> dict:
    """Delete old conversations with their messages, summaries, suggestions, feedback, signals and gaps."""
    with transaction(rt.db):
        return report_store.purge_before(rt.db, cutoff(rt, age))
