"""Shadow replay of history: for each agent reply, assist runs on the messages before it (nothing is stored)
and its best suggestion is compared with what the agent sent."""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec
import numpy as np

from backend import tuning
from backend.models import Hit, Suggestion, Thread, Turn
from backend.retrieval.clustering import cluster, cut_distance
from backend.services.assist import Drafted, Retrieval, draft_answer, other_suggestions, retrieve
from backend.services.evaluation.operating_point import propose_operating_point
from backend.services.evaluation.report import (
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
    rouge_l,
)
from backend.services.learning import ArticleLinker
from backend.services.runtime import Runtime
from backend.signals.core import compute_signals
from backend.store import kb as kb_store
from backend.text import message_sentences

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
        searcher = rt.retriever_for(found.question)  # as assist searched it (another language: multilingual)
        linked_rank = _rank(linked, searcher.search(found.question, k=5, exclude_ticket=thread.ticket_id)) \
            if linked and found.question else None
        cold_rank = _rank(linked, searcher.search(found.question, k=5, use_learned=False)) \
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
        """This KB's operating point from the replies agents sent (see operating_point.py)."""
        labelled = [(r.top.confidence if r.top else 0.0, bool(r.answerable)) for r in self.records
                    if r.answerable is not None]
        return propose_operating_point(self.rt.retriever.calibration.operating_point, labelled)


def history_threads(rt: Runtime, paths: list[Path], *, since: str | None = None,
                    until: str | None = None) -> Iterator[Thread]:
    """Conversations from files (redacted like an import), or the imported ones when no path is given."""
    from backend.dates import to_utc_iso
    from backend.services.conversations import prepare_for
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
            yield prepare_for(rt, fit(conversation))
