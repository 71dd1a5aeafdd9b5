"""Retention: conversations older than the policy go, with everything derived from them, and the file
is rewritten so deleted text is not left behind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec

from backend.errors import InvalidInput
from backend.services.runtime import Runtime
from backend.store import faq as faq_store
from backend.store import reports as report_store


class PurgeReport(msgspec.Struct):
    cutoff: str
    removed: dict[str, int]


def cutoff(rt: Runtime, age: timedelta | None = None) -> str:
    """The ISO timestamp before which conversations are purged (default: the retention_days setting)."""
    age = age if age is not None else timedelta(days=rt.settings.retention_days)
    if age <= timedelta(0):
        raise InvalidInput("the retention age must be positive (0 or negative would delete everything)")
    return (datetime.now(UTC) - age).strftime("%Y-%m-%dT%H:%M:%SZ")


def purge(rt: Runtime, age: timedelta | None = None) -> PurgeReport:
    """Delete conversations whose last message is older than the cutoff, with their messages, summaries,
    suggestions, feedback, signals and gaps; strip purged questions from FAQ drafts; then compact."""
    before = cutoff(rt, age)
    with rt.db.transaction():
        removed = report_store.purge_before(rt.db, before)
        removed["faq_drafts"] = _scrub_drafts(rt)
    report_store.compact(rt.db)
    return PurgeReport(before, removed)


def scrub_drafts(rt: Runtime) -> int:
    """Drafts keep only evidence that still exists (after a purge or a customer's erasure); returns deletions."""
    return _scrub_drafts(rt)


def _scrub_drafts(rt: Runtime) -> int:
    """Drafts keep only evidence that still exists; a pending or rejected draft left with none goes.
    Returns how many drafts were deleted."""
    deleted = 0
    for draft in faq_store.list_drafts(rt.db, None):
        alive = faq_store.existing_message_rows(rt.db, draft.member_rows)
        if len(alive) == len(draft.member_rows):
            continue
        if not alive and draft.status != "approved":
            faq_store.delete_draft(rt.db, draft.id)
            deleted += 1
            continue
        keep = [i for i, row in enumerate(draft.member_rows) if row in alive]
        texts = faq_store.message_texts(rt.db, [draft.member_rows[i] for i in keep])
        faq_store.set_evidence(rt.db, draft.id, member_rows=[draft.member_rows[i] for i in keep],
                               member_message_ids=[draft.member_message_ids[i] for i in keep
                                                   if i < len(draft.member_message_ids)],
                               example_queries=list(dict.fromkeys(texts))[:10])
    return deleted
