"""Learning from the customer's agents: the questions they answered with an article, and the ones they declined.

A customer question becomes a *learned question* of an article when an agent's reply links the article's
URL or names its title (in imported history or conversations recorded through the API), or when an agent
inserted an answer suggestion that cites it. A reply that declines ("we don't offer that") or hands the
customer on without an article makes the question a *declined* one: evidence for abstaining on questions
like it. Retrieval matches queries against both (backend/retrieval/learned.py).

A question linked to different articles is not learned blindly: when questions this alike
(tuning.LEARN_CONFLICT_SIMILARITY) were linked to different articles in different conversations, the
article with a clear majority (tuning.LEARN_MAJORITY of the links and two more than any other) keeps
them; without one, they are all marked `conflict` and retrieval ignores them until a knowledge manager
keeps or removes them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import msgspec
import numpy as np

from backend import tuning
from backend.errors import InvalidInput, NotFound
from backend.llm.checks import URL, normal_url
from backend.models import Article, Thread
from backend.retrieval.learned import embed_missing
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store import kb as kb_store
from backend.store import learned as learned_store
from backend.store.db import get_meta, set_meta

# Exact phrasings of an agent saying the business does not do or answer this; kept as rules because they
# are what agents write, not what customers mean.
DECLINED = re.compile(
    r"\b(?:we|I) (?:do not|don't|don’t|cannot|can't|can’t|are unable to|am unable to|no longer) "
    r"(?:offer|provide|support|sell|ship|stock|carry|do that|help with that|handle)\b|"
    r"\b(?:not|isn't|isn’t|aren't|aren’t) (?:something|a service|a feature|an option) (?:we|that we)\b|"
    r"\b(?:isn't|isn’t|is not|aren't|aren’t|are not) (?:available|supported|offered) (?:in|for|to|on|at|with)\b|"
    r"\b(?:I'll|I will|let me) (?:pass|transfer|forward|hand) (?:this|you|your \w+) (?:on |over )?to\b|"
    r"\b(?:transferring|escalating|forwarding) (?:this|you|your \w+) to\b", re.IGNORECASE)


class LearnReport(msgspec.Struct, kw_only=True):
    """What a learning run did (`tandem kb learn --json`)."""

    conversations: int = 0
    learned: int = 0
    declined: int = 0
    from_feedback: int = 0
    conflicts: int = 0
    total: dict[str, int] = msgspec.field(default_factory=dict)

    def summary(self) -> str:
        """One line for the CLI and the periodic job's log."""
        return (f"{self.conversations} conversations read, {self.learned} questions learned "
                f"({self.from_feedback} from inserted suggestions), {self.declined} declined, "
                f"{self.conflicts} in conflict")


@dataclass(frozen=True)
class Link:
    """The article an agent's reply points to, and how."""

    article: Article
    how: str  # url | title


class ArticleLinker:
    """Finds the KB article an agent's reply links (same URL) or names (a title only one article has)."""

    def __init__(self, articles: list[Article]) -> None:
        published = [a for a in articles if a.status == "published"]
        by_url: dict[str, list[Article]] = {}
        by_title: dict[str, list[Article]] = {}
        for article in published:
            if article.url:
                by_url.setdefault(normal_url(article.url), []).append(article)
            if len(article.title) >= tuning.LEARN_TITLE_MIN_CHARS:
                by_title.setdefault(article.title.lower(), []).append(article)
        self.by_url = {url: found[0] for url, found in by_url.items() if len(found) == 1}
        # Titles several articles share name none of them (help centres reuse "Billing FAQ").
        self.titles = sorted(((title, found[0]) for title, found in by_title.items() if len(found) == 1),
                             key=lambda pair: -len(pair[0]))

    def link(self, reply: str) -> Link | None:
        """The article `reply` links or names, or None."""
        for url in URL.findall(reply):
            article = self.by_url.get(normal_url(url))
            if article is not None:
                return Link(article, "url")
        lower = reply.lower()
        for title, article in self.titles:
            if title in lower:
                return Link(article, "title")
        return None


