"""Choosing the text engine: Claude when configured (TANDEM_LLM=auto + ANTHROPIC_API_KEY), else extractive."""

from __future__ import annotations

import os
from collections.abc import Mapping

from backend.llm.base import OnCall, Provider
from backend.settings import Settings, SettingsError


def make_provider(settings: Settings, *, on_call: OnCall | None = None,
                  env: Mapping[str, str] | None = None) -> Provider | None:
    """The configured LLM provider, or None for the offline extractive engine."""
    env = os.environ if env is None else env
    key = env.get("ANTHROPIC_API_KEY")
    if settings.llm == "extractive" or (settings.llm == "auto" and not key):
        return None
    if not key:
        raise SettingsError("TANDEM_LLM=anthropic needs ANTHROPIC_API_KEY")
    from backend.llm.anthropic import AnthropicProvider  # the SDK takes ~1 s to import: only when used

    return AnthropicProvider(api_key=key, model=settings.anthropic_model, base_url=settings.anthropic_base_url,
                             timeout=settings.llm_timeout_s, max_retries=settings.llm_max_retries, on_call=on_call)
