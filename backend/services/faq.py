"""FAQ mining and review: cluster the questions customers repeat, draft an entry from what agents
answered, and let a knowledge manager approve (a new KB article, indexed at once), edit, merge or reject.

Clustering (retrieval/clustering.py): average linkage with a cut measured on each history, then a topic's
sub-groups merge (neighbouring questions, or agents who answered alike); a topic found again in a later run
grows its draft (whatever its status) instead of proposing it twice.
"""

from __future__ import annotations

import re
import time
from collections import Counter

import msgspec
import numpy as np

from backend import tuning
from backend.errors import Conflict, InvalidInput, NotFound
from backend.llm.base import LLMRequest, ProviderError, json_object
from backend.llm.checks import URL
from backend.llm.prompts import get_prompt
from backend.models import DRAFT_STATUSES, ArticleIn, Draft
from backend.retrieval.clustering import cluster, cut_distance, merge_subtopics
from backend.services import kb as kb_service
from backend.services.generation import OFFLINE, generate_or_fall_back
from backend.services.history import embed_customer_messages
from backend.services.learning import ArticleLinker
from backend.services.runtime import Runtime
from backend.store import faq as faq_store
from backend.store import kb as kb_store
from backend.store.faq import CustomerQuestion, ExistingDraft, NewDraft

SAME_DRAFT = tuning.SAME_DRAFT
AGENTS_AGREE = tuning.AGENTS_AGREE
MAX_EXAMPLES = tuning.MAX_EXAMPLES
MAX_REPLIES_COMPARED = tuning.MAX_REPLIES_COMPARED
REPLY_CHARS = tuning.REPLY_CHARS
SAME_MEMBERS = tuning.SAME_MEMBERS
STATUSES = DRAFT_STATUSES
_QUESTION = re.compile(r"\?|^(?:how|what|when|where|why|who|which|can|could|do|does|did|is|are|will|would|should|"
                       r"may|i need|i want|i'd like|i would like|please|help)\b", re.IGNORECASE)
_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?:[ \t]+[\w'-]+){0,2}[ \t]*[,!.:\n-]"
    r"|(?:thanks?|thank you) for (?:reaching out|contacting us|contacting|your (?:message|patience))[^.!?\n]*[.!?,\n]?)"
    r"\s*", re.IGNORECASE)
_SIGNOFF = re.compile(r"\n?\s*(?:best|regards|kind regards|cheers|thanks|thank you|sincerely)[,!.]?\s*\n?[^\n]{0,40}$",
                      re.IGNORECASE)
_ANYTHING_ELSE = re.compile(r"\s*(?:let me know if|is there anything else|feel free to|hope (?:this|that) helps)"
                            r"[^.!?]*[.!?]?\s*$", re.IGNORECASE)


class DraftError(InvalidInput):
    """A review action that cannot be done (missing answer or reason, bad status name)."""


class DraftNotFound(NotFound):
    """No such draft or article."""


class DraftConflict(Conflict):
    """The draft was already decided."""


class MineReport(msgspec.Struct, kw_only=True):
    """What a mining run did."""

    candidates: int = 0
    clusters: int = 0
    new_drafts: int = 0
    grown_drafts: int = 0
    already_answered: int = 0
    update_drafts: int = 0  # new drafts correcting an article agents contradict (knowledge upkeep)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"{self.candidates} questions, {self.clusters} repeated topics: {self.new_drafts} new drafts, "
                f"{self.grown_drafts} existing drafts grew, {self.already_answered} already answered by the KB, "
                f"{self.update_drafts} article updates proposed ({self.seconds:.1f} s)")


# ---- text ----------------------------------------------------------------------------------------

def is_question(text: str) -> bool:
    """Question-like customer turn (openings always count, see candidates())."""
    return bool(_QUESTION.search(text.strip()))


def clean_reply(text: str) -> str:
    """An agent reply without greeting, sign-off or "anything else?" closers."""
    body = text.strip()
    for _ in range(2):
        body = _GREETING.sub("", body, count=1).strip()
    body = _SIGNOFF.sub("", body).strip()
    body = _ANYTHING_ELSE.sub("", body).strip()
    return body[:1].upper() + body[1:] if body else body


