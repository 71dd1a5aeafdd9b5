import json

import pytest

from backend.llm.prompts import PromptError, get_prompt, load_prompt
from backend.llm.tokens import count_tokens
from backend.services.assist import answer_confidence, cited_indexes, format_conversation
from backend.services.conversations import LimitExceeded, check_limits, infer_roles, latest_question, prepare
from backend.signals.rules import compute_signals, detect_language
from tests.conftest import FIXTURES


def test_escalation_labelled_set():
    tp = fp = fn = 0
    for line in (FIXTURES / "escalation.jsonl").read_text().splitlines():
        case = json.loads(line)
        high = compute_signals(case["messages"], tier=case.get("tier")).escalation_risk == "high"
        tp += high and case["escalate"]
        fp += high and not case["escalate"]
        fn += (not high) and case["escalate"]
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9, (tp, fp, fn)


def test_reasons_are_readable_strings():
    s = compute_signals([{"role": "customer", "text": "I want to speak to a manager NOW!!!"}], tier="VIP")
    assert s.escalation_risk == "high"
    assert any(r.startswith("Asked for a human") for r in s.escalation_reasons)
    assert "High-value customer (VIP)" in s.escalation_reasons
    assert s.public()["escalation"]["reasons"] == s.escalation_reasons


def test_language():
    assert detect_language("Hola, mi pedido no ha llegado, gracias") == "es"
    assert detect_language("Bonjour, ma commande est en retard, merci") == "fr"
    assert detect_language("Where is my order?") == "en"


def test_prepare_redacts_infers_roles_and_keys():
    conv = prepare({"customer": {"email": "a@b.example.com", "name": "Ana", "tier": "vip"},
                    "messages": [{"text": "my card 4111 1111 1111 1111 failed"},
                                 {"text": "Thanks for contacting us, let me check."}, {"text": "ok"}]})
    assert conv["customer"] == {"email": "[EMAIL]", "name": "Ana", "tier": "vip"}
    assert [m["role"] for m in conv["messages"]] == ["customer", "agent", "customer"]
    assert [m["key"] for m in conv["messages"]] == ["m1", "m2", "m3"]
    assert "[CARD]" in conv["messages"][0]["text"] and conv["ticket_id"].startswith("auto-")


def test_limits():
    with pytest.raises(LimitExceeded, match="200"):
        check_limits({"messages": [{"text": "x"}] * 201})
    check_limits({"messages": [{"text": "x" * 20_000}] * 10})


def test_latest_question_uses_context_for_follow_ups():
    conv = {"subject": "Refund", "messages": [{"role": "customer", "text": "I returned a lamp."},
                                              {"role": "agent", "text": "Thanks."},
                                              {"role": "customer", "text": "When is my money back?"}]}
    assert latest_question(conv) == "I returned a lamp. When is my money back?"


def test_format_conversation_fits_budget_keeping_the_newest_turn():
    conv = {"messages": [{"role": "customer", "text": f"turn {i} " + "words " * 80} for i in range(30)]}
    text = format_conversation(conv, 300)
    assert count_tokens(text) <= 320
    assert "turn 29" in text and "turn 0 " not in text


def test_citations_and_confidence():
    assert cited_indexes("See [2] and [1], not [9].", 3) == [0, 1]
    assert answer_confidence(0.53, 0.53) == 0.5
    assert answer_confidence(0.99, 0.53) == 0.95
    assert 0.5 < answer_confidence(0.7, 0.53) < 0.95


def test_prompts_validate(tmp_path):
    assert get_prompt("suggest_reply").version.startswith("suggest_reply@")
    (tmp_path / "suggest_reply.toml").write_text('version = "x"\nsystem = "s"\nuser_template = "no slots"\n'
                                                 'max_output_tokens = 10\ninput_budget_tokens = 1000\n')
    with pytest.raises(PromptError, match="placeholders"):
        load_prompt("suggest_reply", tmp_path)
    (tmp_path / "summarize.toml").write_text("version = [broken")
    with pytest.raises(PromptError):
        load_prompt("summarize", tmp_path)
    with pytest.raises(PromptError, match="missing"):
        load_prompt("faq_draft", tmp_path)


def test_roles_alternate_after_agent():
    roles = [m["role"] for m in infer_roles([{"role": "unknown", "text": "hi"}, {"role": "agent", "text": "yes"},
                                             {"role": "unknown", "text": "so?"}])]
    assert roles == ["customer", "agent", "customer"]
