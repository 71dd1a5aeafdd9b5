"""The pure functions behind `tandem eval` and the team-lead report, tested directly (the CLI tests only
see them through whole reports): ROUGE-L, calibration error, rates, ranks, replay points, the token
helpers in backend/text.py and the report's charts and gap groups."""

from __future__ import annotations

import re

import msgspec
import pytest
from rouge_score import rouge_scorer

from backend.errors import InvalidInput
from backend.models import Conversation, Hit
from backend.services import analytics
from backend.services.conversations import prepare
from backend.services.evaluation import (
    _mean,
    _rank,
    _rate,
    expected_calibration_error,
    parse_questions,
    replay_points,
    rouge_l,
)
from backend.text import count_tokens, stem, stems, terms, truncate_tokens

# ---- ROUGE-L ------------------------------------------------------------------------------------------------


def test_rouge_l_known_values():
    assert rouge_l("the cat sat on the mat", "the cat sat on the mat") == 1.0
    # LCS 5 of 5 and 6 words: P = 1, R = 5/6, F1 = 10/11.
    assert rouge_l("the cat on the mat", "the cat sat on the mat") == pytest.approx(10 / 11)
    assert rouge_l("a b c d", "d c b a") == pytest.approx(0.25)  # a subsequence, not a bag of words
    assert rouge_l("refund please", "wombats ship free") == 0.0


def test_rouge_l_reads_words_not_case_or_punctuation_and_handles_empty_text():
    assert rouge_l("Refund, PLEASE!", "refund please") == 1.0
    assert rouge_l("", "refund") == 0.0 and rouge_l("refund", "") == 0.0 and rouge_l("?!", "...") == 0.0


def test_rouge_l_is_symmetric_and_cut_at_max_tokens():
    a, b = "your refund reaches the card in five days", "the refund reaches your card within days"
    assert rouge_l(a, b) == pytest.approx(rouge_l(b, a))
    assert rouge_l("x " * 300 + "tail " * 100, "x " * 300) == 1.0  # words past max_tokens are not read
    assert rouge_l("x " * 300 + "tail " * 100, "x " * 300, max_tokens=400) < 1.0


@pytest.mark.parametrize(("candidate", "reference"), [
    ("Refunds reach a credit card 5 to 10 business days after we issue them.",
     "Once we issue the refund it takes 5-10 business days to reach your card."),
    ("Reset your password from the sign-in page.", "Use 'Forgot password' on the sign-in page to reset it."),
    ("We ship to 40 countries.", "Shipping is free over 50 euros."),
])
def test_rouge_l_agrees_with_the_reference_implementation(candidate, reference):
    expected = rouge_scorer.RougeScorer(["rougeL"]).score(reference, candidate)["rougeL"].fmeasure
    assert rouge_l(candidate, reference) == pytest.approx(expected)


# ---- calibration error, rates, ranks ------------------------------------------------------------------------

def test_expected_calibration_error():
    assert expected_calibration_error([], []) is None
    assert expected_calibration_error([1.0, 0.0], [True, False]) == 0.0  # 1.0 falls in the last bin
    assert expected_calibration_error([0.8] * 10, [True] * 5 + [False] * 5) == pytest.approx(0.3)  # overconfident
    # Two bins, weighted by size: |1 - 0.95| twice and |0 - 0.15| twice over four items.
    assert expected_calibration_error([0.95, 0.95, 0.15, 0.15], [True, True, False, False]) == pytest.approx(0.1)
    # One bin hides what ten bins show.
    assert expected_calibration_error([0.2, 0.8], [True, False], bins=1) == 0.0
    assert expected_calibration_error([0.2, 0.8], [True, False]) == pytest.approx(0.8)


def test_rates_and_means_say_none_when_there_is_nothing_to_measure():
    assert _rate(1, 0) is None and _rate(1, 3) == 0.3333 and _rate(0, 5) == 0.0
    assert _mean([]) is None and _mean([0.1, 0.2]) == pytest.approx(0.15)


def hit(article_id: str) -> Hit:
    return Hit(article_id=article_id, title=article_id, url=None, chunk_id=1, text="", score=0.0, similarity=0.0,
               confidence=0.0, grounded=False, heading_path="", source="kb")


def test_rank_is_one_based_and_none_when_missing():
    hits = [hit("a"), hit("b"), hit("c")]
    assert _rank("a", hits) == 1 and _rank("c", hits) == 3
    assert _rank("z", hits) is None and _rank(None, hits) is None and _rank("a", []) is None


