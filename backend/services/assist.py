"""Reply suggestions: grounded answers with citations, or an honest clarify / escalate when the KB is silent.

`assist_events` yields the SSE events in order (signals, citations, delta*, suggestion*, done); `assist`
runs it to the end and returns the `done` payload. Claude writes the answer when configured; any
provider failure falls back to the extractive engine with `degraded: true`.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator

from backend.llm import extractive
from backend.llm.base import LLMRequest, ProviderError
from backend.llm.prompts import Prompt, get_prompt
from backend.llm.tokens import count_tokens, truncate_tokens
from backend.retrieval.hybrid import Hit
from backend.services.conversations import latest_question, prepare, store
from backend.services.runtime import Runtime
from backend.signals.rules import Signals, compute_signals
from backend.store import conversations as conv_store
from backend.store.db import transaction

MAX_PASSAGES = 3


def citation(hit: Hit) -> dict:
    """The citation shape of the Suggestions contract."""
    quote = " ".join(hit.text.split())
    return {"article_id": hit.article_id, "title": hit.title, "url": hit.url, "chunk_id": hit.chunk_id,
            "quote": quote[:280] + ("…" if len(quote) > 280 else "")}


def answer_confidence(similarity: float, threshold: float) -> float:
    """Map the best chunk's cosine onto [0.5, 0.95]: at the threshold 0.5, far above it 0.95."""
    span = max(1e-6, 0.85 - threshold)
    return round(min(0.95, 0.5 + 0.45 * max(0.0, similarity - threshold) / span), 3)


def format_conversation(conv: dict, budget_tokens: int) -> str:
    """Conversation lines for a prompt, newest kept whole; older turns condensed, then dropped, to fit."""
    lines = [f"[{m['role']}] {m['text']}" for m in conv["messages"] if m["role"] != "note"]
    if conv.get("subject"):
        lines.insert(0, f"[subject] {conv['subject']}")
    kept: list[str] = []
    used = 0
    for index, line in enumerate(reversed(lines)):
        size = count_tokens(line)
        if used + size > budget_tokens:
            if index == 0:  # the latest turn alone is over budget: keep its end
                kept.append(truncate_tokens(line, budget_tokens, from_end=True))
                break
            condensed = truncate_tokens(line, 40) + " …"
            size = count_tokens(condensed)
            if used + size > budget_tokens:
                break
            line = condensed
        kept.append(line)
        used += size
    return "\n".join(reversed(kept))


def build_reply_request(prompt: Prompt, conv: dict, hits: list[Hit], signals: Signals) -> LLMRequest:
    """The LLM request for an answer: system + KB passages as the cached prefix, the conversation after."""
    passages = "\n\n".join(f"[{i}] {h.title} (article {h.article_id})\n{h.text}" for i, h in enumerate(hits, start=1))
    context = prompt.render_context(passages=passages)
    fixed = count_tokens(prompt.system) + count_tokens(context) + count_tokens(prompt.user_template)
    budget = max(200, prompt.input_budget_tokens - fixed)
    user = prompt.render_user(conversation=format_conversation(conv, budget), sentiment=signals.sentiment_label)
    return LLMRequest(purpose="suggest_reply", system=prompt.system, context=context, user=user,
                      max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)


def cited_indexes(text: str, count: int) -> list[int]:
    """Passage indexes (0-based) that the text cites as [n]."""
    found = {int(n) - 1 for n in re.findall(r"\[(\d{1,2})\]", text)}
    return sorted(i for i in found if 0 <= i < count)


def _new_id() -> str:
    return "sug_" + uuid.uuid4().hex[:16]


