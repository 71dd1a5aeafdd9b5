"""`tandem eval`: measure Tandem on the team's own questions and history before agents rely on it.

- Golden questions: each `{query, expected_article_id | null}` is searched like an assist request;
  R@1, R@5, MRR, answered rate, false abstention, out-of-scope abstention and calibration error, with
  every miss listed.
- Shadow replay of history: for each agent reply, assist runs on the messages before it (nothing is
  stored) and its best suggestion is compared with what the agent sent: cosine similarity and ROUGE-L,
  would-have-answered vs abstained, citation agreement when the reply links or names a KB article, and
  escalation predicted vs the conversation being escalated. A reply that links or names an article, or
  says what the top passage says, marks its question as one the KB answers; that labels the history for
  false abstention and for proposing this KB's operating point (`--calibrate`, `--apply`).

The evaluators take items one at a time, so the CLI can show progress and stop on Ctrl-C with what was
measured so far. Replays run against today's KB (there is no record of what it said back then). A replay
stores no conversation, suggestion or gap; with a model configured, each replayed reply is a model call
(billed by a hosted provider) and is recorded in the LLM call log like any other.
"""

from __future__ import annotations

from backend.services.evaluation.golden import (
    MAX_API_WORK,
    MAX_QUERY_CHARS,
    MAX_QUESTIONS,
    QUESTION_CHARS_PER_UNIT,
    GoldenQuestion,
    QuestionEvaluator,
    evaluate_questions,
    golden_question,
    parse_questions,
    read_questions,
    work,
)
from backend.services.evaluation.operating_point import apply_operating_point, propose_operating_point
from backend.services.evaluation.page import render_html
from backend.services.evaluation.replay import (
    WORST,
    HistoryEvaluator,
    ReplayPoint,
    history_threads,
    replay_points,
    was_escalated,
)
from backend.services.evaluation.report import (
    About,
    Agreement,
    ArticleRow,
    Case,
    CitationCheck,
    EscalationCheck,
    EvalReport,
    LearningEffect,
    OperatingPoint,
    TopicRow,
    _mean,
    _rank,
    _rate,
    expected_calibration_error,
    rouge_l,
)

__all__ = [
    "MAX_API_WORK", "MAX_QUERY_CHARS", "MAX_QUESTIONS", "QUESTION_CHARS_PER_UNIT", "WORST", "About", "Agreement",
    "ArticleRow", "Case", "CitationCheck", "EscalationCheck", "EvalReport", "GoldenQuestion", "HistoryEvaluator",
    "LearningEffect", "OperatingPoint", "QuestionEvaluator", "ReplayPoint", "TopicRow", "_mean", "_rank", "_rate",
    "apply_operating_point", "evaluate_questions", "expected_calibration_error", "golden_question",
    "history_threads", "parse_questions", "propose_operating_point", "read_questions", "render_html",
    "replay_points", "rouge_l", "was_escalated", "work",
]
