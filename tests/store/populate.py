"""A store with something in every table, written through the services (as the API and CLI write it)."""

from __future__ import annotations

import time
from datetime import timedelta

import msgspec
import numpy as np

from backend.models import ArticleIn, Conversation, LLMCall
from backend.services import access, assist, feedback, summaries
from backend.services import kb as kb_service
from backend.services import users as user_service
from backend.services.history import import_history
from backend.services.jobs import run_if_due
from backend.store import conversations as conv_store
from backend.store import faq as faq_store
from tests.conftest import FIXTURES, ROOT

QUESTIONS = [
    ("zendesk", "How long until I get my refund for a returned lamp?"),
    ("zendesk", "My order is late, it was supposed to arrive Monday. Where is it?"),
    ("freshdesk", "I was charged twice for the same order!! This is the second time I write, I want a chargeback."),
    ("freshdesk", "Can you recommend a good pizza place near the harbour tonight?"),
]
# Every table a populated store has rows in (what `db copy` must carry and `db check` counts).
FILLED = ("meta", "articles", "chunks", "chunk_vectors", "chunk_tombstones", "users", "conversations", "messages",
          "suggestions", "feedback", "summaries", "knowledge_gaps", "llm_calls", "message_vectors", "faq_drafts",
          "signal_events", "jobs", "sessions", "rate_windows", "learned_questions", "customer_links",
          "conversation_context", "promises", "qa_verdicts")


def conversation(desk: str, ticket: str, text: str) -> Conversation:
    return msgspec.convert({"helpdesk": desk, "ticket_id": ticket, "url": f"https://{desk}.example.com/t/{ticket}",
                            "customer": {"name": "Dana", "tier": "vip", "id": f"cust-{ticket}"},
                            "messages": [{"id": "m1", "role": "customer", "text": text, "at": "2026-03-01T10:00:00Z"},
                                         {"id": "m2", "role": "agent",
                                          "text": "Let me check that for you. I will call you back tomorrow."}]},
                           Conversation)


def populate(rt) -> dict:
    """Demo KB (one article removed, for a tombstone), users, assist requests with feedback, summaries, gaps,
    history with message vectors, an FAQ draft, an LLM call record, a session, rate windows and a job lease."""
    kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    kb_service.upsert_articles(rt, [ArticleIn(external_id="gone", title="Soon gone", body="Temporary article.")],
                               source="extra")
    kb_service.remove_articles(rt, ["gone"], source="extra")
    tokens = {name: user_service.add_user(rt, name, role)
              for name, role in (("ana", "agent"), ("bo", "agent"), ("lin", "lead"), ("kim", "knowledge_manager"))}
    ids = {u.name: u.id for u in user_service.list_users(rt)}
    suggestion_ids = []
    for i, (desk, question) in enumerate(QUESTIONS):
        agent = "ana" if i % 2 == 0 else "bo"
        conv = conversation(desk, f"R-{i}", question)
        result = assist.assist(rt, conv, user_id=ids[agent])
        first = result.suggestions[0]
        suggestion_ids.append(first.id)
        action = ("inserted", "edited", "dismissed", "rated")[i]
        feedback.record(rt, suggestion_id=first.id, action=action, rating=5 if action == "rated" else None,
                        final_text=first.text + " Thanks!" if action == "edited" else None, user_id=ids[agent])
        summaries.summarize(rt, conv, user_id=ids[agent])
    import_history(rt, [FIXTURES / "history" / "repeated_questions.jsonl", FIXTURES / "history" / "linked_answers.jsonl"])
    from backend.services.history import embed_customer_messages

    embed_customer_messages(rt)
    from backend.services.qa_feedback import record_verdict

    record_verdict(rt, helpdesk="zendesk", ticket_id="L-1", message_id="a1", flag="rude_or_dismissive",
                   verdict="dismiss", by="lin")
    with rt.db.transaction():
        rows = [r.row_id for r in faq_store.customer_messages(rt.db)[:3]]
        draft_id = faq_store.insert_draft(rt.db, faq_store.NewDraft(
            question="Can students get a discount?", answer="Yes, 10% with a valid student id.", cluster_size=3,
            member_rows=rows, member_message_ids=["m1", "m1", "m1"], example_queries=["student discount?"],
            source_conversation_ids=["1", "2", "3"], nearest_article_id="refund-timing", nearest_similarity=0.42,
            suggested_action="new_article", embedder=rt.retriever.embedder.name, engine="extractive"),
            np.ones(rt.retriever.embedder.dim, dtype=np.float32))
        conv_store.record_llm_call(rt.db, LLMCall(provider="anthropic", model="m", purpose="assist", ok=True,
                                                  input_tokens=10, output_tokens=5, latency_ms=12.5))
    users = {u.id: u for u in (user_service.authenticate(rt, t) for t in tokens.values()) if u}
    session_id, _ = access.start_session(rt, users[ids["lin"]])
    access.count_request(rt, users[ids["ana"]], "assist")
    access.login_failed(rt, "203.0.113.9", "tdm_wrong", "bad token")
    run_if_due(rt, "faq-mine", timedelta(hours=1), lambda: time.sleep(0))
    return {"tokens": tokens, "ids": ids, "suggestions": suggestion_ids, "draft": draft_id, "session": session_id}
