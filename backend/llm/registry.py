"""Choosing the text engine: Claude (TANDEM_LLM=anthropic, or auto + ANTHROPIC_API_KEY), the team's own
OpenAI-compatible model (TANDEM_LLM=openai, never chosen by auto), else extractive."""

from __future__ import annotations

import os
from collections.abc import Mapping

from backend.llm.base import OnCall, Provider
from backend.settings import Settings, SettingsError


def engine_name(settings: Settings, env: Mapping[str, str] | None = None) -> str:
    """The engine that writes text under these settings (the one place that decides it; loads nothing)."""
    env = os.environ if env is None else env
    if settings.llm == "auto":
        return "anthropic" if env.get("ANTHROPIC_API_KEY") else "extractive"
    return settings.llm


def make_provider(settings: Settings, *, on_call: OnCall | None = None,
                  env: Mapping[str, str] | None = None) -> Provider | None:
    """The configured LLM provider, or None for the offline extractive engine."""
    env = os.environ if env is None else env
    engine = engine_name(settings, env)
    if engine == "extractive":
        return None
    if engine == "openai":
        if not (settings.openai_base_url and settings.openai_model):
            raise SettingsError("TANDEM_LLM=openai needs TANDEM_OPENAI_BASE_URL and TANDEM_OPENAI_MODEL")
        from backend.llm.openai import OpenAIProvider  # the SDK takes ~0.7 s to import: only when used

        # The key is optional: Ollama, llama.cpp and LM Studio need none.
        return OpenAIProvider(base_url=settings.openai_base_url, model=settings.openai_model,
                              api_key=settings.openai_api_key or env.get("OPENAI_API_KEY") or None,
                              timeout=settings.llm_timeout_s, max_retries=settings.llm_max_retries, on_call=on_call)
    key = env.get("ANTHROPIC_API_KEY")
    if not key:
        raise SettingsError("TANDEM_LLM=anthropic needs ANTHROPIC_API_KEY")
    from backend.llm.anthropic import AnthropicProvider  # the SDK takes ~1 s to import: only when used

    return AnthropicProvider(api_key=key, model=settings.anthropic_model, base_url=settings.anthropic_base_url,
                             timeout=settings.llm_timeout_s, max_retries=settings.llm_max_retries, on_call=on_call)
