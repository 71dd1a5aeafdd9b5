"""The LLM Provider protocol and the request every provider takes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol


class ProviderError(Exception):
    """The provider could not produce text (after its own retries); callers fall back to extractive."""


@dataclass(frozen=True)
class LLMRequest:
    """A provider-neutral request: stable prefix (system + context) first, then the variable user turn."""

    purpose: str
    system: str
    context: str
    user: str
    max_tokens: int
    prompt_version: str


@dataclass
class LLMResult:
    """Text plus usage, as recorded per call."""

    text: str
    model: str
    usage: dict = field(default_factory=dict)


class Provider(Protocol):
    """Something that turns an LLMRequest into text, whole or streamed."""

    name: str
    model: str

    def generate(self, request: LLMRequest) -> LLMResult: ...

    def stream(self, request: LLMRequest) -> Iterator[str]: ...


def json_object(text: str) -> dict | None:
    """The first {...} JSON object in a model's reply (models sometimes wrap it in prose), or None."""
    import json
    import re

    match = re.search(r"\{.*\}", text, flags=re.S)
    try:
        data = json.loads(match.group(0)) if match else None
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None
