"""Reply suggestions: grounded answers with citations, or an honest clarify / escalate when the KB is silent.

`assist_events` runs the named steps in order and yields the SSE events as it goes (signals, citations,
delta*, suggestion*, done); `assist` runs it to the end and returns the `done` payload. A model writes
the answer when one is configured, and its text is checked against the passages it cites before an
agent can insert it; any provider failure falls back to the extractive engine with `degraded: true`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import msgspec
import numpy as np

from backend import tuning
from backend.llm import checks, extractive
from backend.llm.base import LLMRequest, Provider, ProviderError
from backend.llm.prompts import Prompt, get_prompt
from backend.llm.turns import conversation_block
from backend.models import (
    Citation,
    Conversation,
    Freshness,
    Hit,
    Signals,
    Suggestion,
    Suggestions,
    Thread,
    Timing,
)
from backend.services import customers
from backend.services.conversations import conversation_query, prepare_for, store, without_name
from backend.services.generation import OFFLINE, stream_or_fall_back
from backend.services.runtime import Runtime
from backend.signals.core import compute_signals
from backend.signals.language import detect_language, language_name
from backend.store import conversations as conv_store
from backend.text import count_tokens

if TYPE_CHECKING:
    from backend.retrieval.hybrid import Retriever

EXTRACTIVE_VERSION = "extractive@1"


class Delta(msgspec.Struct):
    """Streamed text of the suggestion at `index` (the `suggestion` event replaces what deltas built)."""

    index: int
    text: str


class CitationsEvent(msgspec.Struct):
    """What retrieval found: whether the KB answers, and the passages an answer may cite."""

    grounded: bool
    citations: list[Citation]


class Retrieval(msgspec.Struct, kw_only=True):
    """The retrieval step's outcome: the conversation's question, and any other issue the customer raised
    that another article answers (`others`, latest first)."""

    question: str
    hits: list[Hit]
    grounded: list[Hit]
    ms: float
    others: list[Retrieval] = msgspec.field(default_factory=list)
    freshness: dict[str, Freshness] = msgspec.field(default_factory=dict)  # by article id, for citations


class Drafted(msgspec.Struct, kw_only=True):
    """The answer step's outcome."""

    suggestion: Suggestion | None
    engine: str
    degraded: bool
    prompt_version: str


Event = tuple[str, msgspec.Struct]


def citation(hit: Hit, freshness: dict[str, Freshness] | None = None) -> Citation:
    """The citation shape of the Suggestions contract."""
    quote = " ".join(hit.text.split())
    return Citation(article_id=hit.article_id, title=hit.title, url=hit.url, chunk_id=hit.chunk_id,
                    quote=quote[:280] + ("…" if len(quote) > 280 else ""),
                    freshness=(freshness or {}).get(hit.article_id))


def attach_freshness(rt: Runtime, found: Retrieval) -> None:
    """Look up how current every article the answers may cite is (one query), for their citations."""
    from backend.services.upkeep import freshness

    ids = {h.article_id for r in (found, *found.others) for h in r.grounded}
    fresh = freshness(rt, sorted(ids))
    for r in (found, *found.others):
        r.freshness = fresh


def build_reply_request(prompt: Prompt, thread: Thread, hits: list[Hit], signals: Signals) -> LLMRequest:
    """The LLM request for an answer: system + KB passages as the cached prefix, the conversation after."""
    passages = "\n\n".join(f"[{i}] {h.title} (article {h.article_id})\n{h.text}" for i, h in enumerate(hits, start=1))
    context = prompt.render_context(passages=passages)
    fixed = count_tokens(prompt.system) + count_tokens(context) + count_tokens(prompt.user_template)
    budget = max(200, prompt.input_budget_tokens - fixed)
    user = prompt.render_user(conversation=conversation_block(thread, budget), sentiment=signals.sentiment.label,
                              language=language_name(signals.language))
    return LLMRequest(purpose="suggest_reply", system=prompt.system, context=context, user=user,
                      max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)


