"""Dates from users (CLI options, query parameters) turned into the UTC ISO form stored timestamps use."""

from __future__ import annotations

from datetime import UTC, datetime


def to_utc_iso(value: str, name: str = "date") -> str:
    """'2026-11-01' or an ISO timestamp -> '2026-11-01T00:00:00Z'; ValueError naming `name` otherwise."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
