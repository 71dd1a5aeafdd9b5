"""Knowledge upkeep: which articles need a person (the review queue), and where agents say otherwise (drift).

Drift rule (constants in backend/tuning.py): an agent reply *speaks to* an article when it links or names
it (learning.ArticleLinker: imported history and recorded conversations) or when it is the final text of a
suggestion citing it that the agent edited before sending. Each value the evidence checks extract from such
a reply (amounts, percentages, time frames, dates, times, quantities: backend/llm/checks.py) is matched to
the article phrase stating that value, else to the article's value of the same kind (and unit, when one
matches) whose sentence shares the most content words with the reply's (at least DRIFT_MIN_SHARED_WORDS):
that is "the same matter". An article phrase drifts when at least
DRIFT_MIN_CONVERSATIONS conversations state the same other value about it, and they are at least
DRIFT_MIN_SHARE of the conversations stating any value about it. One agent's slip is below the count;
agents repeating the article keep the share down.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from backend import tuning
from backend.llm.checks import URL, commitment_value, commitments, sentence_at
from backend.models import Article, Evidence, Freshness, StaleArticle, StaleReason
from backend.services.kb import due_at
from backend.services.learning import ArticleLinker
from backend.services.runtime import Runtime
from backend.store import faq as faq_store
from backend.store import kb as kb_store
from backend.store import upkeep as upkeep_store
from backend.store.db import get_meta, set_meta
from backend.store.faq import NewDraft
from backend.text import stems

DRIFT_META = "drifting_articles"  # article ids drifting at the last upkeep run (read by every assist request)

KINDS = ("amount", "percent", "time_frame", "date", "time", "number")


@dataclass(frozen=True)
class Statement:
    """A value stated in a text: its kind, comparable value, the words as written, where, and its matter."""

    kind: str
    value: str
    phrase: str
    start: int
    end: int
    words: frozenset[str]
    near: frozenset[str] = frozenset()  # the content words of its clause (between commas and semicolons)
    sentence: str = ""  # the sentence it is in, and its clause, as written
    clause: str = ""

    @property
    def unit(self) -> str:
        """What the value counts in: "hour", "day", "GBP", "page"... (amount: its currency; number: its noun)."""
        if self.kind == "amount":
            return self.value.split(" ")[0] if " " in self.value else ""
        return self.value.split(" ", 1)[1] if " " in self.value else ""

    @property
    def vote(self) -> str:
        """The value agents are counted by: a quantity's number alone ("50 pages" and "50 free pages" agree)."""
        return self.value.split(" ")[0] if self.kind == "number" else self.value


@dataclass(frozen=True)
class Reply:
    """An agent's reply that speaks to an article."""

    article_row: int
    conversation: str  # one vote per conversation
    ticket_id: str
    message_id: str
    text: str
    at: str


@dataclass
class Drift:
    """Agents consistently stating another value than an article phrase does."""

    article: Article
    said: Statement  # the article's phrase (its first, when the article states the value more than once)
    agents_phrase: str  # what agents say instead, as most of them write it
    agents_value: str
    conversations: int  # stating the agents' value
    speaking: int  # stating any value of this kind about this matter
    since: str
    evidence: list[Evidence] = field(default_factory=list)

    def detail(self) -> str:
        """One line for the review queue."""
        since = f" since {self.since[:10]}" if self.since else ""
        return (f'the article says "{self.said.phrase}"; agents say "{self.agents_phrase}" in {self.conversations} '
                f"of {self.speaking} conversations citing it{since}")

    def phrases(self) -> list[Statement]:
        """Every phrase of the article stating the drifting value (an article may repeat its window)."""
        return [s for s in statements(self.article.body) if s.kind == self.said.kind and s.value == self.said.value]


