"""Handoff summaries: structured (issue, goal, steps, promises, open questions, next steps) with message
provenance, plus a plain `text` of at most 100 words. Extractive offline; Claude when configured."""

from __future__ import annotations

import re

import msgspec

from backend.llm import extractive
from backend.llm.base import LLMRequest, ProviderError, json_object
from backend.llm.prompts import get_prompt
from backend.llm.turns import conversation_block
from backend.models import Conversation, Item, Signals, Summary, Thread, Turn
from backend.services.conversations import prepare, store
from backend.services.runtime import Runtime
from backend.signals.rules import compute_signals
from backend.store import conversations as conv_store

MAX_WORDS = 100
_SENT = re.compile(r"(?<=[.!?])\s+|\n+")
_NOISE = re.compile(r"(?:^|\s)@\w+|https?://\S+|(?:^|\s)[\^\-–—~]\s?[A-Z]{1,3}\b|#\w+")
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?:\s+\w+)?\s*[,!.]\s*",
                       re.IGNORECASE)
_PROBLEM = re.compile(r"\b(?:not|n't|no|never|can't|cannot|unable|problem|issue|error|fail\w*|broken|wrong|"
                      r"missing|late|delay\w*|charged|declined|refund|cancel\w*|help|why|how|when|where)\b", re.I)
_GOAL = re.compile(r"\b(?:want|need|would like|'d like|can you|could you|please|how (?:do|can) I|is there a way|"
                   r"trying to|looking to)\b", re.IGNORECASE)
_STEP = re.compile(r"\b(?:I(?:'ve| have)|we(?:'ve| have)|I (?:checked|sent|refunded|reset|issued|escalated|updated|"
                   r"confirmed|cancelled|canceled|reviewed|looked)|checked|sent|refunded|issued|escalated|updated|"
                   r"confirmed|cancel(?:l)?ed|replaced|reset)\b", re.IGNORECASE)
_PROMISE = re.compile(r"\b(?:I'll|I will|we'll|we will|going to|will (?:be|get|send|receive|arrive|follow|reach|"
                      r"contact|refund|ship|update)|within \d+|by (?:tomorrow|monday|tuesday|wednesday|thursday|"
                      r"friday|the end of))\b", re.IGNORECASE)
_DM = re.compile(r"\b(?:DM|direct message|private message|send us a (?:DM|message)|follow(?:ing)? us|reach out)\b",
                 re.IGNORECASE)


def clean(text: str) -> str:
    """Message text without handles, links, hashtags and sign-offs like '^JD'."""
    return re.sub(r"\s+", " ", _NOISE.sub(" ", text)).strip()


def sentences(message: Turn) -> list[tuple[str, str]]:
    """(sentence, message key) pairs of one message, greetings dropped."""
    out = []
    for raw in _SENT.split(clean(message.text)):
        s = _GREETING.sub("", raw.strip()).strip()
        if len(s.split()) >= 3:
            out.append((s[0].upper() + s[1:], message.key))
    return out


def _item(text: str, keys: list[str]) -> Item:
    return Item(text, keys)