def test_parse_questions_names_the_line():
    questions = parse_questions('{"query": " Where is my parcel? ", "expected_article_id": "shipping"}\n\n'
                                '{"query": "Best pizza?", "expected_article_id": null}\n', csv_format=False)
    assert [(q.query, q.expected_article_id, q.line) for q in questions] == [
        ("Where is my parcel?", "shipping", 1), ("Best pizza?", None, 3)]
    csv_rows = parse_questions("query,expected_article_id\nWhere is it?,\n", csv_format=True)
    assert csv_rows[0].expected_article_id is None
    with pytest.raises(InvalidInput, match=r"line 2: missing 'expected_article_id'"):
        parse_questions('{"query": "a", "expected_article_id": "x"}\n{"query": "b"}', csv_format=False)


def test_replay_points_are_agent_replies_after_a_customer_turn():
    thread = prepare(msgspec.convert({"helpdesk": "zendesk", "ticket_id": "7", "messages": [
        {"id": "m1", "role": "agent", "text": "Hi, how can I help?"},
        {"id": "m2", "role": "customer", "text": "Where is my parcel?"},
        {"id": "m3", "role": "agent", "text": "It ships tomorrow."},
        {"id": "m4", "role": "agent", "text": "  "},
        {"id": "m5", "role": "note", "text": "I have escalated this to the tier 2 team."},
        {"id": "m6", "role": "agent", "text": "A colleague will follow up."}]}, Conversation), redact_pii=False)
    points = list(replay_points(thread))
    assert [p.reply for p in points] == ["It ships tomorrow.", "A colleague will follow up."]
    # What came before each reply and nothing after (prepare drops the blank turn).
    assert [p.before.messages[-1].text for p in points] == ["Where is my parcel?",
                                                            "I have escalated this to the tier 2 team."]
    assert [len(p.before.messages) for p in points] == [2, 4]
    assert all(p.escalated and p.conversation == "zendesk/7" for p in points)


# ---- token helpers (backend/text.py) ------------------------------------------------------------------------

def test_token_counting_and_truncation():
    assert count_tokens("") == 0 and count_tokens("hello world") == 2
    text = "one two three four five six seven eight"
    assert truncate_tokens(text, 100) == text
    assert truncate_tokens(text, 3) == "one two three"
    assert truncate_tokens(text, 2, from_end=True) == " seven eight"
    assert count_tokens(truncate_tokens("word " * 500, 50)) <= 50


def test_terms_and_stems():
    assert terms("How do I reset my PASSWORD? My password!") == ["reset", "password"]  # stopwords, repeats out
    assert terms("a b c word") == ["word"]  # one-letter words carry nothing
    assert terms("one two three four", max_terms=2) == ["one", "two"]
    assert terms("customer's order") == ["customer's", "order"]
    assert [stem(w) for w in ("refunds", "refunded", "refunding", "boxes", "is", "bus")] == [
        "refund", "refund", "refund", "box", "is", "bus"]
    assert stems("Refunds refunded") == {"refund"}


# ---- the report's pieces (backend/services/analytics.py) ----------------------------------------------------

def test_table_escapes_cells_and_says_when_empty():
    assert 'data-table="t"' in analytics.table(["a"], [], "t") and "Nothing yet." in analytics.table(["a"], [], "t")
    html = analytics.table(["who", "n"], [["<b>Ana</b>", None]], "t")
    assert "&lt;b&gt;Ana&lt;/b&gt;" in html and "<b>" not in html and "<td></td>" in html


def test_bars_are_proportional_and_escaped():
    assert "No data for this period." in analytics.bars([], ["inserted"], "c")
    html = analytics.bars([("<ana>", {"inserted": 10}), ("bo", {"inserted": 5})], ["inserted"], "c")
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', html)]
    assert len(widths) == 2 and widths[0] == pytest.approx(2 * widths[1], rel=0.01)
    assert "&lt;ana&gt;" in html and "<ana>" not in html


def test_lines_draw_a_point_per_day_and_series():
    assert "No data for this period." in analytics.lines([], [("n", "N", "#000")], "c")
    days = [{"day": "2026-01-01", "n": 1, "m": 0}, {"day": "2026-01-02", "n": 3, "m": 2}]
    html = analytics.lines(days, [("n", "requests", "#111"), ("m", "escalations", "#222")], "c")
    assert html.count("<circle") == 4 and html.count("<polyline") == 2 and "2026-01-02" in html


def test_knowledge_gap_clusters_count_every_question():
    assert analytics.knowledge_gap_clusters([]) == []
    assert analytics.knowledge_gap_clusters(["Best pizza?", "Best pizza?", " "]) == [
        {"question": "Best pizza?", "count": 2, "examples": ["Best pizza?"]}]
    questions = ["Do you sell gift cards?"] * 3 + ["Can I buy a gift card?", "Is there a student discount?",
                                                  "What is the weather like in Lisbon?"]
    groups = analytics.knowledge_gap_clusters(questions, top=10)
    assert sum(g["count"] for g in groups) == len(questions)
    assert [g["count"] for g in groups] == sorted((g["count"] for g in groups), reverse=True)
    assert groups[0]["question"] in questions and len(analytics.knowledge_gap_clusters(questions, top=1)) == 1
