"""Who is this customer: conversations linked by a keyed hash of the customer's id or e-mail (HMAC-SHA256
with a secret created once per installation and kept in the store's meta table, scoped to helpdesk + site),
their earlier conversations as context with summaries and the promises agents made, and erasure.

The raw id and e-mail are never stored, logged or exported: only the hashes in `customer_links` are.
Rotating the secret cannot re-key anything (the values are not kept): it drops every link, so conversations
before the rotation are no longer anyone's context and `forget` can no longer find them by identity
(retention still removes them in time).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

import msgspec

from backend import tuning
from backend.dates import parse_instant
from backend.errors import InvalidInput
from backend.llm import promises as promise_rules
from backend.llm.handoff import extractive_summary
from backend.models import Conversation, CustomerContext, EarlierConversation, OpenPromise, Signals, Thread
from backend.services.conversations import site_of
from backend.services.runtime import Runtime
from backend.signals.core import compute_signals
from backend.store import conversations as conv_store
from backend.store import customers as customer_store
from backend.store.db import get_meta, now_iso, set_meta

SECRET_KEY = "secret:customer_key"


class ForgetReport(msgspec.Struct):
    conversations: int
    faq_drafts: int = 0  # drafts deleted because they were left with no evidence


def secret(rt: Runtime) -> bytes:
    """The installation's customer-key secret, created on first use and shared by every worker."""
    existing = get_meta(rt.db, SECRET_KEY)
    if existing:
        return existing.encode()
    with rt.db.transaction():  # never overwrites: a worker that lost the race reads the winner's secret
        customer_store.create_secret(rt.db, SECRET_KEY, secrets.token_urlsafe(32))
    return (get_meta(rt.db, SECRET_KEY) or "").encode()


def keys_for(key: bytes, helpdesk: str, site: str, *, customer_id: str | None = None,
             email: str | None = None) -> list[str]:
    """The keyed hashes of a customer's id and e-mail (trimmed, lowercased) on one helpdesk site."""
    out = []
    for kind, value in (("id", customer_id), ("email", email)):
        value = (value or "").strip().lower()
        if value:
            message = "\x1f".join((helpdesk, site, kind, value)).encode()
            out.append(hmac.new(key, message, hashlib.sha256).hexdigest())
    return out


def identify(rt: Runtime, conversation: Conversation, thread: Thread) -> Thread:
    """The prepared thread with its customer's keys (none when the conversation names no id or e-mail)."""
    customer = conversation.customer
    if customer is None or not (customer.id or customer.email):
        return thread
    keys = keys_for(secret(rt), thread.helpdesk, thread.site, customer_id=customer.id, email=customer.email)
    return msgspec.structs.replace(thread, customer_keys=keys)


def context_for(rt: Runtime, thread: Thread) -> CustomerContext:
    """Up to CONTEXT_RECENT earlier conversations of this customer on this helpdesk site, with their summaries
    (computed once and cached when missing or stale) and the promises not known kept."""
    if not thread.customer_keys:
        return CustomerContext()
    count, rows = customer_store.earlier(rt.db, thread.customer_keys, thread.helpdesk, thread.site, thread.ticket_id,
                                         tuning.CONTEXT_RECENT)
    if not rows:
        return CustomerContext()
    for i, row in enumerate(rows):
        if row.as_of is None or row.as_of < row.last_activity_at:  # never summarized, or it went on since
            refreshed = summarize_stored(rt, row.conversation_id)
            if refreshed is not None:
                rows[i] = msgspec.structs.replace(row, summary=refreshed[0], risk=refreshed[1],
                                                  escalated=refreshed[2], as_of=row.last_activity_at)
    now = now_iso()
    promised: dict[int, list[OpenPromise]] = {}
    for p in customer_store.promises_of(rt.db, [r.conversation_id for r in rows]):
        promised.setdefault(p.conversation_id, []).append(
            OpenPromise(text=p.text, due=p.due_at, status="overdue" if p.due_at < now else "open"))
    return CustomerContext(previous_conversations=count, recent=[
        EarlierConversation(ticket_id=r.ticket_id, last_activity_at=r.last_activity_at, summary=r.summary or "",
                            risk=r.risk or "low", escalated=r.escalated,
                            open_promises=promised.get(r.conversation_id, []))
        for r in rows])


def summarize_stored(rt: Runtime, conversation_id: int) -> tuple[str, str, bool] | None:
    """Summarize a stored conversation offline and cache it (and its promises); None if it is gone."""
    thread = conv_store.load_thread(rt.db, conversation_id)
    if thread is None:
        return None
    with rt.db.transaction():
        return _remember_summary(rt, conversation_id, thread, None)


