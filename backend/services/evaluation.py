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

import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import msgspec
import numpy as np

from backend import tuning
from backend.errors import InvalidInput
from backend.models import Hit, Suggestion, Thread, Turn
from backend.retrieval.clustering import cluster, cut_distance
from backend.services.assist import Drafted, Retrieval, draft_answer, other_suggestions, retrieve
from backend.services.learning import ArticleLinker
from backend.services.readers import FileFormatError, csv_rows, json_lines, read_text
from backend.services.runtime import Runtime
from backend.signals.core import compute_signals
from backend.store import kb as kb_store
from backend.text import message_sentences

MAX_QUESTIONS = 100_000
# The API scores golden questions within one request's work: a question costs one unit plus one per 100 characters
# (measured: 8 ms of CPU and 0.075 ms a character, so a unit is about 8 ms whatever the length), and a request may
# take MAX_API_WORK units, under 1 s (bench/results/hostile.json). `tandem eval questions --server` takes any number:
# it searches the server one question at a time and scores them itself.
MAX_API_WORK = 100
QUESTION_CHARS_PER_UNIT = 100
MAX_QUERY_CHARS = 2_000
WORST = 25
# Ground truth for escalation: an agent or a note saying the case *was* handed to someone (a supervisor, a
# team, a specialist), not a word that merely appears ("transfer your points", a "Resolution Supervisor"
# signature, "if not, I'll escalate", "have you escalated it?"). Checked per sentence.
_HANDED = re.compile(
    r"\b(?:has\s+been|have\s+been|had\s+been|was|were|is\s+being|are\s+being|i'?ve|i\s+have|we'?ve|we\s+have|"
    r"i'?m|i\s+am|we'?re|we\s+are|i'?ll|i\s+will|we'?ll|we\s+will|i\s+just|we\s+just)\s+(?:now\s+|just\s+|already\s+|"
    r"also\s+|gone\s+ahead\s+and\s+)?(?:escalat\w*|transferr\w*|pass(?:ed|ing)|hand(?:ed|ing)|forward(?:ed|ing)|"
    r"rais(?:ed|ing)|refer(?:red|ring)|assign(?:ed|ing)|connect(?:ed|ing))\b[^.?!]{0,80}?\b(?:to|with|onto)\s+"
    r"(?:a|an|the|our|my|one\s+of\s+our)?\s*(?:[\w-]+\s+){0,3}(?:supervisors?|managers?|team|leads?|leaders?|"
    r"specialists?|experts?|department|unit|colleagues?|tier\s*\d|second[- ]line|engineers?|escalations?|desk)\b"
    r"|\b(?:has\s+been|have\s+been|was|is\s+being|i'?ve|i\s+have|we'?ve|we\s+have)\s+(?:now\s+|already\s+)?escalated\b",
    re.IGNORECASE)
_NOT_DONE = re.compile(r"^\s*(?:if|once|when|unless)\b|\b(?:would|could|can|happy\s+to|able\s+to)\s+(?:be\s+)?"
                       r"(?:get\s+)?(?:escalat|transfer|pass)|\b(?:feedback|comments?|suggestions?|thoughts)\b|\?\s*$", re.IGNORECASE)


def was_escalated(messages: Sequence[Turn]) -> bool:
    """Whether an agent, bot or note says the conversation was escalated or handed to someone."""
    for message in messages:
        if message.role not in ("agent", "note", "bot"):
            continue
        for sentence in message_sentences(message.text):
            if _HANDED.search(sentence) and not _NOT_DONE.search(sentence):
                return True
    return False


_WORD = re.compile(r"\w+")


# ---- the report ---------------------------------------------------------------------------------------------

class Agreement(msgspec.Struct):
    """How close the best suggestion came to what the agent sent (means over replayed replies)."""

    cosine: float | None
    rouge_l: float | None


class CitationCheck(msgspec.Struct):
    """Replies that link or name a KB article, and how many of them Tandem's answer cited."""

    checked: int
    matched: int


class EscalationCheck(msgspec.Struct):
    """Conversations Tandem flagged for escalation vs those that were escalated."""

    predicted: int
    actual: int
    precision: float | None
    recall: float | None


class ArticleRow(msgspec.Struct, kw_only=True):
    """One article's line: questions expecting it (golden) or answers citing it (history)."""

    article_id: str
    title: str
    items: int
    recall_at_1: float | None = None
    answered_rate: float | None = None
    agreement: float | None = None