def reply_text(text: str) -> str:
    """What an agent's reply says, for comparing replies: cleaned, without links and handles."""
    return re.sub(r"\s+", " ", re.sub(r"https?://\S+|(?:^|\s)@\w+", " ", clean_reply(text))).strip()


def linked_pages(text: str) -> set[str]:
    """The specific pages a reply links: host and path, lowercased, without query or fragment (a site's home
    page says nothing about the question, so a bare host is left out)."""
    from urllib.parse import urlsplit

    pages = set()
    for match in URL.finditer(text):  # with or without the scheme ("see example.com/help/pets")
        link = match.group(0).rstrip(".,;:!?")
        try:
            parts = urlsplit(link if "://" in link else f"http://{link}")
        except ValueError:
            continue
        path = parts.path.rstrip("/").lower()
        if parts.netloc and path:
            pages.add(parts.netloc.lower().removeprefix("www.") + path)
    return pages


def clean_question(text: str) -> str:
    """A customer question without greeting, trimmed for a title."""
    body = _GREETING.sub("", text.strip(), count=1).strip()
    body = re.sub(r"\s+", " ", body)
    if len(body) > 200:
        body = body[:200].rsplit(" ", 1)[0] + "…"
    return body[:1].upper() + body[1:] if body else text.strip()


# ---- mining --------------------------------------------------------------------------------------

def candidates(rt: Runtime, since: str | None) -> list[CustomerQuestion]:
    """Customers' questions: the opening customer message of each conversation and question-like turns."""
    return [m for m in faq_store.customer_messages(rt.db, since=since)
            if 8 <= len(m.text) <= 1000 and (m.opening or is_question(m.text))]


def mine(rt: Runtime, *, since: str | None = None, min_count: int = 5) -> MineReport:
    """Find repeated questions, check them against the KB, create or grow drafts."""
    started = time.perf_counter()
    report = MineReport()
    from backend.services.upkeep import propose_updates

    report.update_drafts = propose_updates(rt)
    if since is not None:
        from backend.dates import to_utc_iso

        since = to_utc_iso(since, "since")  # a clear 400 / CLI error, not a string compared as-is
    embed_customer_messages(rt)  # messages seen through /v1/assist since the last run
    rows = candidates(rt, since)
    report.candidates = len(rows)
    if len(rows) < min_count:
        report.seconds = time.perf_counter() - started
        return report
    embedder = rt.retriever.embedder
    stored = faq_store.vectors_for(rt.db, [r.row_id for r in rows], embedder.name)
    rows = [r for r in rows if r.row_id in stored]
    if len(rows) < min_count:  # questions embedded by another embedder (changed since) are not comparable
        report.seconds = time.perf_counter() - started
        return report
    vectors = np.stack([stored[r.row_id] for r in rows]).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12
    labels = cluster(vectors, cut_distance(vectors))
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    repeated = [members for members in groups.values()
                if len({rows[i].conversation_row for i in members}) >= min_count]
    known = KnownTopics(faq_store.existing_drafts(rt.db, embedder.name))
    linker = ArticleLinker(kb_store.list_articles(rt.db))
    samples = [_reply_sample(rt, rows, members, vectors, linker) for members in repeated]
    topics = sorted(_merge_subtopics(vectors, repeated, samples), key=lambda topic: -len(topic[0]))
    for members, sample in topics:
        report.clusters += 1
        outcome = _handle_cluster(rt, [rows[i] for i in members], vectors[members], sample, known,
                                  replace=since is None)
        if outcome == "new":
            report.new_drafts += 1
        elif outcome == "grown":
            report.grown_drafts += 1
        else:
            report.already_answered += 1
    if since is None:  # a question now in another draft leaves the untouched draft that listed it
        for draft_id, gone in known.moved().items():
            draft = known.drafts[draft_id]
            with rt.db.transaction():
                if draft.status == "pending" and gone >= draft.member_rows:
                    faq_store.delete_draft(rt.db, draft_id)  # its whole topic lives in other drafts now
                else:  # a decided draft stays as the record of the decision, even with no questions left
                    faq_store.drop_members(rt.db, draft_id, gone)
    report.seconds = time.perf_counter() - started
    return report