def remember(rt: Runtime, conversation_id: int, thread: Thread, signals: Signals | None = None) -> None:
    """After a conversation is stored: link it to its customer, cache its offline summary and promises, and
    mark kept the customer's earlier promises this conversation shows done. Call inside a transaction."""
    if thread.customer_keys:
        customer_store.link(rt.db, conversation_id, thread.customer_keys)
    _remember_summary(rt, conversation_id, thread, signals)
    if thread.customer_keys:
        _mark_kept(rt, conversation_id, thread)


def _remember_summary(rt: Runtime, conversation_id: int, thread: Thread,
                      signals: Signals | None) -> tuple[str, str, bool]:
    signals = signals or compute_signals(thread.messages, tier=thread.customer.tier,
                                         high_value_tiers=rt.settings.high_value_tiers)
    summary = extractive_summary(thread, signals)
    risk = signals.escalation.risk
    escalated = risk == "high" or any(m.role == "agent" and "escalat" in m.text.lower() for m in thread.messages)
    as_of = conv_store.last_activity(rt.db, conversation_id) or now_iso()
    customer_store.save_context(rt.db, conversation_id, summary.text, risk, escalated, as_of,
                                customer_store.ConversationSignals(signals.sentiment.label, signals.sentiment.score,
                                                                   list(signals.escalation.reasons)))
    at_of = {m.key: m.at for m in thread.messages}
    new = []
    for item in summary.promises:
        kind = promise_rules.kind_of(item.text)
        key = item.message_ids[0] if item.message_ids else ""
        if kind is None:
            continue
        made = at_of.get(key) or as_of
        due = promise_rules.due_from(item.text, _instant(made))
        new.append(customer_store.NewPromise(key, kind, item.text, made, due.strftime("%Y-%m-%dT%H:%M:%SZ")))
    customer_store.add_promises(rt.db, conversation_id, new)
    return summary.text, risk, escalated


def _instant(value: str) -> datetime:
    return datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def _mark_kept(rt: Runtime, conversation_id: int, thread: Thread) -> None:
    """The rule: a promise is kept when a later conversation of the same customer says a thing of its kind
    happened ("the refund came through", "thanks for calling me back"), in a message after it was made."""
    others = customer_store.linked_conversations(rt.db, thread.customer_keys, conversation_id)
    for promise in customer_store.promises_of(rt.db, others):
        for message in thread.messages:
            if message.role in ("customer", "agent") and promise_rules.shows_done(message.text, promise.kind) \
                    and (message.at is None or message.at > promise.made_at):
                customer_store.mark_kept(rt.db, promise.id, message.at or now_iso(), conversation_id)
                break


def forget(rt: Runtime, helpdesk: str, site: str, *, customer_id: str | None = None,
           email: str | None = None) -> ForgetReport:
    """Erase one customer's conversations on one helpdesk site (the hash is computed, nothing is looked up in
    clear); everything derived from them cascades, then the store is compacted."""
    from backend.services.retention import scrub_drafts
    from backend.store import reports as report_store

    if not (customer_id or "").strip() and not (email or "").strip():
        raise InvalidInput("give the customer's --id or --email")
    helpdesk = helpdesk.strip().lower()[:100] or "api"
    site = site_of(site) or site.strip().lower()
    keys = keys_for(secret(rt), helpdesk, site, customer_id=customer_id, email=email)
    with rt.db.transaction():
        removed = customer_store.forget(rt.db, keys)
        drafts = scrub_drafts(rt) if removed else 0
    report_store.compact(rt.db)
    return ForgetReport(conversations=removed, faq_drafts=drafts)


def rotate_secret(rt: Runtime) -> int:
    """Replace the secret and drop every link (old keys cannot be re-keyed: the values were never kept);
    returns how many links were dropped."""
    with rt.db.transaction():
        dropped = customer_store.unlink_all(rt.db)
        set_meta(rt.db, SECRET_KEY, secrets.token_urlsafe(32))
    return dropped


def promise_weeks(rt: Runtime, since: str | None = None, until: str | None = None) -> list[dict]:
    """Promises made, kept and now overdue, per ISO week of when they were made."""
    now = now_iso()
    weeks: dict[str, dict[str, int]] = {}
    for made_at, due_at, kept_at in customer_store.promise_rows(rt.db, since, until):
        year, week, _ = _instant(parse_instant(made_at) or made_at).isocalendar()
        row = weeks.setdefault(f"{year}-W{week:02d}", {"made": 0, "kept": 0, "overdue": 0})
        row["made"] += 1
        row["kept"] += kept_at is not None
        row["overdue"] += kept_at is None and due_at < now
    return [{"week": week, **counts} for week, counts in sorted(weeks.items())]