class TopicRow(msgspec.Struct, kw_only=True):
    """Replayed questions grouped by meaning (the same clustering as FAQ mining)."""

    topic: str
    items: int
    answered_rate: float
    agreement: float | None


class Case(msgspec.Struct, kw_only=True, omit_defaults=True):
    """A miss or a worst case, with what was expected and what Tandem did."""

    query: str
    expected_article_id: str | None = None
    got: str | None = None
    confidence: float = 0.0
    grounded: bool = False
    rank: int | None = None
    reason: str = ""
    reply: str | None = None
    suggestion: str | None = None
    cosine: float | None = None
    ticket_id: str | None = None
    line: int | None = None


class OperatingPoint(msgspec.Struct, kw_only=True):
    """The operating point proposed from history, with answered and false-answer rates before and after."""

    current: float
    proposed: float | None
    answerable: int
    not_answerable: int
    answered_rate: dict[str, float | None]
    false_answer_rate: dict[str, float | None]
    false_abstain: dict[str, float | None]
    applied: bool = False
    note: str = ""


class LearningEffect(msgspec.Struct, kw_only=True):
    """Replies that link an article, ranked with and without the learned questions (a replayed
    conversation never uses what was learned from itself)."""

    checked: int
    recall_at_1_before: float | None
    recall_at_1_after: float | None
    recall_at_5_before: float | None
    recall_at_5_after: float | None


class EvalReport(msgspec.Struct, kw_only=True):
    """`tandem eval questions|history --json` (docs/api.md); fields that do not apply are null."""

    kind: str
    items: int
    answered_rate: float | None
    abstain_rate: float | None
    false_abstain: float | None
    oos_abstain: float | None
    recall_at_1: float | None
    recall_at_5: float | None
    mrr: float | None
    agreement: Agreement | None
    citation: CitationCheck | None
    escalation: EscalationCheck | None
    per_article: list[ArticleRow]
    worst: list[Case]
    calibration_error: float | None = None
    per_topic: list[TopicRow] | None = None
    operating_point: OperatingPoint | None = None
    learning: LearningEffect | None = None
    notes: list[str] = msgspec.field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0
    engine: str = ""
    embedder: str = ""
    kb_version: int = 0


