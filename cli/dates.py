"""Date and duration options shared by report commands."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import click


def parse_date(ctx, param, value: str | None) -> str | None:
    """Accept YYYY-MM-DD or an ISO timestamp; return the ISO form stored timestamps compare against."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_age(value: str) -> timedelta:
    """'90d', '12w', '6m' (30-day months), '36h' → timedelta."""
    match = re.fullmatch(r"\s*(\d+)\s*([hdwm])\s*", value or "")
    if not match:
        raise click.BadParameter(f"{value!r} is not an age (use e.g. 90d, 12w, 6m, 36h)")
    n, unit = int(match.group(1)), match.group(2)
    return {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n), "m": timedelta(days=30 * n)}[unit]
