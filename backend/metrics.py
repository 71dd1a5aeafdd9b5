"""Operational counters for `/metrics` (Prometheus), no-ops until the API enables them.

The CLI never pays for prometheus_client; `enable()` (called by create_app) swaps in real counters.
With several uvicorn workers, PROMETHEUS_MULTIPROC_DIR (set by `tandem serve`) aggregates them.
"""

from __future__ import annotations

from typing import Any


class _Noop:
    def labels(self, *args: Any, **kwargs: Any) -> _Noop:
        return self

    def inc(self, amount: float = 1) -> None:
        pass

    def observe(self, value: float) -> None:
        pass


llm_calls: Any = _Noop()  # labels: provider, purpose, outcome
degraded_answers: Any = _Noop()  # labels: reason
index_catch_ups: Any = _Noop()  # labels: kind (catch_up | rebuild)
suggestions: Any = _Noop()  # labels: kind
_enabled = False


def enable() -> None:
    """Register the real counters (once per process)."""
    global llm_calls, degraded_answers, index_catch_ups, suggestions, _enabled
    if _enabled:
        return
    from prometheus_client import Counter

    llm_calls = Counter("tandem_llm_calls_total", "Model calls", ["provider", "purpose", "outcome"])
    degraded_answers = Counter("tandem_degraded_answers_total", "Answers the offline engine wrote after a model failed",
                               ["reason"])
    index_catch_ups = Counter("tandem_index_updates_total", "Vector index catch-ups and rebuilds", ["kind"])
    suggestions = Counter("tandem_suggestions_total", "Suggestions served", ["kind"])
    _enabled = True