class ReplySample(msgspec.Struct, kw_only=True):
    """What agents replied to a topic's most typical askers: cleaned texts and their vectors (embedded once)."""

    texts: list[str]
    vectors: np.ndarray
    pages: list[set[str]] = msgspec.field(default_factory=list)  # per reply: the pages and KB articles it sends

    def centroid(self) -> np.ndarray | None:
        if len(self.texts) < 2:
            return None
        centre = self.vectors.mean(axis=0)
        return centre / (np.linalg.norm(centre) + 1e-12)

    def page(self) -> str | None:
        """The page agents send for this topic (see shared_page)."""
        return shared_page(self.pages)


def shared_page(links: list[set[str]]) -> str | None:
    """The page two or more of these replies link, and at least half of those linking anything (agents link in
    some replies only; those who do send the article that answers), else None."""
    counts = Counter(page for pages in links for page in pages)
    if not counts:
        return None
    page, n = max(counts.items(), key=lambda item: (item[1], item[0]))
    linking = sum(1 for pages in links if pages)
    return page if n >= 2 and n * 2 >= linking else None


def _reply_sample(rt: Runtime, rows: list[CustomerQuestion], members: list[int], vectors: np.ndarray,
                  linker: ArticleLinker) -> ReplySample:
    """The agents' replies to the MAX_REPLIES_COMPARED questions closest to the topic's centre."""
    centre = vectors[members].mean(axis=0)
    central = sorted(members, key=lambda i: -float(vectors[i] @ centre))[:MAX_REPLIES_COMPARED]
    replies = faq_store.agent_replies(rt.db, [(rows[i].conversation_row, rows[i].ordinal) for i in central])
    texts = [t for t in (clean_reply(r) for r in replies.values()) if len(t) >= 20]
    if not texts:
        return ReplySample(texts=[], vectors=np.zeros((0, 1), dtype=np.float32))
    # The opening of a reply says what it answers; embedding whole long replies cost minutes per run.
    embedded = np.asarray(rt.retriever.embedder.embed([reply_text(t)[:REPLY_CHARS] for t in texts]), dtype=np.float32)
    embedded /= np.linalg.norm(embedded, axis=1, keepdims=True) + 1e-12
    pages = []
    for text in texts:  # the pages a reply links, and the KB article it links or names by its title
        link = linker.link(text)
        pages.append(linked_pages(text) | ({f"kb:{link.article.row_id}"} if link else set()))
    return ReplySample(texts=texts, vectors=embedded, pages=pages)


def _merge_subtopics(vectors: np.ndarray, groups: list[list[int]],
                     samples: list[ReplySample]) -> list[tuple[list[int], ReplySample]]:
    """Sub-groups of one topic become one (neighbouring questions, agents who answered alike or sent the same
    page)."""
    merged: dict[int, tuple[list[int], ReplySample]] = {}
    roots = merge_subtopics(vectors, groups, [s.centroid() for s in samples], pages=[s.page() for s in samples])
    for members, sample, root in zip(groups, samples, roots, strict=True):
        if root not in merged:
            merged[root] = (list(members), sample)
            continue
        kept, joined = merged[root]
        kept.extend(members)
        if sample.texts:
            merged[root] = (kept, ReplySample(texts=joined.texts + sample.texts,
                                              vectors=np.vstack([joined.vectors, sample.vectors])
                                              if joined.texts else sample.vectors,
                                              pages=joined.pages + sample.pages))
    return list(merged.values())


