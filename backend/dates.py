"""Dates from users and helpdesks turned into the UTC ISO form stored timestamps use."""

from __future__ import annotations

from datetime import UTC, datetime

from backend.errors import InvalidInput


def to_utc_iso(value: str, name: str = "date") -> str:
    """'2026-11-01' or an ISO timestamp -> '2026-11-01T00:00:00Z'; ValueError naming `name` otherwise."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_instant(value: str | None) -> str | None:
    """A helpdesk's message time in the stored form, or None when absent or unreadable."""
    if not value:
        return None
    try:
        return to_utc_iso(value)
    except InvalidInput:
        return None
