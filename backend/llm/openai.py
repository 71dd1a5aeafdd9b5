"""The team's own model through the official openai SDK, over the OpenAI-compatible Chat Completions API
that Ollama, vLLM, llama.cpp's server, LM Studio and OpenAI serve: streaming, timeouts, bounded retries.

`build_params` is pure (tested without network). The system prompt and the KB passages go first, as one
system message: several chat templates (Mistral, Gemma, some Llama builds in llama.cpp and vLLM) reject a
second system message, and servers that cache prompt prefixes (vLLM, llama.cpp, OpenAI) still reuse it.

Servers differ in what they stream. This provider accepts usage in the last content chunk (Ollama,
llama.cpp), in a chunk of its own (OpenAI, vLLM) or nowhere; any finish_reason, or none; role-only and
empty deltas. It asks for usage with `stream_options` and, when a strict server answers 400/422, retries
once without it and stops sending it for the rest of the process. Every failure raises ProviderError.
The timeout bounds connecting and each wait for data (the first token, then the gap between tokens), so
a slow local model that keeps streaming is not cut off; a whole JSON reply is one wait.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai

from backend.llm.base import LLMRequest, LLMResult, OnCall, ProviderError, RecordsCalls

DEFAULT_TIMEOUT_S = 20.0
MAX_RETRIES = 2  # the SDK retries connection errors, timeouts, 408/409/429/5xx with exponential backoff
NO_KEY = "tandem-no-key"  # the SDK insists on a key; local servers (Ollama, llama.cpp) ignore the header
# Failures the SDK may let through while a stream is read: openai 1.x raises httpx's transport errors
# as they are; JSON that is not JSON raises ValueError; a chunk of the wrong shape AttributeError/TypeError.
FAILURES = (openai.OpenAIError, httpx.HTTPError, OSError, ValueError, AttributeError, TypeError, KeyError)


def build_params(request: LLMRequest, model: str, *, stream: bool = False,
                 include_usage: bool = True) -> dict[str, Any]:
    """The keyword arguments of `client.chat.completions.create` for this request."""
    system = request.system if not request.context else f"{request.system}\n\n{request.context}"
    params: dict[str, Any] = {
        "model": model,
        "max_tokens": request.max_tokens,  # what every compatible server reads (max_completion_tokens is newer)
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": request.user}],
        "stream": stream,
    }
    if stream and include_usage:
        params["stream_options"] = {"include_usage": True}  # OpenAI and vLLM report usage only when asked
    return params


def api_base(url: str) -> str:
    """The base URL the SDK needs: a bare origin (http://127.0.0.1:11434) gets `/v1`, where every server listed
    serves the API; a URL with a path is used as given."""
    url = url.rstrip("/")
    return url + "/v1" if url.count("/") == 2 else url


def usage_of(usage: object) -> dict[str, int | None]:
    """Token counts from an SDK usage object (absent or non-integer fields become None)."""
    def get(name: str) -> int | None:
        value = getattr(usage, name, None)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    return {"input_tokens": get("prompt_tokens"), "output_tokens": get("completion_tokens")}


def _error(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:500]


class OpenAIProvider(RecordsCalls):
    """Provider backed by any OpenAI-compatible Chat Completions server."""

    name = "openai"

    def __init__(self, *, base_url: str, model: str, api_key: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT_S, max_retries: int = MAX_RETRIES,
                 on_call: OnCall | None = None) -> None:
        self.model = model
        self._client = openai.OpenAI(api_key=api_key or NO_KEY, base_url=api_base(base_url), timeout=timeout,
                                     max_retries=max_retries)
        self._on_call = on_call
        self._stream_usage = True  # turned off once a server refuses `stream_options`

    def generate(self, request: LLMRequest) -> LLMResult:
        started = time.perf_counter()
        try:
            completion = self._client.chat.completions.create(**build_params(request, self.model))
            choice = completion.choices[0] if completion.choices else None
            content = choice.message.content if choice is not None else None
            text = content if isinstance(content, str) else ""
            usage = usage_of(completion.usage)
            if choice is not None and choice.finish_reason == "content_filter":
                raise ProviderError("the server filtered the reply")
            if not text.strip():
                raise ProviderError("empty response")
        except (ProviderError, *FAILURES) as exc:
            self._record(request, started, None, _error(exc))
            raise ProviderError(f"openai: {_error(exc)}") from exc
        self._record(request, started, usage, None)
        return LLMResult(text=text, model=getattr(completion, "model", None) or self.model, usage=usage)

    def _open(self, request: LLMRequest) -> Any:
        """The SDK stream; a server that rejects `stream_options` is asked once more without it."""
        if self._stream_usage:
            try:
                return self._client.chat.completions.create(**build_params(request, self.model, stream=True))
            except (openai.BadRequestError, openai.UnprocessableEntityError):
                stream = self._client.chat.completions.create(
                    **build_params(request, self.model, stream=True, include_usage=False))
                self._stream_usage = False  # only once the plain request worked: the 400 was about that field
                return stream
        return self._client.chat.completions.create(
            **build_params(request, self.model, stream=True, include_usage=False))

    def stream(self, request: LLMRequest) -> Iterator[str]:
        started = time.perf_counter()
        usage: dict[str, int | None] | None = None
        produced = False
        try:
            with self._open(request) as chunks:
                for chunk in chunks:
                    if getattr(chunk, "usage", None) is not None:  # Ollama: in the last content chunk; OpenAI: its own
                        usage = usage_of(chunk.usage)
                    for choice in getattr(chunk, "choices", None) or []:
                        if getattr(choice, "index", 0) not in (0, None):
                            continue
                        text = getattr(choice.delta, "content", None) if choice.delta is not None else None
                        if isinstance(text, str) and text:  # role-only first chunks and empty deltas carry none
                            produced = True
                            yield text
                        if choice.finish_reason == "content_filter":
                            raise ProviderError("the server filtered the reply")
                        # stop, length, eos, tool_calls or null: the text so far stands; checks run on it
            if not produced:
                raise ProviderError("empty response")
        except (ProviderError, *FAILURES) as exc:
            self._record(request, started, None, _error(exc))
            raise ProviderError(f"openai: {_error(exc)}") from exc
        self._record(request, started, usage, None)