def answer_language(suggestions: list[Suggestion], default: str) -> str | None:
    """The language the answer suggestions are written in (detected), None when there is no answer."""
    text = " ".join(checks.MARKER.sub(" ", s.text) for s in suggestions if s.kind == "answer")
    return detect_language(text, default=default) if text.strip() else None


def _new_id() -> str:
    return "sug_" + uuid.uuid4().hex[:16]


# ---- the steps ----------------------------------------------------------------------------------------

def retrieve(rt: Runtime, thread: Thread, *, replay: bool = False, use_learned: bool = True) -> Retrieval:
    """Search the KB for the conversation's question (every customer turn, weighted toward the latest, and
    the agent's clarifying questions); keep the grounded hits an answer may use. When the customer raised
    more than one issue, each issue's own best article is found too (latest issue first). A `replay` of a
    stored conversation does not use what was learned from that conversation itself."""
    started = time.perf_counter()
    query = conversation_query(thread)
    if not query.question.strip() or not query.parts:
        return Retrieval(question=query.question, hits=[], grounded=[], ms=(time.perf_counter() - started) * 1000)
    # A conversation in another language than the KB's goes to the multilingual encoder, judged on all its turns
    # (a short follow-up, "y el precio?", says too little alone) so one conversation keeps one encoder.
    retriever = rt.retriever_for(" ".join(part.text for part in query.parts))
    vectors = retriever.embed_texts([part.text for part in query.parts])
    mixed = retriever.mix(vectors, [part.weight for part in query.parts]) if len(query.parts) > 1 else vectors[0]
    exclude = thread.ticket_id if replay else None
    hits = retriever.search(query.question, k=tuning.SEARCH_K, query_vector=mixed, lexical_query=query.lexical,
                            use_learned=use_learned, exclude_ticket=exclude)
    found = Retrieval(question=query.question, hits=hits, grounded=[h for h in hits if h.grounded][: tuning.MAX_PASSAGES],
                      ms=0.0)
    issues = [(" ".join(query.parts[i].text for i in reversed(group)),
               retriever.mix(vectors[group], [query.parts[i].weight for i in group]))
              for group in query.issues()[: tuning.MAX_ISSUES]]
    if len(issues) > 1:
        found = _with_other_issues(retriever, found, issues, use_learned=use_learned, exclude_ticket=exclude)
    found.ms = (time.perf_counter() - started) * 1000
    return found


def _with_other_issues(retriever: Retriever, found: Retrieval, issues: list[tuple[str, np.ndarray]], *,
                       use_learned: bool, exclude_ticket: str | None) -> Retrieval:
    """Each issue's own best article (its text alone); the issues another article answers become `others`,
    and the latest issue's answer goes first."""
    latest_vector = issues[0][1]
    # An earlier turn that says much the same as the latest ("when will my refund come?" after "I returned the
    # lamp, where is the money?") is the same issue restated, not another one.
    issues = issues[:1] + [(text, vector) for text, vector in issues[1:]
                           if float(np.dot(vector, latest_vector)) < tuning.ISSUE_DISTINCT]
    if len(issues) < 2:
        return found
    own: list[Retrieval] = []
    for text, vector in issues:
        hits = retriever.search(text, k=2, query_vector=vector, use_learned=use_learned,
                                   exclude_ticket=exclude_ticket)
        grounded = [h for h in hits[:1] if h.grounded]
        own.append(Retrieval(question=text, hits=hits, grounded=grounded, ms=0.0))
    primary = found.grounded[0].article_id if found.grounded else None
    latest = own[0]
    if latest.grounded and latest.grounded[0].article_id != primary and \
            any(o.grounded and o.grounded[0].article_id == primary for o in own[1:]):
        found, own = latest, [found, *own[1:]]  # the mix leaned on an earlier issue: the latest one answers first
    taken = {h.article_id for h in found.grounded[:1]}
    for issue in own:
        if issue.grounded and issue.grounded[0].article_id not in taken and len(found.others) < tuning.MAX_OTHER_ISSUES:
            found.others.append(issue)
            taken.add(issue.grounded[0].article_id)
    return found


