"""What agents do with suggestions: inserted, edited, dismissed or rated, with the edit distance."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from backend.services.runtime import Runtime
from backend.store import conversations as conv_store


class UnknownSuggestion(LookupError):
    """Feedback names a suggestion Tandem never made."""


def record(rt: Runtime, *, suggestion_id: str, action: str, rating: int | None, final_text: str | None,
           user_id: int | None) -> dict:
    """Store feedback; the edit distance is computed when the agent's final text is given."""
    original = conv_store.suggestion_text(rt.db, suggestion_id)
    if original is None:
        raise UnknownSuggestion(f"unknown suggestion_id {suggestion_id!r}")
    if action == "rated" and rating not in (-1, 1, 2, 3, 4, 5):
        raise ValueError("rating must be -1 or 1 (thumbs) or 1-5 when action is 'rated'")
    distance = Levenshtein.distance(original, final_text) if final_text is not None else None
    with rt.db.atomic():
        feedback_id = conv_store.add_feedback(rt.db, suggestion_id, user_id, action, rating, final_text, distance)
    return {"id": feedback_id, "suggestion_id": suggestion_id, "action": action, "edit_distance": distance}