def _rate(part: float, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def expected_calibration_error(confidences: list[float], correct: list[bool], bins: int = 10) -> float | None:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by their size."""
    if not confidences:
        return None
    conf, ok = np.asarray(confidences), np.asarray(correct, dtype=float)
    index = np.clip((conf * bins).astype(int), 0, bins - 1)
    total = sum(abs(ok[index == b].mean() - conf[index == b].mean()) * np.sum(index == b)
                for b in range(bins) if np.any(index == b))
    return round(float(total) / len(conf), 4)


def rouge_l(candidate: str, reference: str, max_tokens: int = 300) -> float:
    """ROUGE-L F1 between two texts (longest common subsequence of lower-cased words)."""
    a = _WORD.findall(candidate.lower())[:max_tokens]
    b = _WORD.findall(reference.lower())[:max_tokens]
    if not a or not b:
        return 0.0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    lcs = previous[-1]
    if lcs == 0:
        return 0.0
    precision, recall = lcs / len(a), lcs / len(b)
    return 2 * precision * recall / (precision + recall)


# ---- golden questions -----------------------------------------------------------------------------------------

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


class About(msgspec.Struct):
    """What the report says it measured."""

    engine: str
    embedder: str
    kb_version: int


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
        return cls(lambda query, n: rt.retriever.search(query, k=n),
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


def _rank(expected: str | None, hits: list[Hit]) -> int | None:
    ids = [h.article_id for h in hits]
    return ids.index(expected) + 1 if expected in ids else None


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


# ---- shadow replay of history ----------------------------------------------------------------------------------

class ReplayPoint(msgspec.Struct, kw_only=True):
    """An agent reply and the conversation before it."""

    before: Thread
    reply: str
    conversation: str  # helpdesk/ticket id, to group by conversation
    escalated: bool  # the conversation was escalated or transferred (notes or agents say so)


def replay_points(thread: Thread) -> Iterator[ReplayPoint]:
    """Every agent reply that follows a customer message, with what came before it."""
    escalated = was_escalated(thread.messages)
    seen_customer = False
    for index, message in enumerate(thread.messages):
        if message.role == "customer":
            seen_customer = True
        elif message.role == "agent" and seen_customer and message.text.strip():
            yield ReplayPoint(before=msgspec.structs.replace(thread, messages=thread.messages[:index]),
                              reply=message.text, conversation=f"{thread.helpdesk}/{thread.ticket_id}",
                              escalated=escalated)


class _Replayed(msgspec.Struct, kw_only=True):
    point: ReplayPoint
    question: str
    best: Suggestion | None
    answered: bool
    top: Hit | None
    linked: str | None  # the KB article the agent's reply links or names
    linked_rank: int | None  # where that article ranked among the top 5 for the question
    linked_rank_cold: int | None = None  # the same without learned questions (when there are any)
    answerable: bool | None  # None: cannot tell from the reply
    cosine: float | None
    rouge: float | None
    escalate: bool


class HistoryEvaluator:
    """Replays agent replies one at a time (see `tandem eval history`)."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.started = time.perf_counter()
        self.articles = [a for a in kb_store.list_articles(rt.db) if a.status == "published"]
        self.titles = {a.article_id: a.title for a in self.articles}
        self.linker = ArticleLinker(self.articles)
        self.learned = rt.retriever.learned.count > 0  # also replay as it was before learning, to compare
        self.records: list[_Replayed] = []

    def _linked_article(self, reply: str) -> str | None:
        """The KB article the agent's reply links (same URL) or names (a title only it has, 12+ characters)."""
        link = self.linker.link(reply)
        return link.article.article_id if link else None

    def add(self, point: ReplayPoint) -> None:
        """Run assist on the messages before the reply (nothing stored) and compare with the reply."""
        rt, thread = self.rt, point.before
        signals = compute_signals(thread.messages, tier=thread.customer.tier,
                                  high_value_tiers=rt.settings.high_value_tiers)
        found: Retrieval = retrieve(rt, thread, replay=True)
        drafted = next(item for item in draft_answer(rt, thread, found, signals) if isinstance(item, Drafted))
        suggestions = [drafted.suggestion] if drafted.suggestion is not None else []
        answered = any(s.kind == "answer" for s in suggestions)
        suggestions += other_suggestions(thread, found, signals, answered=answered)
        best = suggestions[0] if suggestions else None
        embedder = rt.retriever.embedder
        texts = [point.reply] + ([best.text] if best else []) + ([found.hits[0].text] if found.hits else [])
        vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        cosine = float(vectors[0] @ vectors[1]) if best else None
        linked = self._linked_article(point.reply)
        linked_rank = _rank(linked, rt.retriever.search(found.question, k=5, exclude_ticket=thread.ticket_id)) \
            if linked and found.question else None
        cold_rank = _rank(linked, rt.retriever.search(found.question, k=5, use_learned=False)) \
            if linked and found.question and self.learned else None
        if linked is not None:
            answerable: bool | None = True
        elif found.hits:
            # The agent said what the best passage says: the KB answers it. Far from it: the KB does not.
            agrees = float(vectors[0] @ vectors[-1])
            answerable = True if agrees >= tuning.AGENTS_AGREE else (False if agrees < tuning.AGENTS_AGREE - 0.15
                                                                        else None)
        else:
            answerable = False
        self.records.append(_Replayed(
            point=point, question=found.question, best=best, answered=answered,
            top=found.hits[0] if found.hits else None, linked=linked, linked_rank=linked_rank,
            linked_rank_cold=cold_rank, answerable=answerable,
            cosine=round(cosine, 4) if cosine is not None else None,
            rouge=round(rouge_l(best.text, point.reply), 4) if best else None,
            escalate=signals.escalation.risk == "high"))

    def report(self, *, interrupted: bool = False, calibrate: bool = False) -> EvalReport:
        """The report over the replies replayed so far."""
        records = self.records
        answered = [r.answered for r in records]
        answerable = [r for r in records if r.answerable is True]
        not_answerable = [r for r in records if r.answerable is False]
        linked = [r for r in records if r.linked is not None]
        ranks = [r.linked_rank for r in linked]
        learning = None
        if self.learned and linked:
            cold = [r.linked_rank_cold for r in linked]
            learning = LearningEffect(
                checked=len(linked), recall_at_1_before=_rate(sum(rank == 1 for rank in cold), len(cold)),
                recall_at_1_after=_rate(sum(rank == 1 for rank in ranks), len(ranks)),
                recall_at_5_before=_rate(sum(rank is not None for rank in cold), len(cold)),
                recall_at_5_after=_rate(sum(rank is not None for rank in ranks), len(ranks)))
        cited = [r for r in linked if r.best and r.best.kind == "answer"
                 and r.linked in {c.article_id for c in r.best.citations}]
        by_conversation: dict[str, list[_Replayed]] = defaultdict(list)
        for r in records:
            by_conversation[r.point.conversation].append(r)
        predicted = {c for c, rs in by_conversation.items() if any(r.escalate for r in rs)}
        actual = {c for c, rs in by_conversation.items() if rs[0].point.escalated}
        per_article: dict[str, list[float]] = defaultdict(list)
        for r in records:
            if r.best and r.best.kind == "answer":
                for c in r.best.citations:
                    per_article[c.article_id].append(r.cosine or 0.0)
        return EvalReport(
            kind="history", items=len(records), answered_rate=_rate(sum(answered), len(answered)),
            abstain_rate=_rate(len(answered) - sum(answered), len(answered)),
            false_abstain=_rate(sum(not r.answered for r in answerable), len(answerable)),
            oos_abstain=_rate(sum(not r.answered for r in not_answerable), len(not_answerable)),
            recall_at_1=_rate(sum(rank == 1 for rank in ranks), len(ranks)),
            recall_at_5=_rate(sum(rank is not None for rank in ranks), len(ranks)),
            mrr=_rate(sum(1 / rank for rank in ranks if rank), len(ranks)) if ranks else None,
            agreement=Agreement(cosine=_mean([r.cosine for r in records if r.cosine is not None]),
                                rouge_l=_mean([r.rouge for r in records if r.rouge is not None])),
            citation=CitationCheck(checked=len(linked), matched=len(cited)),
            escalation=EscalationCheck(predicted=len(predicted), actual=len(actual),
                                       precision=_rate(len(predicted & actual), len(predicted)),
                                       recall=_rate(len(predicted & actual), len(actual))),
            per_article=sorted((ArticleRow(article_id=a, title=self.titles.get(a, ""), items=len(v),
                                           agreement=_mean(v)) for a, v in per_article.items()),
                               key=lambda row: -row.items),
            per_topic=self._topics(),
            worst=self._worst(),
            operating_point=self.propose_operating_point() if calibrate else None,
            learning=learning,
            notes=["per agent: the Conversation contract does not say which agent wrote a reply",
                   "replayed against today's KB",
                   "a replayed conversation does not use the questions learned from itself"],
            interrupted=interrupted, seconds=round(time.perf_counter() - self.started, 2),
            engine=self.rt.engine_name, embedder=self.rt.retriever.embedder.name,
            kb_version=kb_store.kb_version(self.rt.db))

    def _worst(self) -> list[Case]:
        """Answers furthest from what the agent sent, and replies linking an article Tandem did not answer with."""
        cases: list[tuple[float, Case]] = []
        for r in self.records:
            top = r.top
            base = Case(query=r.question, got=top.article_id if top else None,
                        confidence=round(top.confidence, 4) if top else 0.0, grounded=bool(top and top.grounded),
                        reply=r.point.reply[:500], suggestion=(r.best.text[:500] if r.best else None), cosine=r.cosine,
                        ticket_id=r.point.conversation, expected_article_id=r.linked)
            if r.linked and not r.answered:
                reason, weight = "the agent's reply links a KB article; Tandem abstained", 2.0
            elif r.linked and r.best and r.linked not in {c.article_id for c in r.best.citations}:
                reason, weight = "the agent's reply links another article than Tandem cited", 1.5
            elif r.answered and r.answerable is False:
                reason, weight = "answered where the agent said something the KB does not", 1.0 - (r.cosine or 0.0)
            else:
                continue
            cases.append((weight, msgspec.structs.replace(base, reason=reason)))
        cases.sort(key=lambda c: -c[0])
        return [c for _, c in cases[:WORST]]

    def _topics(self) -> list[TopicRow] | None:
        """Replayed questions clustered like FAQ mining; one row per topic of 3+ questions."""
        questions = [r.question for r in self.records]
        if len(questions) < 6:
            return None
        vectors = np.asarray(self.rt.retriever.embedder.embed(questions), dtype=np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
        labels = cluster(vectors, cut_distance(vectors))
        rows = []
        for label, count in Counter(int(x) for x in labels).most_common():
            if count < 3:
                break
            members = [i for i, x in enumerate(labels) if int(x) == label]
            centre = vectors[members].mean(axis=0)
            name = questions[max(members, key=lambda i: float(vectors[i] @ centre))]
            cosines = [self.records[i].cosine for i in members if self.records[i].cosine is not None]
            rows.append(TopicRow(topic=name[:160], items=count,
                                 answered_rate=_rate(sum(self.records[i].answered for i in members), count) or 0.0,
                                 agreement=_mean([c for c in cosines if c is not None])))
        return rows[:30]

    def propose_operating_point(self) -> OperatingPoint:
        """This KB's operating point from the replies agents sent: answer as often as they could be answered."""
        current = self.rt.retriever.calibration.operating_point
        labelled = [(r.top.confidence if r.top else 0.0, bool(r.answerable)) for r in self.records
                    if r.answerable is not None]
        yes = [c for c, a in labelled if a]
        no = [c for c, a in labelled if not a]

        def rates(threshold: float) -> tuple[float | None, float | None, float | None]:
            answered = sum(c >= threshold for c, _ in labelled)
            return (_rate(answered, len(labelled)), _rate(sum(c >= threshold for c in no), len(no)),
                    _rate(sum(c < threshold for c in yes), len(yes)))

        proposed = None
        note = ""
        if len(yes) < 20 or len(no) < 5:
            note = (f"too few labelled replies to propose an operating point ({len(yes)} answerable, {len(no)} not; "
                    "need 20 and 5)")
        else:
            # The highest threshold keeping false abstention within the shipped target (10%).
            candidates = [t for t in np.arange(0.02, 0.96, 0.01) if (rates(float(t))[2] or 0.0) <= 0.10]
            proposed = round(float(max(candidates)), 2) if candidates else None
        before, after = rates(current), rates(proposed) if proposed is not None else (None, None, None)
        return OperatingPoint(current=current, proposed=proposed, answerable=len(yes), not_answerable=len(no),
                              answered_rate={"current": before[0], "proposed": after[0]},
                              false_answer_rate={"current": before[1], "proposed": after[1]},
                              false_abstain={"current": before[2], "proposed": after[2]}, note=note)


def history_threads(rt: Runtime, paths: list[Path], *, since: str | None = None,
                    until: str | None = None) -> Iterator[Thread]:
    """Conversations from files (redacted like an import), or the imported ones when no path is given."""
    from backend.dates import to_utc_iso
    from backend.services.conversations import prepare
    from backend.services.history import fit, read_history
    from backend.store import conversations as conv_store

    since = to_utc_iso(since, "since") if since else None
    until = to_utc_iso(until, "until") if until else None
    if not paths:
        for stored in conv_store.conversations_between(rt.db, since, until):
            thread = conv_store.load_thread(rt.db, stored.row_id)
            if thread is not None:
                yield thread
        return
    files = []
    for path in paths:  # every file is read before the replay starts: a bad one fails now, not in an hour
        files.append(read_history(path))
    for conversations in files:
        for conversation in conversations:
            yield prepare(fit(conversation), redact_pii=rt.settings.redact_pii, key=rt.pseudonym_key)


def apply_operating_point(rt: Runtime, report: EvalReport) -> EvalReport:
    """Store the proposed operating point with the KB's calibration (`--apply`)."""
    from backend.services.calibration import set_operating_point

    proposal = report.operating_point
    if proposal is None or proposal.proposed is None:
        raise InvalidInput(proposal.note if proposal and proposal.note else "no operating point was proposed")
    set_operating_point(rt, proposal.proposed, source="history")
    return msgspec.structs.replace(report, operating_point=msgspec.structs.replace(proposal, applied=True))


# ---- the HTML report ------------------------------------------------------------------------------------------

def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def render_html(report: EvalReport, *, title: str | None = None) -> str:
    """One self-contained page like `tandem report` (inline CSS and SVG; no script, no network)."""
    from backend.services.analytics import STYLE, bars, esc, table

    title = title or ("Tandem evaluation: golden questions" if report.kind == "questions"
                      else "Tandem evaluation: replay of past conversations")
    cards = [("items", f"{report.items:,}"), ("answered", _pct(report.answered_rate)),
             ("false abstention", _pct(report.false_abstain)), ("out-of-scope abstention", _pct(report.oos_abstain)),
             ("R@1", _pct(report.recall_at_1)), ("R@5", _pct(report.recall_at_5))]
    if report.agreement is not None:
        cards.append(("agreement (cosine)", "–" if report.agreement.cosine is None else f"{report.agreement.cosine:.2f}"))
        cards.append(("ROUGE-L", "–" if report.agreement.rouge_l is None else f"{report.agreement.rouge_l:.2f}"))
    if report.calibration_error is not None:
        cards.append(("calibration error", f"{report.calibration_error:.3f}"))
    sections = []
    rows: list[list[object]]
    outcome = {"answered": round(100 * (report.answered_rate or 0)), "abstained": round(100 * (report.abstain_rate or 0))}
    sections.append(("What Tandem would have done (% of items)", bars([("all items", outcome)],
                                                                       ["answered", "abstained"], "outcome")))
    if report.per_article:
        if report.kind == "questions":
            rows = [[a.article_id, a.title, a.items, _pct(a.recall_at_1), _pct(a.answered_rate)]
                    for a in report.per_article[:40]]
            sections.append(("Per article (weakest first)",
                             table(["article", "title", "questions", "R@1", "answered"], rows, "per-article")))
        else:
            rows = [[a.article_id, a.title, a.items, "–" if a.agreement is None else f"{a.agreement:.2f}"]
                    for a in report.per_article[:40]]
            sections.append(("Articles Tandem answered from",
                             table(["article", "title", "answers", "agreement"], rows, "per-article")))
    if report.per_topic:
        rows = [[t.topic, t.items, _pct(t.answered_rate), "–" if t.agreement is None else f"{t.agreement:.2f}"]
                for t in report.per_topic]
        sections.append(("Per topic (questions grouped by meaning)",
                         table(["topic", "replies", "answered", "agreement"], rows, "per-topic")))
    if report.citation is not None:
        sections.append(("Citations", f"<p>{report.citation.checked} agent replies link or name a KB article; "
                                      f"Tandem's answer cited that article for {report.citation.matched}.</p>"))
    if report.escalation is not None:
        e = report.escalation
        sections.append(("Escalation", f"<p>{e.actual} conversations were escalated; Tandem flagged {e.predicted} "
                                       f"(precision {_pct(e.precision)}, recall {_pct(e.recall)}).</p>"))
    if report.operating_point is not None:
        op = report.operating_point
        rows = [["answered", _pct(op.answered_rate["current"]), _pct(op.answered_rate["proposed"])],
                ["false answers (the KB does not answer)", _pct(op.false_answer_rate["current"]),
                 _pct(op.false_answer_rate["proposed"])],
                ["false abstention (the KB answers)", _pct(op.false_abstain["current"]),
                 _pct(op.false_abstain["proposed"])]]
        head = (f"<p>Operating point now {op.current:.2f}; proposed "
                f"{'–' if op.proposed is None else f'{op.proposed:.2f}'} from {op.answerable} replies the KB answers "
                f"and {op.not_answerable} it does not{' (applied)' if op.applied else ''}. {esc(op.note)}</p>")
        sections.append(("Operating point from history", head + table(["", "now", "proposed"], rows, "operating-point")))
    if report.worst:
        rows = []
        for c in report.worst[:200]:
            row: list[object] = [c.query[:200], c.expected_article_id or "–", c.got or "–", f"{c.confidence:.2f}",
                                 c.reason]
            if report.kind == "history":
                row += [(c.reply or "")[:200], (c.suggestion or "")[:200]]
            rows.append(row)
        headers = ["question", "expected", "got", "confidence", "why"] + (
            ["agent replied", "Tandem suggested"] if report.kind == "history" else [])
        sections.append(("Misses" if report.kind == "questions" else "Worst cases", table(headers, rows, "worst")))
    notes = "".join(f"<li>{esc(n)}</li>" for n in report.notes)
    body = "".join(f"<section><h2>{esc(h)}</h2>{content}</section>" for h, content in sections)
    card_html = "".join(f'<div class="card"><b>{esc(v)}</b>{esc(k)}</div>' for k, v in cards)
    state = " (interrupted: partial results)" if report.interrupted else ""
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>'
            f'<body><main><h1>{esc(title)}</h1><p class="period">{report.items:,} items, {esc(report.engine)} engine, '
            f'{esc(report.embedder)}, KB version {report.kb_version}, {report.seconds:.1f} s{esc(state)}</p>'
            f'<div class="cards" data-section="summary">{card_html}</div>{body}'
            f'{f"<section><h2>Notes</h2><ul>{notes}</ul></section>" if notes else ""}</main></body></html>')
