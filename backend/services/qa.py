"""Auto-QA for team leads: each finished conversation scored against a rubric, flags naming messages.

Flags (each can be turned off or reweighted in the rubric, backend/services/qa_rubric.toml):
- unsupported_promise: an agent promised money, a refund, credit, discount, waiver, free item or a time frame
  that no evidence supports (the checks of generated answers, backend/llm/checks.py, applied to the agent's
  reply; evidence = KB passages retrieved for the customer's question + the article the agent linked; the
  customer's own words support values they stated, never promises).
- wrong_information: an agent stated an amount, percentage or time frame that the governing article (the one
  the agent linked, else the top hit at the rubric's confidence) states differently: same kind and unit,
  different value; or said costs nothing or never expires ("credit never expires") where the closest article
  sentence states its fee or validity (a waiver granted in those words, "I'll do it at no charge", is a promise).
- unanswered_question: a customer question ('?' sentence or a request) with no agent reply after it, or only
  replies sharing no content words with it (nor a sentence close to it in meaning).
- rude_or_dismissive: an agent sentence matching an exact rule (blame, sarcasm, "calm down") or one the tone
  head (backend/signals/tone.py, fitted on rude and civil sentences alike) reads as rude.
- missed_escalation: a trigger (human, legal, chargeback, public, churn, safety) in the customer's turns that no later
  agent reply escalated or acknowledged.
- leaked_personal_data: an agent message in which the redactor found a card number, an IBAN, a national id,
  or another person's e-mail or phone (recorded at ingest as kinds and counts, never values).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any

import msgspec
import numpy as np

from backend import tuning, vocabulary
from backend.llm.checks import (
    commitments,
    offering_sentences,
    same_unit,
    same_value,
    stated_values,
    trusted_turns,
    unsupported_commitments,
)
from backend.llm.prompts import get_prompt
from backend.models import Article, Hit, Thread, Turn
from backend.retrieval.embed import embed_cached, normalize
from backend.services.learning import ArticleLinker, question_before
from backend.services.qa_answers import answer_features, unaddressed_probability
from backend.services.qa_judge import judge
from backend.services.qa_rubric import (  # re-exported: callers read the rubric through qa
    FLAGS,
    FlagRule,  # noqa: F401
    Rubric,
    default_rubric_text,  # noqa: F401
    load_rubric,
)
from backend.services.qa_wording import (
    ACK,
    COMMITTING,
    DENIAL_TOPIC,
    DENIED_VALUE,
    EXCEPTION,
    HANDED_OVER,
    KB_SOON,
    REPEAT_CONTACT,
    RUDE_RULES,
    SOMETIMES_NONE,
    WAIVING,
    clause_holding,
    customer_questions,
    denials,
    derived_amount,
    handover_codes,
    names_number,
    plain,
    promised_soon,
    sentence_holding,
    sentences,
)
from backend.services.runtime import Runtime
from backend.signals import escalation, rules
from backend.signals.core import compute_signals
from backend.signals.tone import TeamTone, team_tone
from backend.store import conversations as conv_store
from backend.store import kb as kb_store
from backend.store import qa as qa_store
from backend.store.qa import QAFlagRow, QAResultRow
from backend.text import stems

if TYPE_CHECKING:
    from backend.retrieval.embed import Embedder

VALUE_KINDS = ("amount", "percent", "time_frame")
PROMISE_WORDS = frozenset(vocabulary.PROMISE_KINDS)
PROMISE_KINDS = PROMISE_WORDS | set(VALUE_KINDS)
UNATTRIBUTED = "(unattributed)"  # agent messages that carry no author


@dataclass
class Statement:
    """A KB sentence stating a value, and whether it agrees with the agent's (None: the sentence is on the agent's
    matter, the value's own clause on another: no wrong information, and the value is not judged as a promise)."""

    article: Article
    text: str
    value: str
    agrees: bool | None
    similarity: float = 0.0


