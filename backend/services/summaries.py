"""Handoff summaries: structured (issue, goal, steps, promises, open questions, next steps) with message
provenance, plus a plain `text` of at most 100 words. Offline: backend/llm/handoff.py; the configured
model when there is one (falling back to the offline summary, marked degraded, when it fails)."""

from __future__ import annotations

import msgspec

from backend.llm.base import LLMRequest, Provider, ProviderError, json_object
from backend.llm.handoff import MAX_WORDS, extractive_summary
from backend.llm.prompts import get_prompt
from backend.llm.turns import conversation_block
from backend.models import Conversation, Item, Summary, Thread
from backend.services import customers
from backend.services.conversations import prepare_for, store
from backend.services.generation import generate_or_fall_back
from backend.services.runtime import Runtime
from backend.signals.core import compute_signals
from backend.signals.language import language_name
from backend.store import conversations as conv_store
from backend.store import users as user_store

EXTRACTIVE_LANGUAGE = "en"  # the offline summary's sentences are English templates (backend/llm/handoff.py)


def _model_summary(rt: Runtime, thread: Thread, base: Summary, language: str) -> Summary:
    """The configured model's summary (its JSON fields over the extractive one's), written in `language`."""
    assert rt.provider is not None
    prompt = get_prompt("summarize")
    budget = prompt.input_budget_tokens - 400
    request = LLMRequest(purpose="summarize", system=prompt.system, context="",
                         user=prompt.render_user(conversation=conversation_block(thread, budget),
                                                 language=language_name(language)),
                         max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)
    data = json_object(rt.provider.generate(request).text)
    if data is None or not isinstance(data.get("text"), str):
        raise ProviderError("summary was not the JSON object asked for")
    words = data["text"].split()
    changes: dict[str, object] = {"text": " ".join(words[:MAX_WORDS]) + ("…" if len(words) > MAX_WORDS else "")}
    for key in ("issue", "customer_goal", "handoff_reason"):
        if isinstance(data.get(key), str):
            changes[key] = data[key]
    for key in ("steps_taken", "promises", "open_questions", "next_steps"):
        if isinstance(data.get(key), list):
            changes[key] = [Item(str(t), []) for t in data[key] if str(t).strip()]
    return msgspec.structs.replace(base, **changes)


def summarize_thread(rt: Runtime, thread: Thread, *, language: str | None = None) -> Summary:
    """The summary of a prepared conversation (model when configured, else extractive), not stored.

    A model writes it in `language` (default: TANDEM_SUMMARY_LANGUAGE); the offline summary is in English and
    says so (`language` beside `requested_language`): its sentences are templates, not translations."""
    wanted = language or rt.settings.summary_language
    signals = compute_signals(thread.messages, tier=thread.customer.tier, high_value_tiers=rt.settings.high_value_tiers)
    summary = msgspec.structs.replace(extractive_summary(thread, signals), language=EXTRACTIVE_LANGUAGE,
                                      requested_language=wanted)

    def model(provider: Provider) -> Summary:
        return msgspec.structs.replace(_model_summary(rt, thread, summary, wanted), engine=provider.name,
                                       prompt_version=get_prompt("summarize").version, language=wanted)

    out = generate_or_fall_back(rt, model, lambda: summary)
    return msgspec.structs.replace(out.value, degraded=True) if out.degraded else out.value


def summarize(rt: Runtime, conversation: Conversation, *, user_id: int | None = None) -> Summary:
    """Summarize, store (latest + history) and return the Summary object."""
    thread = customers.identify(rt, conversation,
                                prepare_for(rt, conversation))
    language = user_store.user_language(rt.db, user_id) if user_id is not None else None
    summary = summarize_thread(rt, thread, language=language)
    if thread.messages:
        conversation_id = store(rt, thread)
        with rt.db.transaction():
            conv_store.add_summary(rt.db, conversation_id, summary, user_id)
            customers.remember(rt, conversation_id, thread)
    return summary