# "within a week", "up to a month": a time frame without a digit, which the evidence checks leave out.
_ONE_UNIT = re.compile(r"\b(?:within|in|up to|after|for|under|less than|more than|over)\s+(?:a|an|one)\s+"
                       r"(day|week|fortnight|month|year)\b", re.IGNORECASE)
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_ABBREVIATED = re.compile(r"\b(\d+)\s?(hrs?|mins?|wks?)\b", re.IGNORECASE)  # "48 hrs": the checks want words


def _extra_time_frame(phrase: str) -> str | None:
    """The value of a time frame the evidence checks do not read ("within a week", "48 hrs")."""
    one = _ONE_UNIT.fullmatch(phrase)
    if one:
        return f"{_UNIT_DAYS[one.group(1).lower()]} day"
    short = _ABBREVIATED.fullmatch(phrase)
    if short:
        unit = short.group(2).lower()[0]
        number = int(short.group(1))
        return f"{number * 7} day" if unit == "w" else f"{number} {'hour' if unit == 'h' else 'minute'}"
    return None


# A clock time as people write it: "20:00", "6pm", "6 p.m.", "8:30am", noon, midnight; and "18.00" beside a word
# that makes it a time ("until 18.00", "9.30 to 5.30"), so a price, a version or a section number is not one.
_CLOCK = re.compile(
    r"(?<![\w$€£¥.,:])(?:(?P<h24>[01]?\d|2[0-3])(?::(?P<m24>[0-5]\d)|\.(?P<mdot>[0-5]\d))(?!\s?(?:[ap]\.?m\b|%|\d))"
    r"(?![.,]\d)|(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<half>[ap])(?:\.m\.|m\b)|"
    r"\b(?P<word>noon|midday|midnight)\b)"
    r"(?!\s?(?:(?:EUR|USD|GBP|CHF|CAD|AUD|NZD|JPY|SEK|NOK|DKK|PLN)\b|kg|km|lbs?\b|mi\b|per\b|hours?\b|hrs?\b|"
    r"mins?\b|minutes?\b|out of|/))", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"\b(?:at|until|till|til|from|by|before|after|opens?|closes?|to|between|and)\s*$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"^\s*(?:-|–|—|to|till|until)\s*\d")
_CLAUSE = re.compile(r"[;,]\s|\s[-–—]\s")
_PER_CENT = re.compile(r"(\d)(\s?)per cent\b", re.IGNORECASE)


def _clock_value(match: re.Match[str]) -> str:
    """A clock time on the 24-hour clock: "6 p.m." and "18:00" are both "18:00"."""
    if match.group("word"):
        return "00:00" if match.group("word").lower() == "midnight" else "12:00"
    if match.group("h24") is not None:
        return f"{int(match.group('h24')):02d}:{match.group('m24') or match.group('mdot')}"
    hour = int(match.group("h12")) % 12 + (12 if match.group("half").lower() == "p" else 0)
    return f"{hour:02d}:{match.group('m12') or '00'}"


def _clocks(text: str, values: Sequence[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    """The clock times of `text`: (start, end, "HH:MM"), none inside an amount or percentage."""
    money = [(a, b) for kind, a, b in values if kind in ("amount", "percent")]
    out = []
    for m in _CLOCK.finditer(text):
        if any(m.start() < b and a < m.end() for a, b in money):
            continue
        if m.group("mdot") is not None and not (_TIME_BEFORE.search(text[max(0, m.start() - 16):m.start()])
                                                or _TIME_AFTER.match(text[m.end():m.end() + 8])):
            continue  # "9.45" is a price or a version unless a word around it makes it a time
        out.append((m.start(), m.end(), _clock_value(m)))
    return out


def statements(text: str) -> list[Statement]:
    """The values `text` states, each with the content words of its sentence (values and links left out)."""
    # Values are read from a copy where "75 per cent" is "75 percent " (the same length, so every offset still
    # points into `text`); phrases and sentences come from `text` itself.
    readable = _PER_CENT.sub(lambda m: f"{m.group(1)}{m.group(2)}percent ", text)
    values = commitments(readable)
    clocks = _clocks(readable, values)
    # A clock time is one value, not the numbers "20" and "0" of "20:00"; as a kind it is the checks' "time".
    found = [(kind, start, end) for kind, start, end in values
             if not any(start < e and s < end for s, e, _ in clocks)]
    found += [("time", start, end) for start, end, _ in clocks]
    clock_values = {(start, end): value for start, end, value in clocks}
    taken = [(start, end) for _, start, end in found]
    for match in [*_ONE_UNIT.finditer(readable), *_ABBREVIATED.finditer(readable)]:
        start, end = match.start(), match.end()
        if not any(start < e and s < end for s, e in taken):
            found.append(("time_frame", start, end))
            taken.append((start, end))
    out = []
    for kind, start, end in sorted(found, key=lambda f: f[1]):
        if kind not in KINDS:
            continue
        if text[start:end + 1].lower().endswith("per cent"):
            end += 1  # "percent" read, "per cent" written
        phrase = text[start:end]
        extra = _extra_time_frame(readable[start:end])
        value: str | None
        if (start, end) in clock_values:
            value = clock_values[(start, end)]
        elif kind == "time":
            continue  # a time the clock reading left out ("8 am" inside a price) is no value
        else:
            kind, value = ("time_frame", extra) if extra else (kind, commitment_value(kind, readable[start:end]))
        if value is None:
            continue
        whole = sentence_at(text, start, end)
        words = frozenset(w for w in stems(URL.sub(" ", whole.replace(phrase, " "))) if not re.search(r"\d", w))
        at = whole.find(phrase)
        clause = (_CLAUSE.split(whole[:at])[-1] + phrase + _CLAUSE.split(whole[at + len(phrase):])[0]
                  if at >= 0 else whole)
        near = frozenset(w for w in stems(URL.sub(" ", clause)) if not re.search(r"\d", w))
        out.append(Statement(kind, value, phrase, start, end, words, near, whole, clause))
    return out


def _matter(said: Statement, article: list[Statement], *, beside: bool = False) -> Statement | None:
    """The article statement a reply's statement is about: same kind, most shared words, no tie.

    A reply stating a value the article states (of that kind) is about that statement, whatever its words:
    the agent repeats the article (a sentence naming two of the article's values must not vote the first
    against the second). Statements tied on shared words that state the same value are one matter.
    """
    repeated = [a for a in article if a.kind == said.kind and a.value == said.value]
    if repeated:
        return repeated[0]
    same_kind = [a for a in article if a.kind == said.kind]
    # Hours are compared with hours before minutes, pounds with pounds, pages with pages.
    pool = [a for a in same_kind if a.unit == said.unit] or same_kind
    # Words of the value's own clause first ("call until 18:00, chat until 22:00": the 18:00 is about calls),
    # then of its whole sentence.
    scored = sorted((((len(said.near & a.words), len(said.words & a.words)), i) for i, a in enumerate(pool)),
                    reverse=True)
    if not scored or (scored[0][0][1] < tuning.DRIFT_MIN_SHARED_WORDS and not beside):
        return None
    tied = [pool[i] for score, i in scored if score == scored[0][0]]
    if len({a.value for a in tied}) > 1:
        # Phrases fitting as well: a changed value is most often near the one it replaces (18:00 for 20:00, not
        # for 08:00); when that does not decide either, the reply's matter is unclear.
        gaps = sorted((_gap(said, a), a.value) for a in tied)
        if gaps[0][0] == float("inf") or gaps[1][0] == gaps[0][0]:
            return None
        best = next(a for a in tied if a.value == gaps[0][1])
    else:
        best = tied[0]
    return next(a for a in article if a.kind == best.kind and a.value == best.value)  # one vote per value


def _magnitude(statement: Statement) -> float | None:
    """A statement's number (minutes of the day for a clock time), for comparing how far apart two values are."""
    if statement.kind == "time":
        hours, minutes = statement.value.split(":")
        return int(hours) * 60 + int(minutes)
    found = re.search(r"\d+(?:\.\d+)?", statement.value)
    return float(found.group()) if found else None


def _gap(said: Statement, article: Statement) -> float:
    """How far an article value is from the reply's (infinite when either has no number)."""
    a, b = _magnitude(said), _magnitude(article)
    return abs(a - b) if a is not None and b is not None else float("inf")


def agent_replies(rt: Runtime, articles: list[Article]) -> list[Reply]:
    """Agents' replies linking or naming an article, and edited suggestions citing one (their final text)."""
    db = rt.db
    linker = ArticleLinker(articles)
    out: list[Reply] = []
    for message in upkeep_store.agent_messages(db):
        link = linker.link(message.text)
        if link is not None:
            out.append(Reply(link.article.row_id, f"c{message.conversation_id}", message.ticket_id,
                             message.message_key, message.text, message.at or ""))
    by_id = {a.article_id: a for a in articles if a.status == "published"}
    for suggestion in upkeep_store.cited_suggestions(db):
        article = by_id.get(suggestion.article_ids[0])
        if article is None or suggestion.action != "edited" or not suggestion.final_text:
            continue
        key = f"suggestion:{suggestion.suggestion_id}"
        conversation = f"c{suggestion.conversation_id}" if suggestion.conversation_id else key
        out.append(Reply(article.row_id, conversation,
                         suggestion.ticket_id, key, suggestion.final_text, suggestion.created_at))
    return out


def find_drift(rt: Runtime, articles: list[Article] | None = None,
               replies: list[Reply] | None = None) -> dict[int, list[Drift]]:
    """Drifting phrases by article row id (the module's rule)."""
    articles = kb_store.list_articles(rt.db) if articles is None else articles
    replies = agent_replies(rt, articles) if replies is None else replies
    by_article: dict[int, list[Reply]] = defaultdict(list)
    for reply in replies:
        by_article[reply.article_row].append(reply)
    found: dict[int, list[Drift]] = {}
    for article in articles:
        if article.status != "published" or article.row_id not in by_article:
            continue
        drifts = _article_drift(article, by_article[article.row_id])
        if drifts:
            found[article.row_id] = drifts
    return found


def _pool(statement: Statement, said: list[Statement],
          repeats: list[tuple[Statement, Statement]]) -> tuple[list[Statement], bool]:
    """The article statements a reply's value may be about, given the article values the reply repeats.

    A repeated value settles its article clause for the reply's other clauses ("call until 18:00; live chat
    until 22:00" says nothing against the chat's opening time); a value beside a repeated one in the same clause
    ("open 08:00-18:00") is about that sentence, whatever words it shares (the second value says so).
    """
    if any(r is statement for r, _ in repeats):
        return said, False
    beside = {a.sentence for r, a in repeats if r.clause == statement.clause and r.sentence == statement.sentence}
    if beside:
        return [a for a in said if a.sentence in beside and all(a is not b for _, b in repeats)], True
    settled = {(a.sentence, a.clause) for _, a in repeats}
    return [a for a in said if (a.sentence, a.clause) not in settled], False


def _article_drift(article: Article, replies: list[Reply]) -> list[Drift]:
    said = statements(article.body)
    if not said:
        return []
    # per article statement: conversation -> value -> (phrase, reply); a conversation votes once per value
    votes: dict[int, dict[str, dict[str, tuple[str, Reply]]]] = defaultdict(lambda: defaultdict(dict))
    for reply in sorted(replies, key=lambda r: r.at):
        stated = statements(reply.text)
        repeats = [(r, a) for r in stated for a in said if a.kind == r.kind and a.value == r.value]
        for statement in stated:
            pool, beside = _pool(statement, said, repeats)
            target = _matter(statement, pool, beside=beside)
            if target is not None:
                # One vote per value of the article: its first phrase stating it, whichever the pool held.
                index = next(i for i, a in enumerate(said) if a.kind == target.kind and a.value == target.value)
                votes[index][reply.conversation].setdefault(statement.vote, (statement.phrase, reply))
    drifts = []
    for index, by_conversation in votes.items():
        target = said[index]
        # The share is over the whole history: the newest few conversations (a slip repeated late) must not
        # outvote the article's value stated all along (bench_drift --scale).
        speaking = len(by_conversation)
        counts = Counter(value for values in by_conversation.values() for value in values)
        for value, count in counts.most_common():
            if value == target.vote or count < tuning.DRIFT_MIN_CONVERSATIONS:
                continue
            backing = [by_value[value] for by_value in by_conversation.values() if value in by_value]
            if count / speaking < tuning.DRIFT_MIN_SHARE:
                continue
            since = min((r.at for _, r in backing if r.at), default="")
            phrase = Counter(p for p, _ in backing).most_common(1)[0][0]
            drifts.append(Drift(
                article=article, said=target, agents_phrase=phrase, agents_value=value, conversations=count,
                speaking=speaking, since=since,
                evidence=[Evidence(ticket_id=r.ticket_id, message_id=r.message_id, text=r.text) for _, r in backing]))
    return drifts


def _edited(rt: Runtime, articles: list[Article]) -> tuple[dict[str, list[Evidence]], Counter[str], Counter[str]]:
    """Heavily edited suggestions per article id, and each article's citations and inserts."""
    edited: dict[str, list[Evidence]] = defaultdict(list)
    cited: Counter[str] = Counter()
    inserted: Counter[str] = Counter()
    for suggestion in upkeep_store.cited_suggestions(rt.db):
        for article_id in suggestion.article_ids:
            cited[article_id] += 1
            if suggestion.action in ("inserted", "edited"):
                inserted[article_id] += 1
        first = suggestion.article_ids[0]
        ratio = (suggestion.edit_distance or 0) / max(1, len(suggestion.text))
        if suggestion.action == "edited" and ratio >= tuning.EDITED_MIN_RATIO:
            edited[first].append(Evidence(ticket_id=suggestion.ticket_id,
                                          message_id=f"suggestion:{suggestion.suggestion_id}",
                                          text=suggestion.final_text or ""))
    return edited, cited, inserted


def review_queue(rt: Runtime, *, today: dt.date | None = None) -> list[StaleArticle]:
    """Articles that need a person, most used and stalest first (`tandem kb stale`)."""
    today = today or dt.date.today()
    articles = [a for a in kb_store.list_articles(rt.db) if a.status == "published"]
    drift = find_drift(rt, articles)
    _remember(rt, drift)
    edited, cited, inserted = _edited(rt, articles)
    default_days = rt.settings.review_every_days
    out = []
    for article in articles:
        reasons, staleness = [], 0.0
        due = due_at(article, default_days)
        if due is None:
            reasons.append(StaleReason(kind="never_reviewed", detail="never reviewed"))
            staleness += 1.0
        elif dt.date.fromisoformat(due) < today:
            late = (today - dt.date.fromisoformat(due)).days
            reasons.append(StaleReason(kind="overdue", detail=f"review was due {due} ({late} days ago)"))
            staleness += 1.0 + late / (article.review_every_days or default_days)
        for found in drift.get(article.row_id, []):
            reasons.append(StaleReason(kind="drift", detail=found.detail(), evidence=found.evidence))
            staleness += tuning.STALE_DRIFT_WEIGHT
        heavy = edited.get(article.article_id, [])
        if len(heavy) >= tuning.EDITED_MIN_SUGGESTIONS:
            reasons.append(StaleReason(kind="edited", evidence=heavy, detail=(
                f"{len(heavy)} of {inserted[article.article_id]} inserted suggestions citing it were edited "
                f"heavily before sending")))
            staleness += 1.0
        if reasons:
            use = cited[article.article_id] + inserted[article.article_id]
            out.append(StaleArticle(article_id=article.article_id, source=article.source, title=article.title,
                                    owner=article.owner, reviewed_at=article.reviewed_at, due_at=due,
                                    score=round((1 + use) * staleness, 3), reasons=reasons))
    out.sort(key=lambda s: (-s.score, s.source, s.article_id))
    return out


def _update_draft(article: Article, drifts: list[Drift]) -> NewDraft:
    """One update draft for an article: every drifting phrase replaced by what agents say, with the evidence."""
    body = article.body
    edits = sorted(((said, found.agents_phrase) for found in drifts for said in found.phrases()),
                   key=lambda edit: -edit[0].start)
    for said, phrase in edits:  # from the end: earlier offsets stay valid
        body = body[:said.start] + phrase + body[said.end:]
    changes = "; ".join(f'"{d.said.phrase}" -> "{d.agents_phrase}"' for d in drifts)
    evidence = [e for d in drifts for e in d.evidence]
    return NewDraft(
        question=f"Update {article.title!r}: agents say {changes}", answer=body,
        cluster_size=sum(d.conversations for d in drifts), member_rows=[],
        member_message_ids=[e.message_id for e in evidence], example_queries=[d.detail() for d in drifts],
        source_conversation_ids=list(dict.fromkeys(e.ticket_id for e in evidence if e.ticket_id)),
        nearest_article_id=article.article_id, nearest_similarity=1.0, suggested_action="update_article",
        embedder=UPDATE_EMBEDDER, engine="upkeep", kind="update", article_id=article.article_id, evidence=evidence)


UPDATE_EMBEDDER = "update"  # update drafts have no centroid: this keeps them out of FAQ mining's clusters


def propose_updates(rt: Runtime) -> int:
    """An update draft for each drifting article (`tandem faq mine` and the periodic job); returns how many new.

    An article with a pending update draft gets no second one; a text already approved or rejected is not
    proposed again.
    """
    drift = find_drift(rt)
    _remember(rt, drift)
    if not drift:
        return 0
    drafts = [d for d in faq_store.list_drafts(rt.db, None) if d.kind == "update"]
    made = 0
    for found in drift.values():
        article = found[0].article
        draft = _update_draft(article, found)
        mine = [d for d in drafts if d.article_id == article.article_id]
        if any(d.status == "pending" or d.answer == draft.answer for d in mine):
            continue
        with rt.db.transaction():
            faq_store.insert_draft(rt.db, draft, np.zeros(1, dtype=np.float32))
        made += 1
    return made


def _remember(rt: Runtime, drift: dict[int, list[Drift]]) -> None:
    """Keep which articles drift, so that citations can say so without reading every conversation."""
    ids = json.dumps(sorted({found[0].article.article_id for found in drift.values()}))
    if (get_meta(rt.db, DRIFT_META, "[]") or "[]") != ids:
        with rt.db.transaction():
            set_meta(rt.db, DRIFT_META, ids)


def freshness(rt: Runtime, article_ids: list[str], *, today: dt.date | None = None) -> dict[str, Freshness]:
    """How current each of these articles is (the citation's `freshness`), by article id."""
    if not article_ids:
        return {}
    today_text = (today or dt.date.today()).isoformat()
    drifting = set(json.loads(get_meta(rt.db, DRIFT_META, "[]") or "[]"))
    out: dict[str, Freshness] = {}
    for article in kb_store.review_fields(rt.db, article_ids):
        due = due_at(article, rt.settings.review_every_days)
        out.setdefault(article.article_id, Freshness(
            reviewed_at=article.reviewed_at, reviewed_by=article.reviewed_by, owner=article.owner,
            overdue=due is None or due < today_text, drift=article.article_id in drifting))
    return out