@dataclass
class Finding:
    """A flag found in one conversation."""

    flag: str
    message_ids: list[str]
    reason: str
    agent_keys: list[str] = field(default_factory=list)  # the agent messages it blames (authors get the flag)
    exact: bool = False  # found by an exact wording (kept whatever a model judge says)


class Scorer:
    """Scores conversations under one rubric, with the KB, linker and exemplars loaded once."""

    def __init__(self, rt: Runtime, rubric: Rubric, *, embedder: Embedder | None = None) -> None:
        self.rt = rt
        self.rubric = rubric
        articles = kb_store.list_articles(rt.db)
        self.linker = ArticleLinker(articles)
        self.articles: dict[str, Article] = {a.article_id: a for a in articles if a.status == "published"}
        self.handover_codes = handover_codes([a.body for a in self.articles.values()])
        self._embedder = embedder
        self._stated: dict[str, list[tuple[str, dict[str, list[str]]]]] = {}
        self.search = rt.retriever.search  # score() points it at the retriever for each conversation's language

    @cached_property
    def embedder(self) -> Embedder:
        """The embedder matching a question to replies: the caller's, else tuning.QA_ANSWER_EMBEDDER (its threshold's)."""
        from backend.retrieval.embed import get_embedder

        return self._embedder or get_embedder(tuning.QA_ANSWER_EMBEDDER)

    @cached_property
    def sentence_embedder(self) -> Embedder:
        """The embedder QA reads sentences' meaning with (tuning.QA_EMBEDDER): the tone head, facts and promises.

        Fixed, not the installation's retrieval embedder: their thresholds were chosen with it, and another
        encoder's cosines spread differently (e5's sit around .8 for unrelated sentences)."""
        from backend.retrieval.embed import get_embedder

        return get_embedder(tuning.QA_EMBEDDER)

    @cached_property
    def tone(self) -> TeamTone:
        """The tone head for that embedder, with the sentences the team's lead judged."""
        from backend.services.qa_feedback import team_tone_examples

        return team_tone(self.sentence_embedder, *team_tone_examples(self.rt, self.sentence_embedder))

    def score(self, thread: Thread) -> list[Finding]:
        """The flags of one conversation under the rubric."""
        # One encoder per conversation, chosen on the customer's words as assist chooses it.
        self.search = self.rt.retriever_for(" ".join(m.text for m in thread.messages if m.role == "customer")).search
        found: list[Finding] = []
        if self.rubric.rule("unsupported_promise") or self.rubric.rule("wrong_information"):
            found += self.commitments(thread)
        if self.rubric.rule("unanswered_question"):
            found += self.unanswered(thread)
        if self.rubric.rule("rude_or_dismissive"):
            found += self.rude(thread)
        if self.rubric.rule("missed_escalation"):
            found += self.missed_escalation(thread)
        if self.rubric.rule("leaked_personal_data"):
            found += self.leaks(thread)
        if self.rubric.model and self.rt.provider is not None:
            found = judge(self.rt, self.rubric, thread, self.evidence_articles(thread), found)
        return found

    def evidence_articles(self, thread: Thread) -> list[Article]:
        """The articles that may govern what the agents wrote, most relevant first (what the model judge reads)."""
        out: dict[str, Article] = {}
        for index, turn in enumerate(thread.messages):
            if turn.role != "agent":
                continue
            question, _ = question_before(thread, index)
            _, governing = self._evidence(thread, index, turn.text)
            found = [governing] if governing is not None else []
            for query in (question, turn.text):
                if query.strip():
                    found += [self.articles[h.article_id] for h in self.search(
                        query, k=tuning.QA_SEARCH_K, exclude_ticket=thread.ticket_id) if h.article_id in self.articles]
            out.update((a.article_id, a) for a in found + self._articles_for(thread, turn.text, governing)
                       if a.article_id not in out)
        return list(out.values())

    # -- promises and stated facts --

    def _evidence(self, thread: Thread, index: int, reply: str) -> tuple[list[str], Article | None]:
        """KB articles for the question an agent reply answers and for the reply itself (it often names the
        matter better than the customer did), and the article that governs the reply."""
        question, _ = question_before(thread, index)
        hits: list[Hit] = []
        for query in (question, reply):
            if query.strip():
                found = self.search(query, k=tuning.QA_SEARCH_K, exclude_ticket=thread.ticket_id)
                hits += [h for h in found if h.article_id not in {x.article_id for x in hits}]
        # Whole articles, not only their best chunk: a policy's numbers are often a section away from its title.
        passages = [self.articles[h.article_id].body if h.article_id in self.articles else h.text for h in hits]
        link = self.linker.link(reply)
        governing = link.article if link is not None else None
        rule = self.rubric.flags.get("wrong_information")
        threshold = rule.min_confidence if rule is not None else 1.0
        best = max(hits, key=lambda h: h.confidence, default=None)
        if governing is None and best is not None and best.confidence >= threshold:
            governing = self.articles.get(best.article_id)
        if governing is not None:
            passages.append(governing.body)
        return passages, governing

    def _statements(self, article: Article) -> list[tuple[str, dict[str, list[str]]]]:
        """The article's sentences that state a value, with the values of each kind (kept per article)."""
        found = self._stated.get(article.article_id)
        if found is None:
            found = []
            for sentence in sentences(article.body):
                values = {kind: stated_values(kind, sentence) for kind in VALUE_KINDS}
                if any(values.values()):
                    found.append((sentence, {k: v for k, v in values.items() if v}))
            self._stated[article.article_id] = found
        return found

    def fact_check(self, sentence: str, kind: str, span: str, articles: list[Article]) -> Statement | None:
        """The KB statement that governs a value an agent stated: the article sentence stating a value of the
        same kind that is closest in meaning to the agent's sentence (and close enough), or None."""
        candidates = [(a, text, values[kind]) for a in articles for text, values in self._statements(a)
                      if kind in values and any(_comparable(kind, span, v) for v in values[kind])]
        if not candidates:
            return None
        clause = clause_holding(sentence, span)
        vectors = normalize(embed_cached(self.sentence_embedder,
                                     [plain(sentence), plain(clause)] + [plain(text) for _, text, _ in candidates]))
        similarity = vectors[2:] @ vectors[0]
        ranked = sorted(range(len(candidates)), key=lambda i: -float(similarity[i]))
        close = [i for i in ranked if similarity[i] >= tuning.QA_FACT_SIMILARITY]
        # The same value in any close statement supports it: the KB may state one fact in two places.
        for i in close:
            article, text, values = candidates[i]
            if any(same_value(kind, span, v) for v in values) or names_number(span, text):
                return Statement(article=article, text=text, value=span, agrees=True)
        if not close:
            return None
        article, text, values = candidates[close[0]]
        agrees = None if float(vectors[2 + close[0]] @ vectors[1]) < tuning.QA_FACT_CLAUSE_SIMILARITY else False
        return Statement(article=article, text=text, value=values[0], agrees=agrees, similarity=float(similarity[close[0]]))

    def commitments(self, thread: Thread) -> list[Finding]:
        """unsupported_promise and wrong_information over the agents' replies."""
        out: list[Finding] = []
        customer_said = trusted_turns(thread, roles=("customer",))
        for index, turn in enumerate(thread.messages):
            if turn.role != "agent":
                continue
            # Cheap first: a reply with nothing to check needs no retrieval.
            unsupported = unsupported_commitments(turn.text, [], [], PROMISE_KINDS)
            stated = [(kind, turn.text[a:b]) for kind, a, b in commitments(turn.text) if kind in VALUE_KINDS]
            exception = next((x for x in sentences(turn.text) if EXCEPTION.search(x)), None)
            denied = denials(turn.text)
            soon = next((x for x in sentences(turn.text) if promised_soon(x)), None)
            if not unsupported and not stated and exception is None and not denied and soon is None:
                continue
            passages, governing = self._evidence(thread, index, turn.text)
            articles = list({a.article_id: a for a in self._articles_for(thread, turn.text, governing)}.values())
            passages += [a.body for a in articles]
            unsupported = unsupported_commitments(turn.text, passages + customer_said, passages, PROMISE_KINDS)
            checked: dict[str, Statement] = {}
            for kind, span in stated:
                if any(same_value(kind, span, v) for said in customer_said for v in stated_values(kind, said)):
                    continue  # the customer's own figure repeated ("you ordered 20 days ago")
                if kind == "amount" and derived_amount(span, turn.text, [*customer_said, *(a.body for a in articles)]):
                    continue  # worked out from stated figures ("3 sessions at £34, so £102")
                found = self.fact_check(sentence_holding(turn.text, span), kind, span, articles)
                if found is not None:
                    checked[span] = found
            wrong = [(span, st) for span, st in checked.items() if st.agrees is False
                     and not any(same_value(k, st.value, v) for k, v2 in stated for v in [v2])]
            # "Your credit never expires" states a policy; "I'll rebook you at no charge" grants a waiver (a promise).
            contradicted = [(phrase, sentence, st) for kind, phrase, sentence in denied
                            if (st := self.denial_check(sentence, kind, phrase, articles)) is not None]
            granted = [WAIVING.search(sentence[:sentence.find(phrase) + len(phrase)]) is not None
                       for phrase, sentence, _ in contradicted]
            wrong += [(phrase, st) for (phrase, _, st), grant in zip(contradicted, granted, strict=True) if not grant]
            waived = [(phrase, st) for (phrase, _, st), grant in zip(contradicted, granted, strict=True) if grant]
            if wrong and self.rubric.rule("wrong_information"):
                span, st = wrong[0]
                out.append(Finding("wrong_information", [turn.key],
                                   f"said {span!r}; the article {st.article.title!r} says {st.text.strip()[:160]!r}",
                                   [turn.key]))
            # A value a KB statement governs is judged there (right or wrong), not as a promise; a bare amount or
            # percentage (the order's price) is no promise either, one in a promise's sentence is.
            # An amount or percentage goes with the promise it is part of (a refund of the order's $84 is judged as
            # the refund); a time frame is a promise only when the agent commits to it ("you'll have it by Friday"),
            # a policy stated is judged as a fact above.
            rest = [u for u in unsupported if not any(span in u.text or u.text in span for span in checked)
                    and u.kind not in ("amount", "percent")
                    and (u.kind != "time_frame" or COMMITTING.search(sentence_holding(turn.text, u.text)))
                    and not (u.kind in PROMISE_WORDS and self._offered(sentence_holding(turn.text, u.text), u.text,
                                                                        u.kind, articles))]
            # A result promised for today or tomorrow is a time frame too, unless an article says it is that quick.
            if soon is not None and any(KB_SOON.search(passage) for passage in passages):
                soon = None
            if (rest or exception or waived or soon) and self.rubric.rule("unsupported_promise"):
                if soon and not (rest or exception):
                    reason = f"promised {soon[:160]!r}, sooner than any KB passage for the question says"
                elif rest or exception:
                    what = ", ".join(repr(u.text) for u in rest[:3]) or repr(exception)
                    why = "which no KB passage for the question supports" if rest else "an exception to the policy"
                    reason = f"promised {what}, {why}"
                else:
                    phrase, st = waived[0]
                    reason = f"promised {phrase!r}; the article {st.article.title!r} says {st.text.strip()[:160]!r}"
                out.append(Finding("unsupported_promise", [turn.key], reason, [turn.key]))
        return out

    def denial_check(self, sentence: str, kind: str, phrase: str, articles: list[Article]) -> Statement | None:
        """The article statement an agent's "never expires" or "nothing to pay" contradicts: the sentence closest in
        meaning that states a validity or a fee of that kind, close enough, and never says "free" itself."""
        candidates = [(a, text, values[kind][0]) for a in articles for text, values in self._statements(a)
                      if kind in values and DENIAL_TOPIC[kind].search(text) and not DENIED_VALUE[kind].search(text)
                      and not (kind == "amount" and SOMETIMES_NONE.search(text))]
        if not candidates:
            return None
        # The denial's own clause says what is free ("driving credit doesn't expire, so it'll sit on your account").
        vectors = normalize(embed_cached(self.sentence_embedder, [plain(sentence), plain(clause_holding(sentence, phrase))]
                                     + [plain(text) for _, text, _ in candidates]))
        similarity = np.maximum(vectors[2:] @ vectors[0], vectors[2:] @ vectors[1])
        best = int(np.argmax(similarity))
        if similarity[best] < tuning.QA_FACT_SIMILARITY:
            return None
        article, text, value = candidates[best]
        return Statement(article=article, text=text, value=value, agrees=False, similarity=float(similarity[best]))

    def _offered(self, sentence: str, span: str, kind: str, articles: list[Article]) -> bool:
        """Whether an article offers this kind of thing (a refund, a credit...) in a sentence close in meaning to the
        agent's sentence or the promise's own clause (a long reply's sentence carries other matters too)."""
        offers = [text for a in articles for text in offering_sentences(kind, a.body)]
        if not offers:
            return False
        clause = clause_holding(sentence, span)
        vectors = normalize(embed_cached(self.sentence_embedder, [plain(sentence), plain(clause)] + [plain(t) for t in offers]))
        return float(np.maximum(vectors[2:] @ vectors[0], vectors[2:] @ vectors[1]).max()) >= tuning.QA_PROMISE_SIMILARITY

    def _articles_for(self, thread: Thread, reply: str, governing: Article | None) -> list[Article]:
        """The articles that may govern a reply's statements: the one it links or the question's best, and
        those found for each sentence stating a value (a reply often answers two matters)."""
        out = [governing] if governing is not None else []
        for sentence in sentences(reply):
            if any(stated_values(kind, sentence) for kind in VALUE_KINDS) or commitments(sentence) or denials(sentence):
                found = self.search(sentence, k=tuning.QA_SEARCH_K, exclude_ticket=thread.ticket_id)
                out += [self.articles[hit.article_id] for hit in found if hit.article_id in self.articles]
        return out

    # -- questions left unanswered --

    def unanswered(self, thread: Thread) -> list[Finding]:
        """Customer questions no later agent reply addressed."""
        rule = self.rubric.flags["unanswered_question"]
        out: list[Finding] = []
        messages = thread.messages
        for index, turn in enumerate(messages):
            if turn.role != "customer":
                continue
            replies = [m.text for m in messages[index + 1:] if m.role == "agent"]
            questions = [q for q in customer_questions(turn.text, min_words=1)
                         if len(stems(q)) >= tuning.QA_MIN_QUESTION_WORDS]
            if not questions:
                continue
            if not replies:
                out += [Finding("unanswered_question", [turn.key], f"no agent reply after the question {q[:120]!r}")
                        for q in questions]
                continue
            features, worst = self.answer_features(questions, replies, rule.min_overlap)
            probability = unaddressed_probability(features)
            if probability >= rule.min_unaddressed:
                out.append(Finding("unanswered_question", [turn.key],
                                   f"no agent reply addresses the question {worst[:120]!r} ({probability:.2f})"))
        return out

    def answer_features(self, questions: list[str], replies: list[str], min_overlap: float) -> tuple[np.ndarray, str]:
        """The answer model's reading of one customer message's questions (qa_answers.answer_features)."""
        return answer_features(questions, replies, min_overlap=min_overlap, matcher=self.embedder,
                               reader=self.sentence_embedder)

    # -- tone --

    def rude(self, thread: Thread) -> list[Finding]:
        """Agent sentences that blame, mock or dismiss the customer: exact wordings, then the tone head."""
        rule = self.rubric.flags["rude_or_dismissive"]
        keyed = [(turn, s) for turn in thread.messages if turn.role == "agent" for s in sentences(turn.text)]
        if not keyed:
            return []
        # The head reads a sentence of a few content words; "Hi Jordan." or "Happens." says too little to judge.
        readable = [(turn, s) for turn, s in keyed if len(stems(s)) >= tuning.TONE_MIN_CONTENT_WORDS]
        scored: dict[tuple[str, str], float] = {}
        if readable:
            rudeness = self.tone.rudeness(embed_cached(self.sentence_embedder, [s for _, s in readable]))
            scored = {(turn.key, s): float(p) for (turn, s), p in zip(readable, rudeness, strict=True)}
        flagged: dict[str, Finding] = {}
        for turn, sentence in keyed:
            if turn.key in flagged:
                continue
            if RUDE_RULES.search(sentence):
                flagged[turn.key] = Finding("rude_or_dismissive", [turn.key],
                                            f"{sentence[:160]!r} (blaming or dismissive wording)", [turn.key],
                                            exact=True)
            elif (p := scored.get((turn.key, sentence), 0.0)) >= rule.min_probability:
                flagged[turn.key] = Finding("rude_or_dismissive", [turn.key],
                                            f"{sentence[:160]!r} (reads as rude or dismissive, {p:.2f})", [turn.key])
        return list(flagged.values())

    # -- escalation --

    def missed_escalation(self, thread: Thread) -> list[Finding]:
        """Escalation triggers in the customer's turns that no later agent reply escalated or acknowledged."""
        rule = self.rubric.flags["missed_escalation"]
        customer = [m for m in thread.messages if m.role == "customer"]
        if not customer or not any(m.role == "agent" for m in thread.messages):
            return []
        # The whole thread, as assist reads it (compute_signals scores the customer's turns; a hand-over already
        # made clears a request for a person), so QA and the overlay agree.
        signals = compute_signals(thread.messages, tier=thread.customer.tier,
                                  high_value_tiers=self.rt.settings.high_value_tiers)
        codes = [c for c in signals.escalation.codes if c in rule.codes]
        out: list[Finding] = []
        for code in codes:
            start = _trigger_index(thread.messages, signals.escalation.reasons, code)
            # A lead's report blames an agent only for a threat the customer put in words (a lawyer, a chargeback,
            # a manager, a third contact): the classifier alone also reads "I paid with PayPal" as one.
            named = REPEAT_CONTACT if code == "repeat" else rules.TERMS.get(code)
            if named is not None and not named.search(thread.messages[start].text):
                continue
            later = [m for m in thread.messages[start + 1:] if m.role == "agent"]
            # Where the KB says the case goes to someone senior, only a hand-over answers it; a hand-over to a person
            # (the signals' own reading, rules.honoured) answers a request for one too; other threats need words.
            handed_over = code == "human" or code in self.handover_codes
            ack = HANDED_OVER if code in self.handover_codes else ACK.get(code, ACK["human"])
            if any(ack.search(m.text) or (handed_over and rules.honoured(m.text)) for m in later):
                continue
            reason = next((r for r in signals.escalation.reasons if r), code)
            out.append(Finding("missed_escalation", [thread.messages[start].key],
                               f"{code}: {_reason_for(signals.escalation.reasons, code) or reason}; "
                               "no agent reply escalated or acknowledged it", [m.key for m in later]))
        return out

    # -- personal data --

    def leaks(self, thread: Thread) -> list[Finding]:
        """Agent messages in which the redactor found PII the rubric counts (kinds and counts only)."""
        kinds = self.rubric.flags["leaked_personal_data"].kinds
        out: list[Finding] = []
        for turn in thread.messages:
            if turn.role != "agent" or not turn.pii:
                continue
            counted = {k: n for k, n in turn.pii.items() if _kind_counts(k, kinds)}
            if counted:
                listed = ", ".join(f"{k} x{n}" for k, n in sorted(counted.items()))
                out.append(Finding("leaked_personal_data", [turn.key],
                                   f"personal data in an agent message: {listed}", [turn.key]))
        return out