def draft_answer(rt: Runtime, thread: Thread, found: Retrieval, signals: Signals,
                 index: int = 0) -> Iterator[Event | Drafted]:
    """Stream an answer from the grounded passages (model, else extractive); ends with the Drafted outcome.

    A generated answer is checked against its evidence: citing no retrieved passage makes it a
    `clarify`, and commitments no passage or turn supports are flagged (or removed) before it is final.
    """
    if not found.grounded:
        yield Drafted(suggestion=None, engine="extractive", degraded=False, prompt_version=EXTRACTIVE_VERSION)
        return

    def model(provider: Provider) -> Iterator[Event | Drafted]:
        prompt = get_prompt("suggest_reply")
        parts: list[str] = []
        for delta in provider.stream(build_reply_request(prompt, thread, found.grounded, signals)):
            parts.append(delta)
            yield "delta", Delta(index, delta)
        text = "".join(parts).strip()
        if not text:
            raise ProviderError("empty response")
        verdict = checks.verify(text, [h.text for h in found.grounded], thread)
        cited = [found.grounded[i] for i in verdict.cited_indexes]
        if verdict.checks.cited:
            suggestion = Suggestion(id=_new_id(), kind="answer", text=verdict.text,
                                    confidence=found.grounded[0].confidence, grounded=True,
                                    citations=[citation(h, found.freshness) for h in cited], checks=verdict.checks)
        else:  # an answer resting on nothing retrieved is never shown as an answer from the KB
            suggestion = Suggestion(id=_new_id(), kind="clarify", text=verdict.text, priority="low",
                                    grounded=False, citations=[], checks=verdict.checks)
        yield Drafted(suggestion=suggestion, engine=provider.name, degraded=False, prompt_version=prompt.version)

    def offline(degraded: bool) -> Iterator[Event | Drafted]:
        text, used = extractive.compose_answer(found.question, [(i, h.text) for i, h in enumerate(found.grounded)],
                                               name=thread.customer.name, sentiment=signals.sentiment.label,
                                               risk=signals.escalation.risk)
        yield "delta", Delta(index, text)
        suggestion = Suggestion(id=_new_id(), kind="answer", text=text, confidence=found.grounded[0].confidence,
                                grounded=True, citations=[citation(found.grounded[i], found.freshness) for i in used])
        yield Drafted(suggestion=suggestion, engine=OFFLINE, degraded=degraded, prompt_version=EXTRACTIVE_VERSION)

    yield from stream_or_fall_back(rt, model, offline)


def other_suggestions(thread: Thread, found: Retrieval, signals: Signals, *, answered: bool) -> list[Suggestion]:
    """Clarify (a missing order number, or no KB answer) and escalate (high risk, or no KB answer)."""
    name = thread.customer.name
    missing_id = extractive.needs_order_id("\n".join(thread.texts("customer")))
    out: list[Suggestion] = []
    if not answered or missing_id:
        out.append(Suggestion(id=_new_id(), kind="clarify", grounded=False, citations=[],
                              text=extractive.clarify_text(found.question, name=name, missing_order_id=missing_id,
                                                           grounded=answered, language=signals.language),
                              priority="high" if missing_id else "normal"))
    if signals.escalation.risk == "high" or not answered:
        out.append(Suggestion(id=_new_id(), kind="escalate", grounded=False, citations=[],
                              text=extractive.escalate_text(name=name, reasons=signals.escalation.reasons,
                                                            grounded=answered, language=signals.language),
                              priority=("high" if signals.escalation.risk == "high"
                                        else "normal" if signals.escalation.risk == "medium" else "low")))
    return out