def assist_events(rt: Runtime, conversation: dict, *, user_id: int | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (event, data) pairs for one conversation, ending with ('done', response)."""
    started = time.perf_counter()
    settings = rt.settings
    conv = prepare(conversation, redact_pii=settings.redact_pii)
    customer = conv["customer"]
    name = customer.get("name")
    signals = compute_signals(conv["messages"], tier=customer.get("tier"), high_value_tiers=settings.high_value_tiers)
    yield "signals", signals.public()

    question = latest_question(conv)
    t0 = time.perf_counter()
    hits = rt.retriever.search(question, k=4) if question.strip() else []
    retrieval_ms = (time.perf_counter() - t0) * 1000
    grounded = [h for h in hits if h.grounded][:MAX_PASSAGES]
    yield "citations", {"grounded": bool(grounded), "citations": [citation(h) for h in grounded]}

    t1 = time.perf_counter()
    engine, degraded = "extractive", False
    prompt = get_prompt("suggest_reply")
    prompt_version = "extractive@1"
    suggestions: list[dict] = []
    if grounded:
        text, used = None, []
        provider = rt.provider
        if provider is not None:
            try:
                parts = []
                for delta in provider.stream(build_reply_request(prompt, conv, grounded, signals)):
                    parts.append(delta)
                    yield "delta", {"index": 0, "text": delta}
                text = "".join(parts).strip()
                if not text:
                    raise ProviderError("empty response")
                used = cited_indexes(text, len(grounded)) or [0]
                engine, prompt_version = "anthropic", prompt.version
            except ProviderError:
                degraded, text = True, None
        if text is None:
            text, used = extractive.compose_answer(question, [(i, h.text) for i, h in enumerate(grounded)],
                                                   name=name, sentiment=signals.sentiment_label,
                                                   risk=signals.escalation_risk)
            yield "delta", {"index": 0, "text": text}
        suggestion = {"id": _new_id(), "kind": "answer", "text": text,
                      "confidence": answer_confidence(grounded[0].similarity, rt.retriever.threshold),
                      "grounded": True, "citations": [citation(grounded[i]) for i in used]}
        suggestions.append(suggestion)
        yield "suggestion", suggestion

    customer_text = "\n".join(m["text"] for m in conv["messages"] if m["role"] == "customer")
    missing_id = extractive.needs_order_id(customer_text)
    if not grounded or missing_id:
        clarify = {"id": _new_id(), "kind": "clarify", "grounded": False, "citations": [],
                   "text": extractive.clarify_text(question, name=name, missing_order_id=missing_id,
                                                   grounded=bool(grounded)),
                   "confidence": 0.6 if missing_id else 0.45}
        suggestions.append(clarify)
        yield "delta", {"index": len(suggestions) - 1, "text": clarify["text"]}
        yield "suggestion", clarify
    if signals.escalation_risk == "high" or not grounded:
        escalate = {"id": _new_id(), "kind": "escalate", "grounded": False, "citations": [],
                    "text": extractive.escalate_text(name=name, reasons=signals.escalation_reasons,
                                                     grounded=bool(grounded)),
                    "confidence": {"high": 0.85, "medium": 0.55}.get(signals.escalation_risk, 0.4)}
        suggestions.append(escalate)
        yield "delta", {"index": len(suggestions) - 1, "text": escalate["text"]}
        yield "suggestion", escalate
    suggestions = suggestions[:3]
    generation_ms = (time.perf_counter() - t1) * 1000

    conversation_id = store(rt, conv) if conv["messages"] else None
    with transaction(rt.db):
        conv_store.save_suggestions(rt.db, conversation_id, user_id, suggestions, engine=engine, degraded=degraded,
                                    prompt_version=prompt_version)
        if conversation_id is not None:
            conv_store.add_signal_event(rt.db, conversation_id, user_id, signals.public(), bool(grounded))
        if not grounded and question.strip():
            best = hits[0] if hits else None
            conv_store.add_knowledge_gap(rt.db, conversation_id, question, best.article_id if best else None,
                                         round(best.similarity, 4) if best else None)
    response = {
        "engine": engine, "degraded": degraded, "signals": signals.public(), "suggestions": suggestions,
        "prompt_version": prompt_version,
        "timing_ms": {"retrieval": round(retrieval_ms, 2), "generation": round(generation_ms, 2),
                      "total": round((time.perf_counter() - started) * 1000, 2)},
    }
    yield "done", response


def assist(rt: Runtime, conversation: dict, *, user_id: int | None = None) -> dict:
    """The whole Suggestions response for one conversation."""
    response: dict = {}
    for event, data in assist_events(rt, conversation, user_id=user_id):
        if event == "done":
            response = data
    return response