def _kind_counts(recorded: str, kinds: list[str]) -> bool:
    """Whether a recorded `KIND:own|other` is one the rubric counts ("CARD" or "CARD:other")."""
    return recorded in kinds or recorded.split(":", 1)[0] in kinds


def _comparable(kind: str, span: str, other: str) -> bool:
    """Whether two values can contradict: any two durations or percentages; amounts in the same currency."""
    if kind != "amount":
        return True
    return same_unit(kind, span, other) or not (_currency(span) and _currency(other))


def _currency(text: str) -> bool:
    return bool(re.search(r"[$€£¥]|\b(?:usd|eur|gbp|dollars?|euros?|pounds?)\b", text, re.IGNORECASE))


def _reason_for(reasons: list[str], code: str) -> str | None:
    hint = escalation.READABLE.get(code, code).lower()
    return next((r for r in reasons if r.lower().startswith(hint)), None)


def _trigger_index(messages: list[Turn], reasons: list[str], code: str) -> int:
    """Where the customer raised `code`: the message quoted by its reason, else the last customer message."""
    reason = _reason_for(reasons, code) or ""
    quoted = re.search(r"[\"“](.+?)[\"”]", reason)
    fallback = max(i for i, m in enumerate(messages) if m.role == "customer")
    if quoted:
        needle = quoted.group(1).strip(" .…").lower()[:40]
        for index, message in enumerate(messages):
            if message.role == "customer" and needle and needle in message.text.lower():
                return index
    return fallback


