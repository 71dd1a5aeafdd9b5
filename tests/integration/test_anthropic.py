"""Claude path through the real anthropic SDK against a loopback fake of Anthropic's service."""

from __future__ import annotations

import time

import msgspec
import pytest

from backend.llm.anthropic import build_params
from backend.llm.base import LLMRequest
from backend.models import Conversation
from backend.services import kb as kb_service
from backend.services.assist import assist, assist_events
from backend.services.runtime import Runtime
from backend.services.summaries import summarize
from backend.settings import load_settings
from backend.store import conversations as conv_store
from tests.conftest import ROOT, TEST_EMBEDDER
from tests.fake_anthropic import FakeAnthropic

CONV = msgspec.convert({"helpdesk": "gorgias", "ticket_id": "A-1", "customer": {"name": "Sam"},
                        "messages": [{"id": "m1", "role": "customer", "text": "I sent my return back last week, "
                                      "when will the refund reach my card? sam@example.com"}]}, Conversation)


@pytest.fixture(scope="module")
def kb_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("claude")
    rt = Runtime(load_settings(data, env={"TANDEM_EMBEDDER": TEST_EMBEDDER}))
    kb_service.import_paths(rt, [ROOT / "kb"])
    rt.close()
    return data


@pytest.fixture
def claude(kb_data, monkeypatch):
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-test-fake")
    with FakeAnthropic(delay_s=1.5) as fake:
        settings = load_settings(kb_data, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "anthropic",
                                               "TANDEM_ANTHROPIC_BASE_URL": fake.url, "TANDEM_LLM_TIMEOUT_S": "0.5",
                                               "TANDEM_LLM_MAX_RETRIES": "2"})
        rt = Runtime(settings)
        yield rt, fake
        rt.close()


def test_build_params_caches_the_stable_prefix():
    request = LLMRequest(purpose="p", system="SYS", context="KB", user="USER", max_tokens=100, prompt_version="v1")
    params = build_params(request, "claude-x")
    assert params["system"] == [{"type": "text", "text": "SYS"},
                                {"type": "text", "text": "KB", "cache_control": {"type": "ephemeral"}}]
    assert params["messages"] == [{"role": "user", "content": "USER"}] and params["max_tokens"] == 100
    no_context = build_params(LLMRequest(purpose="p", system="SYS", context="", user="U", max_tokens=10,
                                         prompt_version="v"), "m")
    assert no_context["system"] == [{"type": "text", "text": "SYS", "cache_control": {"type": "ephemeral"}}]


def test_streamed_answer_with_cache_control_and_redaction(claude):
    rt, fake = claude
    events = list(assist_events(rt, CONV))
    done = events[-1][1]
    assert done.engine == "anthropic" and done.degraded is False
    answer = done.suggestions[0]
    assert answer.kind == "answer" and answer.text == fake.reply
    assert answer.citations and answer.grounded and answer.checks.cited
    deltas = [d.text for e, d in events if e == "delta" and d.index == 0]
    assert len(deltas) > 3 and "".join(deltas) == fake.reply
    request = fake.requests[0]
    assert request["body"]["stream"] is True
    assert request["body"]["system"][-1]["cache_control"] == {"type": "ephemeral"}
    assert "<kb_passages>" in request["body"]["system"][-1]["text"]
    assert "sam@example.com" not in str(request["body"]) and "[EMAIL]" in str(request["body"])
    assert request["headers"].get("x-api-key") == "sk-test-fake" or \
        request["headers"].get("authorization") == "Bearer sk-test-fake"
    assist(rt, CONV)
    calls = conv_store.llm_calls(rt.db)
    assert calls[-1].ok and calls[-1].cache_read_tokens == 900 and calls[0].cache_write_tokens == 900


def test_429_then_success_is_retried(claude):
    rt, fake = claude
    fake.behaviours = ["429", "ok"]
    done = assist(rt, CONV)
    assert done.engine == "anthropic" and not done.degraded
    assert len(fake.requests) == 2


def test_persistent_529_falls_back_to_extractive(claude):
    rt, fake = claude
    fake.behaviours = ["529"]
    done = assist(rt, CONV)
    assert done.degraded is True and done.engine == "extractive"
    assert done.suggestions[0].kind == "answer" and done.suggestions[0].citations
    assert len(fake.requests) == 3  # one try + two bounded retries
    assert not conv_store.llm_calls(rt.db)[-1].ok


def test_error_event_mid_stream_falls_back(claude):
    rt, fake = claude
    fake.behaviours = ["error_mid_stream"]
    events = list(assist_events(rt, CONV))
    done = events[-1][1]
    assert done.degraded is True
    answer = done.suggestions[0]
    assert answer.text != fake.reply and answer.text.startswith("Hi Sam,") and answer.citations
    assert any(e == "delta" for e, _ in events)  # partial Claude text was streamed before the failure


def test_slow_response_times_out_within_budget(claude):
    rt, fake = claude
    fake.behaviours = ["slow"]
    started = time.perf_counter()
    done = assist(rt, CONV)
    elapsed = time.perf_counter() - started
    assert done.degraded is True
    assert elapsed < 0.5 * 3 + 3.0  # three tries of 0.5 s each, plus backoff


def test_summary_through_claude_json(claude):
    rt, fake = claude
    fake.reply = ('{"issue": "Refund timing", "customer_goal": "Get the refund", "steps_taken": [], "promises": '
                  '["Refund in 5 days"], "open_questions": [], "next_steps": ["Check refund"], "handoff_reason": "", '
                  '"text": "Customer asks when the refund arrives. Agent explains 5 to 10 business days."}')
    summary = summarize(rt, CONV)
    assert summary.engine == "anthropic" and summary.issue == "Refund timing"
    assert summary.promises[0].text == "Refund in 5 days"
    fake.reply = "not json at all"
    fallback = summarize(rt, CONV)
    assert fallback.engine == "extractive" and fallback.degraded is True


def test_faq_draft_written_by_claude_and_falls_back_to_agents_words(claude, tmp_path):
    from backend.services import faq, history

    rt, fake = claude
    history_file = tmp_path / "h.jsonl"
    history_file.write_text((ROOT / "tests" / "fixtures" / "history" / "repeated_questions.jsonl").read_text())
    history.import_history(rt, [history_file])
    fake.reply = '{"question": "Is there a student discount?", "answer": "Students get 10% off full-priced items."}'
    report = faq.mine(rt, min_count=3)
    drafts = [d for d in faq.list_drafts(rt) if "student" in d.question.lower()]
    assert report.new_drafts >= 1 and drafts[0].answer == "Students get 10% off full-priced items."
    assert drafts[0].engine == "anthropic"
    evidence = fake.requests[-1]["body"]["messages"][0]["content"]
    assert "<evidence>" in evidence and "Customer:" in evidence and "Agent:" in evidence
    # Claude answering with something other than the JSON asked for: the agents' own words are used.
    for draft in faq.list_drafts(rt):
        faq.reject(rt, draft.id, user="t", reason="reset for the test")
    rt.db.run("DELETE FROM faq_drafts")
    fake.reply = "Sorry, I cannot help with that."
    faq.mine(rt, min_count=3)
    fallback = next(d for d in faq.list_drafts(rt) if "student" in d.question.lower())
    assert fallback.engine == "extractive" and "10%" in fallback.answer
