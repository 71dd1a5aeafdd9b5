"""Golden questions: each `{query, expected_article_id | null}` searched like an assist request and scored
(R@1, R@5, MRR, answered rate, false and out-of-scope abstention, calibration error, every miss listed)."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import msgspec

from backend.models import Hit
from backend.services.evaluation.report import (
    About,
    ArticleRow,
    Case,
    EvalReport,
    _rank,
    _rate,
    expected_calibration_error,
)
from backend.services.readers import FileFormatError, csv_rows, json_lines, read_text
from backend.services.runtime import Runtime
from backend.store import kb as kb_store

MAX_QUESTIONS = 100_000
# The API scores golden questions within one request's work: a question costs one unit plus one per 100 characters
# (measured: 8 ms of CPU and 0.075 ms a character, so a unit is about 8 ms whatever the length), and a request may
# take MAX_API_WORK units, under 1 s (bench/results/hostile.json). `tandem eval questions --server` takes any number:
# it searches the server one question at a time and scores them itself.
MAX_API_WORK = 100
QUESTION_CHARS_PER_UNIT = 100
MAX_QUERY_CHARS = 2_000

class GoldenQuestion(msgspec.Struct, kw_only=True):
    """One line of a golden-questions file: the query and the article that answers it (None: none should)."""

    query: str
    expected_article_id: str | None = None
    line: int = 0


def parse_questions(text: str, *, csv_format: bool, limit: int = MAX_QUESTIONS) -> list[GoldenQuestion]:
    """Golden questions from JSONL or CSV text; a bad line raises FileFormatError naming it and why."""
    rows: list[tuple[int, object]]
    if csv_format:
        header, csv_lines = csv_rows(text)
        columns = [f.strip() for f in header]
        if "query" not in columns or "expected_article_id" not in columns:
            raise FileFormatError("a CSV of golden questions needs 'query' and 'expected_article_id' columns "
                                  "(expected_article_id empty when the KB should not answer)", line=1)
        rows = [(number, {k.strip(): v for k, v in row.items() if k}) for number, row in csv_lines]
    else:
        rows = list(json_lines(text))
    out: list[GoldenQuestion] = []
    for number, row in rows:
        if len(out) >= limit:
            raise FileFormatError(f"more than {limit:,} questions", line=number)
        if not isinstance(row, dict):
            raise FileFormatError("expected an object with 'query' and 'expected_article_id'", line=number)
        if "expected_article_id" not in row:
            raise FileFormatError("missing 'expected_article_id' (null or empty when the KB should not answer)",
                                  line=number)
        out.append(golden_question(number, row.get("query"), row.get("expected_article_id")))
    if not out:
        raise FileFormatError("no questions in the file")
    return out


def golden_question(number: int, query: object, expected: object) -> GoldenQuestion:
    """One golden question, checked (the file reader and the API share this; `number` is its line)."""
    if not isinstance(query, str) or not query.strip():
        raise FileFormatError("'query' must be a non-empty string", line=number)
    if len(query) > MAX_QUERY_CHARS:
        raise FileFormatError(f"'query' is longer than {MAX_QUERY_CHARS:,} characters", line=number)
    if expected is not None and not isinstance(expected, str | int):
        raise FileFormatError("'expected_article_id' must be a string or null", line=number)
    article = str(expected).strip() if expected is not None and str(expected).strip() else None
    return GoldenQuestion(query=query.strip(), expected_article_id=article, line=number)


def read_questions(path: Path) -> list[GoldenQuestion]:
    """Golden questions from a .jsonl/.json-lines or .csv file."""
    try:
        return parse_questions(read_text(path), csv_format=path.suffix.lower() == ".csv")
    except FileFormatError as exc:
        raise exc.in_file(path) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read ({exc.strerror or exc})", file=path) from None


def work(queries: Iterable[str]) -> float:
    """The work units of scoring these queries (see MAX_API_WORK)."""
    return sum(1 + len(query) / QUESTION_CHARS_PER_UNIT for query in queries)


class QuestionEvaluator:
    """Scores golden questions one at a time (see `tandem eval questions`): `search(query, k)` finds the hits,
    `known` maps the KB's article ids to titles, `about()` names the engine, embedder and KB version."""

    def __init__(self, search: Callable[[str, int], list[Hit]], known: dict[str, str], about: Callable[[], About],
                 k: int = 5) -> None:
        self.search, self.known, self.about, self.k = search, known, about, k
        self.started = time.perf_counter()
        self.records: list[tuple[GoldenQuestion, list[Hit]]] = []
        self.unknown: list[GoldenQuestion] = []

    @classmethod
    def on(cls, rt: Runtime, k: int = 5) -> QuestionEvaluator:
        """An evaluator over this process's store and index."""
        return cls(lambda query, n: rt.retriever_for(query).search(query, k=n),
                   {a.article_id: a.title for a in kb_store.list_articles(rt.db)},
                   lambda: About(rt.engine_name, rt.retriever.embedder.name, kb_store.kb_version(rt.db)), k)

    def add(self, question: GoldenQuestion) -> None:
        """Search one question and keep what was found."""
        if question.expected_article_id is not None and question.expected_article_id not in self.known:
            self.unknown.append(question)
            return
        self.records.append((question, self.search(question.query, max(self.k, 5))))

    def report(self, *, interrupted: bool = False) -> EvalReport:
        """The report over the questions added so far."""
        about = self.about()
        answerable = [(q, hits) for q, hits in self.records if q.expected_article_id is not None]
        unanswerable = [(q, hits) for q, hits in self.records if q.expected_article_id is None]
        ranks = [_rank(q.expected_article_id, hits) for q, hits in answerable]
        answered = [bool(hits) and hits[0].grounded for _, hits in self.records]
        per_article: dict[str, list[tuple[int | None, bool]]] = defaultdict(list)
        misses = []
        for (q, hits), rank in zip(answerable, ranks, strict=True):
            grounded = bool(hits) and hits[0].grounded
            assert q.expected_article_id is not None
            per_article[q.expected_article_id].append((rank, grounded))
            if rank != 1 or not grounded:
                misses.append(_case(q, hits, rank, "not grounded" if rank == 1 else
                                    ("expected article not in the top hits" if rank is None else
                                     f"expected article ranked {rank}")))
        for q, hits in unanswerable:
            if hits and hits[0].grounded:
                misses.append(_case(q, hits, None, "answered a question the KB should not answer"))
        misses.sort(key=lambda c: -c.confidence)
        notes = [f"line {q.line}: expected_article_id {q.expected_article_id!r} is not in the KB (skipped)"
                 for q in self.unknown]
        confidences = [hits[0].confidence if hits else 0.0 for _, hits in self.records]
        correct = [bool(hits) and hits[0].article_id == q.expected_article_id for q, hits in self.records]
        return EvalReport(
            kind="questions", items=len(self.records), answered_rate=_rate(sum(answered), len(answered)),
            abstain_rate=_rate(len(answered) - sum(answered), len(answered)),
            false_abstain=_rate(sum(not (hits and hits[0].grounded) for _, hits in answerable), len(answerable)),
            oos_abstain=_rate(sum(not (hits and hits[0].grounded) for _, hits in unanswerable), len(unanswerable)),
            recall_at_1=_rate(sum(r == 1 for r in ranks), len(ranks)),
            recall_at_5=_rate(sum(r is not None and r <= 5 for r in ranks), len(ranks)),
            mrr=_rate(sum(1 / r for r in ranks if r), len(ranks)) if ranks else None,
            agreement=None, citation=None, escalation=None,
            per_article=sorted((ArticleRow(article_id=a, title=self.known.get(a, ""), items=len(v),
                                           recall_at_1=_rate(sum(r == 1 for r, _ in v), len(v)),
                                           answered_rate=_rate(sum(g for _, g in v), len(v)))
                                for a, v in per_article.items()), key=lambda row: (row.recall_at_1 or 0, -row.items)),
            worst=misses, calibration_error=expected_calibration_error(confidences, correct), notes=notes,
            interrupted=interrupted, seconds=round(time.perf_counter() - self.started, 2),
            engine=about.engine, embedder=about.embedder, kb_version=about.kb_version)


def _case(q: GoldenQuestion, hits: list[Hit], rank: int | None, reason: str) -> Case:
    top = hits[0] if hits else None
    return Case(query=q.query, expected_article_id=q.expected_article_id, got=top.article_id if top else None,
                confidence=round(top.confidence, 4) if top else 0.0, grounded=bool(top and top.grounded),
                rank=rank, reason=reason, line=q.line)


def evaluate_questions(rt: Runtime, questions: list[GoldenQuestion], k: int = 5) -> EvalReport:
    """All golden questions at once (the API)."""
    evaluator = QuestionEvaluator.on(rt, k)
    for question in questions:
        evaluator.add(question)
    return evaluator.report()