def record(rt: Runtime, thread: Thread, found: Retrieval, signals: Signals, suggestions: list[Suggestion],
           drafted: Drafted, user_id: int | None) -> None:
    """Store the conversation, the suggestions shown (feedback refers to them), the signals and any gap."""
    conversation_id = store(rt, thread) if thread.messages else None
    answered = any(s.kind == "answer" for s in suggestions)
    # The agent sees the customer's name; the store keeps [NAME] in its place.
    stored = [msgspec.structs.replace(s, text=without_name(s.text, thread.customer.name)) for s in suggestions]
    with rt.db.transaction():
        conv_store.save_suggestions(rt.db, conversation_id, user_id, stored, engine=drafted.engine,
                                    degraded=drafted.degraded, prompt_version=drafted.prompt_version)
        if conversation_id is not None:
            conv_store.add_signal_event(rt.db, conversation_id, user_id, signals, answered)
            customers.remember(rt, conversation_id, thread, signals)
        if not found.grounded and found.question.strip():
            best = found.hits[0] if found.hits else None
            conv_store.add_knowledge_gap(rt.db, conversation_id, found.question, best.article_id if best else None,
                                         round(best.similarity, 4) if best else None)


# ---- the pipeline -------------------------------------------------------------------------------------------

def assist_events(rt: Runtime, conversation: Conversation, *, user_id: int | None = None,
                  persist: bool = True) -> Iterator[Event]:
    """Yield (event, data) pairs for one conversation, ending with ('done', Suggestions).

    `persist=False` (replays in `tandem eval`) runs the same pipeline without storing anything.
    """
    started = time.perf_counter()
    thread = customers.identify(rt, conversation,
                                prepare_for(rt, conversation))
    signals = compute_signals(thread.messages, tier=thread.customer.tier, high_value_tiers=rt.settings.high_value_tiers)
    yield "signals", signals
    found = retrieve(rt, thread)
    attach_freshness(rt, found)
    yield "citations", CitationsEvent(grounded=bool(found.grounded),
                                      citations=[citation(h, found.freshness) for h in found.grounded])
    context = customers.context_for(rt, thread)  # this customer's earlier conversations on this helpdesk site
    yield "context", context

    generation_started = time.perf_counter()
    drafted: Drafted | None = None
    for item in draft_answer(rt, thread, found, signals):
        if isinstance(item, Drafted):
            drafted = item
        else:
            yield item
    assert drafted is not None
    suggestions = [drafted.suggestion] if drafted.suggestion is not None else []
    if suggestions:
        yield "suggestion", suggestions[0]
        for other in found.others:  # another issue the customer raised, answered from its own article
            for item in draft_answer(rt, thread, other, signals, index=len(suggestions)):
                if not isinstance(item, Drafted):
                    yield item
                elif item.suggestion is not None:
                    suggestions.append(item.suggestion)
                    yield "suggestion", item.suggestion
    answered = any(s.kind == "answer" for s in suggestions)
    extras = other_suggestions(thread, found, signals, answered=answered)
    room = tuning.MAX_SUGGESTIONS - len(suggestions)
    if len(extras) > room:  # two answers leave room for one more: an escalation before a clarifying question
        extras = ([e for e in extras if e.kind == "escalate"] or extras)[:room]
    for extra in extras:
        suggestions.append(extra)
        yield "delta", Delta(len(suggestions) - 1, extra.text)
        yield "suggestion", extra
    generation_ms = (time.perf_counter() - generation_started) * 1000

    if persist:
        record(rt, thread, found, signals, suggestions, drafted, user_id)
    yield "done", Suggestions(
        engine=drafted.engine, degraded=drafted.degraded, signals=signals, suggestions=suggestions,
        prompt_version=drafted.prompt_version, context=context, customer_language=signals.language,
        answer_language=answer_language(suggestions, signals.language),
        timing_ms=Timing(retrieval=round(found.ms, 2), generation=round(generation_ms, 2),
                         total=round((time.perf_counter() - started) * 1000, 2)))


def assist(rt: Runtime, conversation: Conversation, *, user_id: int | None = None,
           persist: bool = True) -> Suggestions:
    """The whole Suggestions response for one conversation."""
    for event, data in assist_events(rt, conversation, user_id=user_id, persist=persist):
        if event == "done":
            assert isinstance(data, Suggestions)
            return data
    raise RuntimeError("assist ended without a result")