def question_before(thread: Thread, reply_index: int) -> tuple[str, list[str]]:
    """The customer's question an agent reply answers: the customer turns since the previous agent reply,
    with an earlier customer turn for context when they are short ("broadband" answering "which one?")."""
    messages = thread.messages
    start = reply_index
    while start > 0 and messages[start - 1].role != "agent":
        start -= 1
    turns = [m for m in messages[start:reply_index] if m.role == "customer"]
    if turns and sum(len(m.text.split()) for m in turns) < tuning.LEARN_MIN_QUESTION_WORDS:
        earlier = [m for m in messages[:start] if m.role == "customer"]
        turns = earlier[-1:] + turns
    text = " ".join(m.text for m in turns).strip()
    return text[:tuning.LEARN_MAX_QUESTION_CHARS], [m.key for m in turns]


def questions_of(thread: Thread, conversation_id: int | None, linker: ArticleLinker,
                 seen: set[tuple[int, str]]) -> list[learned_store.NewLearned]:
    """The learned and declined questions of one conversation (replies already learned from skipped)."""
    out = []
    for index, message in enumerate(thread.messages):
        if message.role != "agent" or (conversation_id, message.key) in seen:
            continue
        text, keys = question_before(thread, index)
        if len(text.split()) < tuning.LEARN_MIN_QUESTION_WORDS:
            continue
        link = linker.link(message.text)
        if link is not None:
            out.append(learned_store.NewLearned(
                article_row_id=link.article.row_id, conversation_id=conversation_id, reply_key=message.key,
                question_keys=keys, ticket_id=thread.ticket_id, text=text, status="learned", how=link.how,
                answered_at=message.at))
        elif DECLINED.search(message.text):
            out.append(learned_store.NewLearned(
                article_row_id=None, conversation_id=conversation_id, reply_key=message.key, question_keys=keys,
                ticket_id=thread.ticket_id, text=text, status="declined", how="declined", answered_at=message.at))
    return out


def learn(rt: Runtime, *, conversation_ids: list[int] | None = None) -> LearnReport:
    """Learn from conversations changed since the last run (or the given ones) and from inserted answers."""
    db = rt.db
    linker = ArticleLinker(kb_store.list_articles(db))
    report = LearnReport()
    cursor = get_meta(db, "learn_cursor", "") or ""
    if conversation_ids is None:
        changed = learned_store.conversations_updated_since(db, cursor)
        ids, newest = [c for c, _ in changed], (changed[-1][1] if changed else cursor)
    else:
        ids, newest = conversation_ids, cursor
    new_rows: list[learned_store.NewLearned] = []
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        seen = learned_store.by_reply(db, part)
        for conversation_id in part:
            thread = conv_store.load_thread(db, conversation_id)
            if thread is not None:
                report.conversations += 1
                new_rows += questions_of(thread, conversation_id, linker, seen)
    from_feedback = _from_feedback(rt)
    with db.transaction():
        first_new = learned_store.last_id(db) + 1
        report.from_feedback = learned_store.add(db, from_feedback)
        report.learned = learned_store.add(db, [r for r in new_rows if r.status == "learned"]) + report.from_feedback
        report.declined = learned_store.add(db, [r for r in new_rows if r.status == "declined"])
        if newest != cursor:
            set_meta(db, "learn_cursor", newest)
    if report.learned or report.declined:
        embed_missing(db, rt.retriever.embedder)
        report.conflicts = resolve_conflicts(rt, since_id=first_new)
        rt.retriever.learned.refresh()  # this process at once; others within their follow interval
    report.total = learned_store.counts(db)
    return report


