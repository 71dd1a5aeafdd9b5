"""The LLM Provider protocol, the request every provider takes, and helpers for model replies."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from typing import Protocol

import msgspec

from backend.models import LLMCall


class ProviderError(Exception):
    """The provider could not produce text (after its own retries); callers fall back to extractive."""


class LLMRequest(msgspec.Struct, frozen=True, kw_only=True):
    """A provider-neutral request: stable prefix (system + context) first, then the variable user turn."""

    purpose: str
    system: str
    context: str
    user: str
    max_tokens: int
    prompt_version: str


class LLMResult(msgspec.Struct, kw_only=True):
    """Text plus usage, as recorded per call."""

    text: str
    model: str
    usage: dict[str, int | None] = msgspec.field(default_factory=dict)


OnCall = Callable[[LLMCall], None]


class Provider(Protocol):
    """Something that turns an LLMRequest into text, whole or streamed."""

    name: str
    model: str

    def generate(self, request: LLMRequest) -> LLMResult: ...

    def stream(self, request: LLMRequest) -> Iterator[str]: ...


class RecordsCalls:
    """What every remote provider shares: each call, ok or not, reported with its usage and latency."""

    name: str
    model: str
    _on_call: OnCall | None

    def _record(self, request: LLMRequest, started: float, usage: dict[str, int | None] | None,
                error: str | None) -> None:
        if self._on_call:
            self._on_call(LLMCall(provider=self.name, model=self.model, purpose=request.purpose, ok=error is None,
                                  error=error, latency_ms=round((time.perf_counter() - started) * 1000, 1),
                                  **(usage or {})))


def json_object(text: str) -> dict | None:
    """The first {...} JSON object in a model's reply (models sometimes wrap it in prose), or None."""
    match = re.search(r"\{.*\}", text, flags=re.S)
    try:
        data = json.loads(match.group(0)) if match else None
    except (json.JSONDecodeError, RecursionError):  # a reply nested too deeply is no answer either
        return None
    return data if isinstance(data, dict) else None