# ---- the run -------------------------------------------------------------------------------------------------

def agents_of(thread: Thread) -> list[str]:
    """Who wrote the agent messages, in order of first message."""
    seen: dict[str, None] = {}
    for turn in thread.messages:
        if turn.role == "agent":
            seen.setdefault(turn.author or UNATTRIBUTED, None)
    return list(seen)


def result_of(rubric: Rubric, conversation_id: int, thread: Thread, last_activity_at: str,
              findings: list[Finding]) -> QAResultRow:
    """A scored conversation: its score (start minus each distinct flag's weight) and flags."""
    authors = {t.key: t.author or UNATTRIBUTED for t in thread.messages if t.role == "agent"}
    lost = sum(rubric.flags[f].weight for f in {x.flag for x in findings})
    flags = [QAFlagRow(flag=f.flag, message_ids=f.message_ids, reason=f.reason,
                       agents=sorted({authors[k] for k in f.agent_keys if k in authors})) for f in findings]
    return QAResultRow(conversation_id=conversation_id, helpdesk=thread.helpdesk, ticket_id=thread.ticket_id,
                       scored_through=last_activity_at, agents=agents_of(thread),
                       score=round(max(0.0, rubric.start - lost), 2), flags=flags)


def run(rt: Runtime, *, rubric: Rubric | None = None, since: str | None = None, until: str | None = None,
        now: datetime | None = None, embedder: Embedder | None = None) -> dict[str, Any]:
    """Score the finished conversations not yet scored, store the results, and report the window."""
    rubric = rubric or load_rubric()
    scored = score_pending(rt, rubric=rubric, since=since, until=until, now=now, embedder=embedder)
    return report(rt, rubric=rubric, since=since, until=until, scored=scored)