def _from_feedback(rt: Runtime) -> list[learned_store.NewLearned]:
    """Questions answered by an inserted suggestion citing an article (its first citation)."""
    db = rt.db
    after = int(get_meta(db, "learn_feedback_cursor", "0") or 0)
    answers = learned_store.inserted_answers(db, after)
    by_id = {a.article_id: a for a in kb_store.list_articles(db) if a.status == "published"}
    out = []
    for answer in answers:
        article = by_id.get(answer.cited_article_ids[0])
        turns = learned_store.customer_turns_before(db, answer.conversation_id, answer.suggested_at)
        text = " ".join(t for _, t in turns[-2:]).strip()[:tuning.LEARN_MAX_QUESTION_CHARS]
        if article is None or len(text.split()) < tuning.LEARN_MIN_QUESTION_WORDS:
            continue
        out.append(learned_store.NewLearned(
            article_row_id=article.row_id, conversation_id=answer.conversation_id,
            reply_key=f"suggestion:{answer.suggestion_id}", question_keys=[k for k, _ in turns[-2:]],
            ticket_id="", text=text, status="learned", how="feedback", answered_at=answer.suggested_at))
    if answers:
        with db.transaction():
            set_meta(db, "learn_feedback_cursor", str(answers[-1].feedback_id))
    return out


def resolve_conflicts(rt: Runtime, *, since_id: int = 0) -> int:
    """Mark questions linked to different articles `conflict` unless one article has a clear majority;
    returns how many are in conflict now. Only the questions from `since_id` on, and the questions close to
    them, are decided again: the others' neighbourhoods did not change."""
    db = rt.db
    ids, articles, vectors = learned_store.used_vectors_of_articles(db, rt.retriever.embedder.name)
    if len(ids) < 2:
        return 0
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    new = np.flatnonzero(ids >= since_id)
    if not len(new):
        return learned_store.counts(db).get("conflict", 0)
    limits, _, near = index.range_search(vectors[new], tuning.LEARN_CONFLICT_SIMILARITY)
    rows = np.union1d(new, near).astype(np.int64)  # the new questions and every question close to one
    limits, _, neighbours = index.range_search(vectors[rows], tuning.LEARN_CONFLICT_SIMILARITY)
    conflict: set[int] = set()
    agreed: set[int] = set()
    for position, row in enumerate(rows):
        group = neighbours[limits[position]:limits[position + 1]]
        votes = Counter(int(articles[g]) for g in group)
        if len(votes) < 2:
            continue
        (winner, most), *rest = votes.most_common()
        runner_up = rest[0][1] if rest else 0
        if most / sum(votes.values()) >= tuning.LEARN_MAJORITY and most - runner_up >= 2:
            (agreed if int(articles[row]) == winner else conflict).add(int(ids[row]))
        else:
            conflict.add(int(ids[row]))
    with db.transaction():
        learned_store.set_status(db, sorted(conflict), "conflict")
        learned_store.set_status(db, sorted(agreed - conflict), "learned")
    return learned_store.counts(db).get("conflict", 0)


def list_learned(rt: Runtime, *, article_id: str | None = None, status: str | None = None,
                 limit: int | None = None) -> list[learned_store.LearnedRow]:
    """Learned questions, newest first (of one article when `article_id` is given)."""
    if status is not None and status not in learned_store.STATUSES:
        raise InvalidInput(f"status must be one of {', '.join(learned_store.STATUSES)}")
    rows = None
    if article_id is not None:
        found = kb_store.articles_with_id(rt.db, article_id)
        if not found:
            raise NotFound(f"no article {article_id!r}")
        rows = [a.row_id for a in found]
    return learned_store.list_learned(rt.db, article_row_ids=rows, status=status, limit=limit)


def remove(rt: Runtime, learned_id: int) -> None:
    """Forget one learned question."""
    with rt.db.transaction():
        if not learned_store.remove(rt.db, learned_id):
            raise NotFound(f"no learned question {learned_id}")


def keep(rt: Runtime, learned_id: int, *, by: str) -> learned_store.LearnedRow:
    """Keep a learned question as KB content: it no longer depends on its conversation (purges leave it)."""
    with rt.db.transaction():
        if not learned_store.keep(rt.db, learned_id, by):
            raise NotFound(f"no learned question {learned_id} with an article")
    row = learned_store.get(rt.db, learned_id)
    assert row is not None
    return row
