"""Claude through the official anthropic SDK: streaming, prompt caching, timeouts, bounded retries.

`build_params` is pure (tested without network): the system prompt and the KB context form the
stable prefix and carry `cache_control`, so repeated suggestions over the same passages hit the cache.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import anthropic

from backend.llm.base import LLMRequest, LLMResult, OnCall, ProviderError, RecordsCalls

DEFAULT_TIMEOUT_S = 20.0
MAX_RETRIES = 2  # the SDK retries 408/409/429/5xx (529 included) with exponential backoff


def build_params(request: LLMRequest, model: str) -> dict[str, Any]:
    """The keyword arguments of `client.messages.create` for this request."""
    system: list[dict[str, Any]] = [{"type": "text", "text": request.system}]
    if request.context:
        system.append({"type": "text", "text": request.context})
    system[-1]["cache_control"] = {"type": "ephemeral"}
    return {
        "model": model,
        "max_tokens": request.max_tokens,
        "system": system,
        "messages": [{"role": "user", "content": request.user}],
    }


def usage_of(usage: object) -> dict[str, int | None]:
    """Token counts from an SDK usage object (missing fields become None)."""
    def get(name: str) -> int | None:
        return getattr(usage, name, None)

    return {"input_tokens": get("input_tokens"), "output_tokens": get("output_tokens"),
            "cache_read_tokens": get("cache_read_input_tokens"),
            "cache_write_tokens": get("cache_creation_input_tokens")}


class AnthropicProvider(RecordsCalls):
    """Provider backed by Claude."""

    name = "anthropic"

    def __init__(self, *, api_key: str, model: str, base_url: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT_S, max_retries: int = MAX_RETRIES,
                 on_call: OnCall | None = None) -> None:
        self.model = model
        self._client = anthropic.Anthropic(api_key=api_key, base_url=base_url, timeout=timeout,
                                           max_retries=max_retries)
        self._on_call = on_call

    def generate(self, request: LLMRequest) -> LLMResult:
        started = time.perf_counter()
        try:
            message = self._client.messages.create(**build_params(request, self.model))
        except anthropic.APIError as exc:
            self._record(request, started, None, f"{type(exc).__name__}: {exc}")
            raise ProviderError(f"anthropic: {type(exc).__name__}: {exc}") from exc
        text = "".join(block.text for block in message.content if getattr(block, "type", "") == "text")
        usage = usage_of(message.usage)
        self._record(request, started, usage, None)
        if not text.strip():
            raise ProviderError("anthropic: empty response")
        return LLMResult(text=text, model=message.model, usage=usage)

    def stream(self, request: LLMRequest) -> Iterator[str]:
        started = time.perf_counter()
        try:
            with self._client.messages.stream(**build_params(request, self.model)) as stream:
                yield from stream.text_stream
                final = stream.get_final_message()
        except anthropic.APIError as exc:
            self._record(request, started, None, f"{type(exc).__name__}: {exc}")
            raise ProviderError(f"anthropic: {type(exc).__name__}: {exc}") from exc
        self._record(request, started, usage_of(final.usage), None)
