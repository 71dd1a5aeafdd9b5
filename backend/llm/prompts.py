"""Prompt templates from prompts/*.toml (shipped as `backend.prompts`), validated when loaded; every
output records the prompt's `version`."""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

REQUIRED = {"suggest_reply": {"conversation", "sentiment", "language"}, "summarize": {"conversation", "language"},
            "faq_draft": {"evidence"}, "rewrite": {"draft", "instruction", "language"},
            "qa_judge": {"articles", "conversation", "criteria"}}


class PromptError(ValueError):
    """A prompt file is missing, malformed or lacks a placeholder its caller fills."""


class Prompt(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One prompt: system text, user and context templates, version and token limits."""

    version: str
    system: str
    user_template: str
    max_output_tokens: int
    input_budget_tokens: int
    context_template: str = ""

    def render_user(self, **values: str) -> str:
        return self.user_template.format(**values)

    def render_context(self, **values: str) -> str:
        return self.context_template.format(**values) if self.context_template else ""


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _shipped() -> Any:
    """The prompts of this checkout when running from one (several worktrees may share one editable install,
    whose `backend.prompts` maps to a single checkout), else the installed package's."""
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    return checkout if (checkout / "__init__.py").is_file() else resources.files("backend.prompts")


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    """Load and validate NAME.toml from `directory` (default: the shipped prompts)."""
    source = (directory or _shipped()) / f"{name}.toml"
    try:
        prompt = msgspec.toml.decode(source.read_bytes(), type=Prompt)
    except FileNotFoundError as exc:
        raise PromptError(f"{source}: missing") from exc
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise PromptError(f"{source}: {exc}") from exc
    missing = REQUIRED.get(name, set()) - _fields(prompt.user_template) - _fields(prompt.context_template)
    if missing:
        raise PromptError(f"{source}: template lacks placeholders {sorted(missing)}")
    if not prompt.system.strip() or prompt.max_output_tokens <= 0 or prompt.input_budget_tokens < 500:
        raise PromptError(f"{source}: needs a system text, max_output_tokens > 0 and input_budget_tokens >= 500")
    return prompt


@lru_cache(maxsize=8)
def get_prompt(name: str) -> Prompt:
    """A validated prompt, loaded once per process."""
    return load_prompt(name)


def load_all() -> dict[str, Prompt]:
    """Validate every prompt Tandem uses (called at start-up so a broken file fails fast)."""
    return {name: get_prompt(name) for name in REQUIRED}