class KnownTopics:
    """The drafts a mining run starts from, indexed by the questions they hold and by their centroids, so
    each topic of the run finds its draft in time proportional to its own size."""

    def __init__(self, drafts: list[ExistingDraft]) -> None:
        self.drafts = {d.id: d for d in drafts}
        self.holder = {row: d.id for d in drafts for row in d.member_rows}
        self.claimed: set[int] = set()  # drafts a topic of this run already took (one topic per draft)

    def _open(self, draft_id: int) -> bool:
        """A pending draft takes one topic per run; a decided one takes every part of its topic (a rejected
        draft's topic that split in two must not come back as a new draft)."""
        return draft_id not in self.claimed or self.drafts[draft_id].status != "pending"

    def match(self, member_rows: list[int], centroid: np.ndarray) -> ExistingDraft | None:
        """The open draft holding most of these questions, else the nearest one centred within SAME_DRAFT."""
        shared = Counter(self.holder[row] for row in member_rows if row in self.holder
                         and self._open(self.holder[row]))
        if shared:
            draft_id, count = shared.most_common(1)[0]
            best = self.drafts[draft_id]
            if count >= SAME_MEMBERS * min(len(member_rows), len(best.member_rows)):
                return best
        candidates = [d for d in self.drafts.values() if self._open(d.id)]
        if not candidates:
            return None
        closeness = np.stack([d.centroid for d in candidates]) @ centroid
        best_index = int(np.argmax(closeness))
        return candidates[best_index] if closeness[best_index] >= SAME_DRAFT else None

    def take(self, draft: ExistingDraft, member_rows: list[int], *, replace: bool) -> bool:
        """Record that this run's topic is `draft`: its questions now (the first topic a whole-history run
        gives it), or added to what it has. Returns whether its old evidence is replaced."""
        replace = replace and draft.id not in self.claimed
        self.claimed.add(draft.id)
        if replace:
            for row in draft.member_rows:
                self.holder.pop(row, None)
            draft.member_rows = set()
        draft.member_rows |= set(member_rows)
        self.holder.update({row: draft.id for row in member_rows})
        return replace

    def moved(self) -> dict[int, set[int]]:
        """Drafts this run did not touch that still list questions another draft now holds."""
        out: dict[int, set[int]] = {}
        for draft in self.drafts.values():
            if draft.id not in self.claimed:
                gone = {row for row in draft.member_rows if self.holder.get(row) != draft.id}
                if gone:
                    out[draft.id] = gone
        return out

    def add(self, draft: ExistingDraft) -> None:
        """A draft this run created."""
        self.drafts[draft.id] = draft
        self.claimed.add(draft.id)
        self.holder.update({row: draft.id for row in draft.member_rows})


def _handle_cluster(rt: Runtime, members: list[CustomerQuestion], vectors: np.ndarray, replies: ReplySample,
                    known: KnownTopics, *, replace: bool) -> str:
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) + 1e-12
    closeness = vectors @ centroid
    order = np.argsort(-closeness)
    question = clean_question(members[int(order[0])].text)
    examples: list[str] = []
    for i in order:
        text = members[int(i)].text.strip()
        if text not in examples:
            examples.append(text)
        if len(examples) == MAX_EXAMPLES:
            break
    member_rows = [m.row_id for m in members]
    member_ids = [m.message_id for m in members]
    sources = sorted({m.ticket_id for m in members})
    # Re-mining grows the draft it already made (whatever its status) instead of proposing it again.
    found = known.match(member_rows, centroid)
    if found is not None:
        replaced = known.take(found, member_rows, replace=replace)
        _grow(rt, found.id, member_rows, member_ids, examples, sources, centroid, replace=replaced)
        return "grown"
    hits = rt.retriever.search(question, k=1, query_vector=centroid)
    nearest = hits[0] if hits else None
    action = "new_article"
    # Stricter than `grounded` (which favours answering the agent's customer): a draft is only skipped when
    # the article is probably *the* answer, and the agents' replies agree with it.
    if nearest and nearest.confidence >= tuning.FAQ_ANSWERED:
        if not replies.texts:
            return "answered"
        passage = np.asarray(rt.retriever.embedder.embed([nearest.text[:REPLY_CHARS]]), dtype=np.float32)[0]
        passage /= np.linalg.norm(passage) + 1e-12
        agreement = float(np.mean(replies.vectors @ passage))
        if agreement >= AGENTS_AGREE:
            return "answered"
        action = "update_article"  # agents answer differently than the article does
    answer, engine = _draft_answer(rt, [m.text for m in members], replies)
    draft = NewDraft(
        question=question, answer=answer, cluster_size=len(members), member_rows=member_rows,
        member_message_ids=member_ids, example_queries=examples, source_conversation_ids=sources,
        nearest_article_id=nearest.article_id if nearest else None,
        nearest_similarity=round(float(nearest.similarity), 4) if nearest else None,
        suggested_action=action, embedder=rt.retriever.embedder.name, engine=engine)
    with rt.db.transaction():
        draft_id = faq_store.insert_draft(rt.db, draft, centroid)
    known.add(ExistingDraft(id=draft_id, status="pending", centroid=centroid, member_rows=set(member_rows)))
    return "new"