class QAJobReport(msgspec.Struct):
    """What one run of the periodic QA job did."""

    scored: int
    more: bool  # candidates were left for the next run (the batch was full)

    def summary(self) -> str:
        return f"{self.scored} conversations scored" + (" (more left for the next run)" if self.more else "")


def periodic(rt: Runtime, *, limit: int = tuning.QA_JOB_BATCH, now: datetime | None = None) -> QAJobReport:
    """The periodic job: score up to `limit` finished conversations under the shipped rubric, oldest first.
    Each batch is committed as it is scored, so a run cut short loses nothing and the next one goes on."""
    scored = score_pending(rt, rubric=load_rubric(), limit=limit + 1, now=now, stop_after=limit)
    return QAJobReport(scored=min(scored, limit), more=scored > limit)


def score_pending(rt: Runtime, *, rubric: Rubric, since: str | None = None, until: str | None = None,
                  now: datetime | None = None, embedder: Embedder | None = None, limit: int | None = None,
                  stop_after: int | None = None) -> int:
    """Score and store finished conversations not yet scored under `rubric`; returns how many were found
    (at most `limit`), of which the first `stop_after` (all when None) were scored."""
    idle_before = ((now or datetime.now(UTC)) - timedelta(hours=rt.settings.qa_idle_h)).isoformat().replace("+00:00", "Z")
    todo = qa_store.candidates(rt.db, rubric=scoring_digest(rt, rubric), idle_before=idle_before, since=since, until=until,
                               limit=limit)
    found = len(todo)
    if stop_after is not None:
        todo = todo[:stop_after]
    scorer = Scorer(rt, rubric, embedder=embedder)
    batch: list[QAResultRow] = []
    for candidate in todo:
        thread = conv_store.load_thread(rt.db, candidate.conversation_id)
        if thread is None:
            continue
        batch.append(result_of(rubric, candidate.conversation_id, thread, candidate.last_activity_at,
                               scorer.score(thread)))
        if len(batch) >= tuning.QA_SAVE_EVERY:
            _save(rt, batch, rubric)
            batch = []
    _save(rt, batch, rubric)
    return found


