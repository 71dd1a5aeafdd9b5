"""Date and duration options shared by report commands."""

from __future__ import annotations

import re
from datetime import timedelta

import click

from backend.dates import to_utc_iso


def parse_date(ctx, param, value: str | None) -> str | None:
    """Accept YYYY-MM-DD or an ISO timestamp; return the ISO form stored timestamps compare against."""
    if value is None:
        return None
    try:
        return to_utc_iso(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def parse_age(value: str) -> timedelta:
    """'90d', '12w', '6m' (30-day months), '36h' → timedelta."""
    match = re.fullmatch(r"\s*(\d+)\s*([hdwm])\s*", value or "")
    if not match:
        raise click.BadParameter(f"{value!r} is not an age (use e.g. 90d, 12w, 6m, 36h)")
    n, unit = int(match.group(1)), match.group(2)
    return {"h": timedelta(hours=n), "d": timedelta(days=n), "w": timedelta(weeks=n), "m": timedelta(days=30 * n)}[unit]
