"""Rewriting the agent's own draft (friendlier, formal, shorter, expand, fix, translate) with the configured
model. Offline there is no rewrite: the extractive engine cannot write new text, and a fake one would be
worse than none. The result is checked against the draft alone: an amount, date, link or promise the
draft did not have is flagged, and the agent decides."""

from __future__ import annotations

from backend.errors import InvalidInput, ModelUnavailable, NeedsModel
from backend.llm import checks
from backend.llm.base import LLMRequest, ProviderError
from backend.llm.prompts import get_prompt
from backend.models import Rewrite, RewriteChecks
from backend.privacy.redaction import redact
from backend.services.conversations import MAX_MESSAGE_CHARS, LimitExceeded
from backend.services.runtime import Runtime
from backend.signals.language import detect_language, language_name
from backend.text import count_tokens

ACTIONS = {
    "friendlier": "Rewrite the draft in a warmer, friendlier tone.",
    "formal": "Rewrite the draft in a polite, formal tone.",
    "shorter": "Rewrite the draft shorter: keep every fact, drop filler.",
    "expand": "Rewrite the draft a little fuller and clearer, using only what it already says.",
    "fix": "Correct the draft's spelling, grammar and punctuation; change nothing else.",
    "translate": "Translate the draft faithfully.",
}
NEEDS_MODEL = ("rewriting needs a configured model (TANDEM_LLM=anthropic with ANTHROPIC_API_KEY, or TANDEM_LLM=openai); "
               "the offline engine does not write new text")


def check_text(text: str) -> None:
    """The draft's limits: text, and at most as long as one conversation message (else 413)."""
    if not text.strip():
        raise InvalidInput("text is empty")
    if len(text) > MAX_MESSAGE_CHARS:
        raise LimitExceeded(f"text has {len(text)} characters (limit {MAX_MESSAGE_CHARS})")


def build_rewrite_request(draft: str, action: str, language: str) -> LLMRequest:
    """The LLM request for one rewrite (pure)."""
    prompt = get_prompt("rewrite")
    user = prompt.render_user(draft=draft, instruction=ACTIONS[action], language=language_name(language))
    if count_tokens(user) > prompt.input_budget_tokens:
        raise LimitExceeded(f"text is over the rewrite budget of {prompt.input_budget_tokens} tokens")
    return LLMRequest(purpose="rewrite", system=prompt.system, context="", user=user,
                      max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)


def _clean(reply: str) -> str:
    text = reply.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"“'":  # a model that quoted its answer
        text = text[1:-1].strip()
    return text.removeprefix("<draft>").removesuffix("</draft>").strip()


def rewrite(rt: Runtime, text: str, action: str, language: str | None = None) -> Rewrite:
    """The draft rewritten as `action` asks, in `language` (translate) or the draft's own, and checked."""
    check_text(text)
    if action not in ACTIONS:
        raise InvalidInput(f"action must be one of {', '.join(ACTIONS)}")
    if action == "translate" and not language:
        raise InvalidInput("translate needs a language (an ISO 639-1 code such as es)")
    if rt.provider is None:
        raise NeedsModel(NEEDS_MODEL)
    draft = redact(text) if rt.settings.redact_pii else text
    target = language or detect_language(draft)
    request = build_rewrite_request(draft, action, target)
    try:
        result = _clean(rt.provider.generate(request).text)
    except ProviderError as exc:
        raise ModelUnavailable("the model did not answer the rewrite; try again") from exc
    if not result:
        raise ModelUnavailable("the model returned an empty rewrite; try again")
    return Rewrite(text=result, action=action, language=target, engine=rt.provider.name,
                   checks=RewriteChecks(unsupported=checks.added_commitments(result, [draft])),
                   prompt_version=request.prompt_version)
