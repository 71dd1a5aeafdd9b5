"""Customer context benchmark (writes bench/results/context.json).

A store holding 100,000 conversations of 20,000 customers (five each, on four helpdesk sites), each with
two messages, its customer links, its cached context summary and, for one in three, a promise. Measured:

1. `context_for` alone for a customer with five earlier conversations whose summaries are cached (the
   common case): p50 must stay <= 5 ms.
2. `context_for` the first time for a customer whose five earlier conversations were never summarized
   (stored before the feature): the lazy, bounded path, paid once per conversation.
3. `remember` (link, offline summary, promises, kept check) when assist records a conversation.
4. Whole assist requests with a customer id against the same requests without one, interleaved: the
   end-to-end cost of linking and context at p50 (both record the offline summary, which every stored
   conversation now gets: that part of the feature's cost is item 3).

The store is filled with bulk SQL (fabricated bench data, not product code paths). BENCH_SMOKE=1: 2,000
conversations, writes smoke-context.json.

Usage: python -m bench.bench_context [conversations]
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

import msgspec

from bench.common import ROOT, latency_summary, runtime, sized, write_result

SITES = [f"https://desk{i}.example.com" for i in range(4)]
PER_CUSTOMER = 5
ISSUES = ["my lamp arrived broken", "the side table is late", "I was charged twice", "my password reset link expired",
          "the mug set is damaged", "I was charged after cancelling"]
PROMISES = ["I've issued a refund of €42.50 and you will see it within 5 business days.",
            "We'll send a replacement by Friday.", "I will call you back tomorrow."]


def fill(rt, conversations: int) -> int:
    """Fabricated conversations with links, cached context and promises; returns the number of customers."""
    from backend.services import customers

    key = customers.secret(rt)
    rng = random.Random(0)
    customers_count = conversations // PER_CUSTOMER
    db = rt.db
    with db.transaction():
        batch = 20_000
        for start in range(0, conversations, batch):
            rows = range(start, min(conversations, start + batch))
            convs, messages, links, contexts, promises = [], [], [], [], []
            for i in rows:
                customer, nth = i % customers_count, i // customers_count
                site = SITES[customer % len(SITES)]
                day = f"2026-{1 + nth * 2:02d}-{1 + customer % 27:02d}T10:00:00Z"
                convs.append((i + 1, "zendesk", site, f"T-{i}", day, day, day))
                issue = rng.choice(ISSUES)
                messages.append((i + 1, "m1", 0, "customer", f"Hello, {issue}. Order ORD-{i}.", day, day))
                promise = PROMISES[i % 3] if i % 3 == 0 else "Let me check that for you."
                messages.append((i + 1, "m2", 1, "agent", promise, day, day))
                for k in customers.keys_for(key, "zendesk", site, customer_id=f"C-{customer}"):
                    links.append((i + 1, k))
                contexts.append((i + 1, f"The customer says that {issue}. The agent informs that {promise}", "low",
                                 0, day))
                if i % 3 == 0:
                    promises.append((i + 1, "m2", "refund", promise, day, day))
            db.run_many("INSERT INTO conversations (id, helpdesk, site, ticket_id, customer, created_at, updated_at, "
                        "last_activity_at) VALUES (?, ?, ?, ?, '{}', ?, ?, ?)", convs)
            db.run_many("INSERT INTO messages (conversation_id, message_key, ordinal, role, text, at, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", messages)
            db.run_many("INSERT INTO customer_links (conversation_id, customer_key) VALUES (?, ?)", links)
            db.run_many("INSERT INTO conversation_context (conversation_id, summary, risk, escalated, as_of) "
                        "VALUES (?, ?, ?, ?, ?)", contexts)
            db.run_many("INSERT INTO promises (conversation_id, message_key, kind, text, made_at, due_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", promises)
    return customers_count


def conversation(customer: int | None, ticket: str, site: str):
    from backend.models import Conversation

    return msgspec.convert({
        "helpdesk": "zendesk", "ticket_id": ticket, "url": f"{site}/agent/tickets/{ticket}",
        **({"customer": {"id": f"C-{customer}"}} if customer is not None else {}),
        "messages": [{"id": "m1", "role": "customer", "text": "Hi, I returned a lamp last week. When will I get my "
                      "refund?", "at": "2026-11-20T10:00:00Z"}]}, Conversation)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def measure(rt, customers_count: int, samples: int) -> dict:
    from backend.services import assist, customers
    from backend.services.conversations import prepare

    rng = random.Random(1)
    picks = rng.sample(range(customers_count), samples * 3)
    warm, cold, remember = [], [], []
    for n, customer in enumerate(picks[:samples]):
        site = SITES[customer % len(SITES)]
        conv = conversation(customer, f"NEW-{n}", site)
        thread = customers.identify(rt, conv, prepare(conv))
        context = customers.context_for(rt, thread)
        assert context.previous_conversations == PER_CUSTOMER, context.previous_conversations
        warm.append(timed(lambda t=thread: customers.context_for(rt, t)))  # type: ignore[misc]
    lazy = picks[samples:2 * samples]
    with rt.db.transaction():  # these customers' conversations were stored before context existed
        for customer in lazy:
            ids = [customer + k * customers_count + 1 for k in range(PER_CUSTOMER)]
            rt.db.run(f"DELETE FROM conversation_context WHERE conversation_id IN ({', '.join('?' * len(ids))})", ids)
    for n, customer in enumerate(lazy):
        conv = conversation(customer, f"LAZY-{n}", SITES[customer % len(SITES)])
        thread = customers.identify(rt, conv, prepare(conv))
        cold.append(timed(lambda t=thread: customers.context_for(rt, t)))  # type: ignore[misc]
    for n, customer in enumerate(picks[2 * samples:]):
        conv = conversation(customer, f"REC-{n}", SITES[customer % len(SITES)])
        thread = customers.identify(rt, conv, prepare(conv))
        from backend.services.conversations import store

        conversation_id = store(rt, thread)

        def record(t=thread, c=conversation_id) -> None:
            with rt.db.transaction():
                customers.remember(rt, c, t)
        remember.append(timed(record))
    # Whole assist requests, with and without a customer id, interleaved so both see the same machine.
    with_id, without = [], []
    for n in range(samples):
        customer = picks[n]
        site = SITES[customer % len(SITES)]
        with_id.append(timed(lambda c=customer, s=site, i=n: assist.assist(rt, conversation(c, f"A-{i}", s))))
        without.append(timed(lambda s=site, i=n: assist.assist(rt, conversation(None, f"B-{i}", s))))
    added = latency_summary(with_id)["p50_ms"] - latency_summary(without)["p50_ms"]
    return {"context_cached": latency_summary(warm), "context_first_time": latency_summary(cold),
            "remember_on_record": latency_summary(remember), "assist_with_customer": latency_summary(with_id),
            "assist_without_customer": latency_summary(without), "assist_added_p50_ms": round(added, 3)}


def main() -> None:
    from backend.services import assist
    from backend.services import kb as kb_service

    conversations = sized(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, 2_000)
    samples = sized(200, 50)
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), "minilm-int8")
        started = time.perf_counter()
        customers_count = fill(rt, conversations)
        fill_s = time.perf_counter() - started
        kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
        rt.retriever  # noqa: B018 - load the embedder and index before timing
        assist.assist(rt, conversation(None, "WARM-UP", SITES[0]))  # signal models load on first use
        result = {"conversations": conversations, "customers": customers_count, "fill_seconds": round(fill_s, 1),
                  "target": "context adds <= 5 ms to assist at p50 with 100,000 stored conversations",
                  **measure(rt, customers_count, samples)}
        result["context_cached_meets_target"] = result["context_cached"]["p50_ms"] <= 5.0
        rt.close()
    write_result("context", result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
