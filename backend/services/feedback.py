"""What agents do with suggestions: inserted, edited, dismissed or rated, with the edit distance."""

from __future__ import annotations

import msgspec

from backend.errors import InvalidInput, NotFound
from backend.services.conversations import clean_text, name_as_written, without_name
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store

MAX_FINAL_TEXT = 20_000


class UnknownSuggestion(NotFound):
    """Feedback names a suggestion Tandem never made."""


class FeedbackOut(msgspec.Struct):
    id: int
    suggestion_id: str
    action: str
    edit_distance: int | None


def record(rt: Runtime, *, suggestion_id: str, action: str, rating: int | None, final_text: str | None,
           user_id: int | None) -> FeedbackOut:
    """Store feedback; the agent's sent text is redacted like everything else, and the edit distance
    is computed against it."""
    from rapidfuzz.distance import Levenshtein

    original = conv_store.suggestion_text(rt.db, suggestion_id)
    if original is None:
        raise UnknownSuggestion(f"unknown suggestion_id {suggestion_id!r}")
    if action == "rated" and rating not in (-1, 1, 2, 3, 4, 5):
        raise InvalidInput("rating must be -1 or 1 (thumbs) or 1-5 when action is 'rated'")
    if final_text is not None:
        final_text = clean_text(final_text[:MAX_FINAL_TEXT], redact_pii=rt.settings.redact_pii)
        # The stored suggestion has [NAME] where it greeted the customer: so has the stored sent text (and the
        # edit distance does not count the name).
        final_text = without_name(final_text, name_as_written(original, final_text))
    distance = Levenshtein.distance(original, final_text) if final_text is not None else None
    with rt.db.transaction():
        feedback_id = conv_store.add_feedback(rt.db, suggestion_id, user_id, action, rating, final_text, distance)
    return FeedbackOut(feedback_id, suggestion_id, action, distance)
