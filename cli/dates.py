"""Date and duration options shared by report commands."""

from __future__ import annotations

import re
from datetime import timedelta

import click


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Accept YYYY-MM-DD or an ISO timestamp; return the ISO form stored timestamps compare against."""
    if value is None:
        return None
    from backend.dates import to_utc_iso
    from backend.errors import InvalidInput

    try:
        return to_utc_iso(value)
    except InvalidInput:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


def parse_age(ctx: click.Context, param: click.Parameter, value: str | None) -> timedelta | None:
    """'90d', '12w', '6m' (30-day months), '1y', '36h' -> a positive timedelta."""
    if value is None:
        return None
    match = re.fullmatch(r"\s*(-?\d+)\s*([hdwmy])\s*", value.lower())
    if not match:
        raise click.BadParameter(f"{value!r} is not an age (use e.g. 90d, 12w, 6m, 1y, 36h)")
    amount, unit = int(match.group(1)), match.group(2)
    if amount <= 0:
        raise click.BadParameter(f"{value!r}: the age must be positive (0 or less would delete everything)")
    return timedelta(hours=amount) if unit == "h" else timedelta(days=amount * {"d": 1, "w": 7, "m": 30, "y": 365}[unit])
