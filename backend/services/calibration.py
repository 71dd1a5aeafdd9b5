"""Each KB's grounding calibration: stored with the KB (shared by every worker), shown by `tandem kb calibrate`."""

from __future__ import annotations

import msgspec

from backend.retrieval.calibration import Calibration, default_calibration
from backend.store.db import Database, get_meta, set_meta


def _key(embedder: str) -> str:
    return f"calibration:{embedder}"


def stored_calibration(db: Database, embedder: str) -> Calibration:
    """This KB's calibration for `embedder`, or the global fallback when it has none yet."""
    raw = get_meta(db, _key(embedder))
    if raw:
        try:
            return msgspec.json.decode(raw, type=Calibration)
        except (msgspec.DecodeError, msgspec.ValidationError):
            pass  # written by another Tandem version: recomputed by the next calibration
    return default_calibration(embedder)


def store_calibration(db: Database, calibration: Calibration) -> None:
    """Keep a calibration with the KB."""
    with db.transaction():
        set_meta(db, _key(calibration.embedder), msgspec.json.encode(calibration).decode())