def _grow(rt: Runtime, draft_id: int, member_rows: list[int], member_ids: list[str], examples: list[str],
          sources: list[str], centroid: np.ndarray, *, replace: bool) -> None:
    """Give a draft this run's evidence: a run over the whole history replaces what an earlier, smaller run
    saw (its questions may since belong to another topic); a run over recent messages (`since`) adds to it."""
    with rt.db.transaction():
        draft = faq_store.get_draft(rt.db, draft_id)
        assert draft is not None
        rows = {} if replace else dict(zip(draft.member_rows, draft.member_message_ids, strict=False))
        rows.update(zip(member_rows, member_ids, strict=True))
        kept = [] if replace else draft.example_queries
        merged = kept + [e for e in examples if e not in kept]
        conversations = set(sources) if replace else set(draft.source_conversation_ids) | set(sources)
        faq_store.grow_draft(rt.db, draft_id, member_rows=list(rows), member_message_ids=list(rows.values()),
                             example_queries=merged[:MAX_EXAMPLES * 2], source_conversation_ids=sorted(conversations),
                             centroid=centroid)


def _draft_answer(rt: Runtime, questions: list[str], replies: ReplySample) -> tuple[str, str]:
    """(answer, engine): the configured model, else the most central agent reply, cleaned."""
    if not replies.texts:
        return "", OFFLINE

    def central() -> str:  # the agents' own words
        centre = replies.vectors.mean(axis=0)
        return replies.texts[int(np.argmax(replies.vectors @ centre))]

    out = generate_or_fall_back(rt, lambda _: _model_answer(rt, questions, replies.texts), central)
    return out.value, out.engine


def _model_answer(rt: Runtime, questions: list[str], replies: list[str]) -> str:
    """A FAQ answer written by the configured model from what customers asked and agents replied."""
    assert rt.provider is not None
    prompt = get_prompt("faq_draft")
    evidence = "\n".join([*(f"Customer: {q}" for q in questions[:10]), *(f"Agent: {r}" for r in replies[:10])])
    request = LLMRequest(purpose="faq_draft", system=prompt.system, context="", user=prompt.render_user(evidence=evidence),
                         max_tokens=prompt.max_output_tokens, prompt_version=prompt.version)
    data = json_object(rt.provider.generate(request).text)
    if data is None or not isinstance(data.get("answer"), str) or not data["answer"].strip():
        raise ProviderError("FAQ draft was not the JSON object asked for")
    return data["answer"].strip()


# ---- review ----------------------------------------------------------------------------------------

def list_drafts(rt: Runtime, status: str | None = "pending") -> list[Draft]:
    """Drafts in contract shape; `status` None or "all" lists every draft."""
    if status not in (None, "all", *STATUSES):
        raise DraftError(f"unknown status {status!r} (use one of {', '.join(STATUSES)}, all)")
    return [d.public() for d in faq_store.list_drafts(rt.db, None if status in (None, "all") else status)]


def get_draft(rt: Runtime, draft_id: int) -> Draft:
    """One draft in contract shape, or DraftError."""
    if not 0 < draft_id < 2**63:  # the store's integer range; anything else cannot exist
        raise DraftNotFound(f"no FAQ draft {draft_id}")
    draft = faq_store.get_draft(rt.db, draft_id)
    if draft is None:
        raise DraftNotFound(f"no FAQ draft {draft_id}")
    return draft.public()