def scoring_digest(rt: Runtime, rubric: Rubric) -> str:
    """What results are stored under: the rubric's digest, and the model when one judges (switching it on or
    off, or to another model or prompt, scores conversations again)."""
    if not rubric.model or rt.provider is None:
        return rubric.digest
    judge_id = f"{rubric.digest}|{rt.provider.name}|{rt.provider.model}|{get_prompt('qa_judge').version}"
    return hashlib.sha256(judge_id.encode()).hexdigest()[:12]


def _save(rt: Runtime, batch: list[QAResultRow], rubric: Rubric) -> None:
    if batch:
        with rt.db.transaction():
            qa_store.save(rt.db, batch, rubric=scoring_digest(rt, rubric))


def report(rt: Runtime, *, rubric: Rubric | None = None, since: str | None = None, until: str | None = None,
           scored: int | None = None) -> dict[str, Any]:
    """The stored results in [since, until) under `rubric`: conversations and per-agent aggregates."""
    rubric = rubric or load_rubric()
    digest = scoring_digest(rt, rubric)
    rows = qa_store.results(rt.db, rubric=digest, since=since, until=until)
    described = {**rubric.describe(), "digest": digest}
    if scored is not None:
        described["scored_now"] = scored
    return {"rubric": described, "conversations": [_conversation(r) for r in rows],
            "per_agent": per_agent(rows)}


