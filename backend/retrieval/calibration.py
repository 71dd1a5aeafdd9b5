"""Turning retrieval scores into a calibrated confidence and a `grounded` decision.

Placeholder until the per-KB calibration lands: a logistic curve on the best chunk's cosine around the
embedder's global threshold (the previous release's rule), so `grounded` behaves exactly as before.
"""

from __future__ import annotations

import math

import msgspec

# The previous release's global thresholds (bench/results/retrieval.json): used when a KB has no
# calibration of its own yet.
GLOBAL_THRESHOLDS = {"all-MiniLM-L6-v2": 0.52, "all-MiniLM-L6-v2-onnx-int8": 0.53,
                     "wordllama-l2_supercat-256": 0.47}
DEFAULT_THRESHOLD = 0.53
SLOPE = 12.0


class Calibration(msgspec.Struct, kw_only=True):
    """How this KB's scores map to a probability that the KB answers the query."""

    embedder: str
    kb_version: int
    method: str
    center: float
    slope: float
    operating_point: float = 0.5

    def confidence(self, similarity: float) -> float:
        """P(the article answers the query) for a best-chunk cosine."""
        return 1.0 / (1.0 + math.exp(-self.slope * (similarity - self.center)))

    def grounded(self, confidence: float) -> bool:
        """Whether a hit this confident counts as the KB answering."""
        return confidence >= self.operating_point


def default_calibration(embedder: str, kb_version: int = 0) -> Calibration:
    """The fallback for a KB without its own calibration."""
    return Calibration(embedder=embedder, kb_version=kb_version, method="global-threshold",
                       center=GLOBAL_THRESHOLDS.get(embedder, DEFAULT_THRESHOLD), slope=SLOPE)