def _pending(rt: Runtime, draft_id: int) -> Draft:
    draft = get_draft(rt, draft_id)
    if draft.status != "pending":
        raise DraftConflict(f"draft {draft_id} is already {draft.status}")
    return draft


def approve(rt: Runtime, draft_id: int, *, user: str | None, question: str | None = None,
            answer: str | None = None) -> Draft:
    """Create a KB article (source `faq`) from the draft, indexed at once; returns the decided draft.

    An update draft (`kind: update`) rewrites its article instead and marks it reviewed by `user`.
    """
    draft = _pending(rt, draft_id)
    if draft.kind == "update":
        return _approve_update(rt, draft, user=user, answer=answer)
    question = (question or draft.question).strip()
    answer = (answer or draft.answer).strip()
    if not question or not answer:
        raise DraftError(f"draft {draft_id} has no answer yet: edit it before approving")
    article_id = f"faq-{draft_id}"
    kb_service.upsert_articles(rt, [ArticleIn(external_id=article_id, title=question, body=answer, tags=["faq"])],
                               source="faq")
    with rt.db.transaction():
        faq_store.decide(rt.db, draft_id, status="approved", decided_by=user, question=question, answer=answer,
                         article_id=article_id)
    return get_draft(rt, draft_id)


def _approve_update(rt: Runtime, draft: Draft, *, user: str | None, answer: str | None) -> Draft:
    body = (answer or draft.answer).strip()
    if not body or not draft.article_id:
        raise DraftError(f"draft {draft.id} has no article text: edit it before approving")
    row_id = kb_service.resolve(rt, draft.article_id)
    article = kb_store.article_by_row(rt.db, row_id)
    assert article is not None
    kb_service.upsert_articles(rt, [ArticleIn(external_id=article.article_id, title=article.title, body=body,
                                              url=article.url, tags=article.tags, status=article.status)],
                               source=article.source)
    with rt.db.transaction():
        # The source file still holds the old text: a re-import of it is reported, not applied (kb.import_paths).
        kb_store.set_replaced_hash(rt.db, row_id, article.content_hash)
        faq_store.decide(rt.db, draft.id, status="approved", decided_by=user, answer=body, article_id=article.article_id)
    kb_service.verify(rt, article.article_id, source=article.source, by=user or "")
    return get_draft(rt, draft.id)


def reject(rt: Runtime, draft_id: int, *, user: str | None, reason: str) -> Draft:
    """Reject with a reason (re-mining grows the rejected draft's evidence but never re-proposes it)."""
    _pending(rt, draft_id)
    if not reason or not reason.strip():
        raise DraftError("a reason is required to reject a draft")
    with rt.db.transaction():
        faq_store.decide(rt.db, draft_id, status="rejected", decided_by=user, reason=reason.strip())
    return get_draft(rt, draft_id)


def merge(rt: Runtime, draft_id: int, article_id: str, *, user: str | None, answer: str | None = None,
          source: str | None = None) -> Draft:
    """Append the draft as a section of an existing article (re-indexed at once)."""
    draft = _pending(rt, draft_id)
    article = kb_service.get_article(rt, article_id, source=source)
    if article is None:
        raise DraftNotFound(f"no KB article {article_id!r}")
    text = (answer or draft.answer).strip()
    if not text:
        raise DraftError(f"draft {draft_id} has no answer yet: edit it before merging")
    body = f"{article.body.rstrip()}\n\n## {draft.question}\n\n{text}\n"
    kb_service.upsert_articles(rt, [ArticleIn(external_id=article.article_id, title=article.title, body=body,
                                              url=article.url, tags=article.tags)], source=article.source)
    with rt.db.transaction():
        faq_store.decide(rt.db, draft_id, status="merged", decided_by=user, answer=text, article_id=article.article_id)
    return get_draft(rt, draft_id)