def _first(items: list[tuple[str, str]], pattern: re.Pattern | None = None) -> tuple[str, str] | None:
    return next((i for i in items if pattern is None or pattern.search(i[0])), None)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def extractive_summary(thread: Thread, signals: Signals) -> Summary:
    """The structured summary built from the conversation's own sentences."""
    messages = [m for m in thread.messages if m.role in ("customer", "agent", "bot")]
    customer = [s for m in messages if m.role == "customer" for s in sentences(m)]
    agent = [s for m in messages if m.role in ("agent", "bot") for s in sentences(m)]
    issue = _first(customer, _PROBLEM) or _first(customer)
    goal = _first(customer, _GOAL) or issue
    steps = [s for s in agent if _STEP.search(s[0]) and not _PROMISE.search(s[0])][:4]
    promises = [s for s in agent if _PROMISE.search(s[0])][:4]
    last_agent = max((i for i, m in enumerate(messages) if m.role in ("agent", "bot")), default=-1)
    open_q = [s for m in messages[last_agent + 1:] if m.role == "customer" for s in sentences(m) if s[0].endswith("?")]
    next_steps = [_item(f"Follow up on: {p[0]}", [p[1]]) for p in promises[:2]]
    if open_q:
        next_steps.insert(0, _item(f"Answer the customer: {open_q[-1][0]}", [open_q[-1][1]]))
    if not next_steps:
        next_steps = [_item("Confirm with the customer that the issue is resolved.", [])]
    agent_line = (_first(agent, _DM) and _first([a for a in agent if not _DM.search(a[0])])) or _first(agent)
    agent_key = (promises[0] if promises else steps[0] if steps else agent_line)
    # Third person, the way handoff notes read: "The customer says that ... The agent informs that ..."
    parts = []
    if issue:
        said = _words(issue[0], 40)
        parts.append(f"The customer asks: {said}" if said.endswith("?") else
                     f"The customer says that {_lower_first(said)}")
    if agent_key:
        parts.append(f"The agent informs that {_lower_first(_words(agent_key[0], 35))}")
    dm = _first(agent, _DM)
    if dm and dm != agent_key:
        parts.append(f"The agent also says that {_lower_first(_words(dm[0], 20))}")
    text = _words(" ".join(p if p.endswith((".", "?", "!", "…")) else p + "." for p in parts), MAX_WORDS)
    reasons = signals.escalation.reasons
    return Summary(
        issue=issue[0] if issue else "", customer_goal=goal[0] if goal else "",
        steps_taken=[_item(s, [k]) for s, k in steps], promises=[_item(s, [k]) for s, k in promises],
        open_questions=[_item(s, [k]) for s, k in open_q], next_steps=next_steps,
        sentiment=signals.sentiment.label,
        handoff_reason="; ".join(reasons) if signals.escalation.risk != "low" else "",
        entities=extractive.entities(thread.texts()), text=text)


def _model_summary(rt: Runtime, thread: Thread, base: Summary) -> Summary:
    """The configured model's summary (its JSON fields over the extractive one's)."""
    assert rt.provider is not None
    prompt = get_prompt("summarize")
    budget = prompt.input_budget_tokens - 400
    request = LLMRequest(purpose="summarize", system=prompt.system, context="",
                         user=prompt.render_user(conversation=conversation_block(thread, budget)),
                         max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)
    data = json_object(rt.provider.generate(request).text)
    if data is None or not isinstance(data.get("text"), str):
        raise ProviderError("summary was not the JSON object asked for")
    changes: dict[str, object] = {"text": _words(data["text"], MAX_WORDS)}
    for key in ("issue", "customer_goal", "handoff_reason"):
        if isinstance(data.get(key), str):
            changes[key] = data[key]
    for key in ("steps_taken", "promises", "open_questions", "next_steps"):
        if isinstance(data.get(key), list):
            changes[key] = [_item(str(t), []) for t in data[key] if str(t).strip()]
    return msgspec.structs.replace(base, **changes)


def summarize_thread(rt: Runtime, thread: Thread) -> Summary:
    """The summary of a prepared conversation (model when configured, else extractive), not stored."""
    signals = compute_signals(thread.messages, tier=thread.customer.tier, high_value_tiers=rt.settings.high_value_tiers)
    summary = extractive_summary(thread, signals)
    if rt.provider is None:
        return summary
    try:
        model = _model_summary(rt, thread, summary)
        return msgspec.structs.replace(model, engine=rt.provider.name, prompt_version=get_prompt("summarize").version)
    except ProviderError:
        return msgspec.structs.replace(summary, degraded=True)


def summarize(rt: Runtime, conversation: Conversation, *, user_id: int | None = None) -> Summary:
    """Summarize, store (latest + history) and return the Summary object."""
    thread = prepare(conversation, redact_pii=rt.settings.redact_pii)
    summary = summarize_thread(rt, thread)
    if thread.messages:
        conversation_id = store(rt, thread)
        with rt.db.transaction():
            conv_store.add_summary(rt.db, conversation_id, summary, user_id)
    return summary