def _conversation(row: QAResultRow) -> dict[str, Any]:
    return {"helpdesk": row.helpdesk, "ticket_id": row.ticket_id, "agents": row.agents, "score": row.score,
            "flags": [{"flag": f.flag, "message_ids": f.message_ids, "reason": f.reason} for f in row.flags]}


def per_agent(rows: Iterable[QAResultRow]) -> list[dict[str, Any]]:
    """Each agent's conversations, mean score and flag counts (a flag naming no agent message, such as an
    unanswered question, counts for every agent of the conversation)."""
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        for agent in row.agents:
            entry = totals.setdefault(agent, {"agent": agent, "conversations": 0, "_sum": 0.0,
                                              "flags": {f: 0 for f in FLAGS}})
            entry["conversations"] += 1
            entry["_sum"] += row.score
        for flag in row.flags:
            for agent in (set(flag.agents) or set(row.agents)) & set(row.agents):
                totals[agent]["flags"][flag.flag] += 1
    out = []
    for entry in sorted(totals.values(), key=lambda e: e["agent"]):
        entry["score"] = round(entry.pop("_sum") / entry["conversations"], 2)
        out.append({"agent": entry["agent"], "conversations": entry["conversations"], "score": entry["score"],
                    "flags": entry["flags"]})
    return out


def qa_summary(rt: Runtime, *, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The QA section of `tandem report`: stored results of any rubric (the latest score of each conversation)."""
    rows = qa_store.results(rt.db, rubric=None, since=since, until=until)
    counts = {f: sum(1 for r in rows for x in r.flags if x.flag == f) for f in FLAGS}
    return {"conversations": len(rows), "flagged": sum(1 for r in rows if r.flags),
            "mean_score": round(sum(r.score for r in rows) / len(rows), 2) if rows else None,
            "flags": counts, "per_agent": per_agent(rows)}
