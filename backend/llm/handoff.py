"""The offline handoff summary: every issue the customer raised, with its ids, amounts and dates, what the
agents did and promised, and what is still open, in at most 100 words.

Sentences are scored, not taken by position: a customer sentence is an issue when it states a problem or a
request (a reply such as "yes please, leave it with a neighbour" or "thanks" never is); a later sentence
opens another issue when it says so ("also", "one more thing") or shares little with the issues already
taken. Agent sentences are kept for what they did ("I've refunded €16.30") and promised ("you'll get an
email before 10:00"), not for pleasantries or questions back. Ids, amounts and dates the chosen sentences
leave out are listed at the end, so the next agent can look the case up. Developed on
bench/data/summaries_dev.jsonl; scored on a held-out set (bench/bench_summaries.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend import tuning
from backend.llm import extractive
from backend.models import Item, Signals, Summary, Thread, Turn
from backend.text import message_sentences, stems

MAX_WORDS = tuning.SUMMARY_MAX_WORDS
# Bounds on the reading, so a 200,000-character conversation costs a bounded amount: a longer "sentence" (a
# pasted log, hostile text) is read as its start, and of a conversation with more sentences the opening (which
# states the issues) and the end (where things stand) are read.
MAX_SENTENCE_CHARS = 300
MAX_SENTENCES = 400

_NOISE = re.compile(r"(?:^|\s)@\w+|https?://\S+|(?:^|\s)[\^\-–—~]\s?[A-Z]{1,3}\b|#\w+")
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?:\s+(?:there|\w+))?\s*[,!.]\s*",
                       re.IGNORECASE)
_PROBLEM = re.compile(
    r"\b(?:not|n't|no longer|never|can't|cannot|unable|problem|issue|error|fail\w*|broke\w*|wrong|missing|late|"
    r"delay\w*|charged|twice|double|declined|refund\w*|cancel\w*|lost|damaged|smashed|leak\w*|melted|stolen|"
    r"complain\w*|disappointed|rejected|invalid|stuck|dropp\w*|cutting out|keeps?|still|overcharged|increase\w*|"
    r"went up|expired|locked|sold out|allergic|dispute)\b", re.IGNORECASE)
_REQUEST = re.compile(
    r"\b(?:want|need|would like|'d like|can you|could you|can I|could I|how (?:do|can|long|much)|is there|"
    r"is it possible|do you|trying to|looking to|change|move|switch|pause|skip|add|remove|upgrade|downgrade|"
    r"return|exchange|send|use|apply|book|when (?:will|does|is|can)|where is|why)\b", re.IGNORECASE)
_NEW_TOPIC = re.compile(
    r"\b(?:also|another|one more|one last|last thing|other thing|second thing|while I have you|while I'm here|"
    r"separately|by the way|btw|oh and|and the|on top of that|as well)\b", re.IGNORECASE)
_REPLY = re.compile(r"^(?:ok(?:ay)?|k|yes|yeah|yep|yup|no|nope|sure|fine|great|cool|perfect|awesome|thanks?|"
                    r"thank you|thx|ty|cheers|will do|sounds good|that's (?:all|everything|it|fine|great|ok)|"
                    r"no problem|np|brilliant|lovely|got it|alright|all good|hmm+|oh|ah|right|understood|"
                    r"the (?:first|second|afternoon|morning|evening|earlier|later) one|lets do|let's do)\b",
                    re.IGNORECASE)
_THANKS = re.compile(r"\b(?:thanks?|thank you|cheers|appreciate|helpful|have a (?:good|great|lovely|nice))\b",
                     re.IGNORECASE)
_ACTION = re.compile(
    r"\b(?:I've|I have|we've|we have|I|we|they've|they have)\s+(?:just\s+|now\s+|also\s+|already\s+)?"
    r"(?:refunded|booked|added|moved|changed|credited|cancel(?:l)?ed|issued|sent|re-?sent|escalated|raised|"
    r"arranged|reset|replaced|applied|updated|switched|put|logged|opened|scheduled|waived|removed|paused|skipped|"
    r"reactivated|processed|asked|noted|corrected|fixed|reissued|restored|extended|upgraded|downgraded|"
    r"entered|checked|confirmed|flagged|reported|transferred|released|reversed|blocked|unlocked|merged|"
    r"requested|submitted|filed|placed|held|ordered|reserved|created|enabled|disabled|activated)\b|"
    r"^(?:done|all set|sorted)\b|\bI'm (?:now |just )?(?!going\b)\w+ing\b", re.IGNORECASE)
_PROMISE = re.compile(
    r"\b(?:I'll|I will|we'll|we will|they'll|they will|you'll|you will|going to|will (?:be|get|send|receive|"
    r"arrive|follow|reach|contact|refund|ship|update|call|email|confirm|appear|take)|within \d+|before \d|"
    r"by (?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of|\d)|held until|"
    r"takes? effect|scheduled for|booked for|on its way)\b", re.IGNORECASE)
_FOLLOW_UP = re.compile(  # a promise that outlives the conversation: the case is not closed yet
    r"\b(?:within \d+|by (?:tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the end of|\d)|"
    r"tomorrow|next week|(?:call|email|text|contact|update|ring) you|follow(?:ing)? up|get back to you|"
    r"hear (?:from|back)|\d+ (?:to \d+ )?(?:business |working )?days|once (?:it|they|the|we)|chase)\b", re.IGNORECASE)
_POLITE = re.compile(
    r"\b(?:thanks for|thank you for|sorry to hear|sorry about|sorry for|you're welcome|my pleasure|no problem|"
    r"anything else|welcome to|one moment|bear with|bearing with|let me (?:check|look|see|pull)|give me a|"
    r"happy to help|glad to|have a (?:lovely|good|great|nice)|enjoy|i understand|understood|of course)\b",
    re.IGNORECASE)
_DM = re.compile(r"\b(?:DM|direct message|private message|send us a (?:DM|message)|follow(?:ing)? us|reach out)\b",
                 re.IGNORECASE)
# At most four dash groups ("WEB-EU-2024-104233"): an unbounded repetition made "ABC-ABC-..." quadratic.
_REFERENCE = re.compile(r"\b(?:[A-Z]{2,6}(?:-[A-Z0-9]{2,8}){0,4}-?\d{3,}[A-Z0-9]*|#\d{4,}|\d{7,})\b")


@dataclass
class Sentence:
    """One sentence of the conversation, where it came from and how much it says."""

    text: str
    key: str
    role: str
    order: int
    opening: bool  # part of the first customer message that says something (not just "hello")
    after_agent_question: bool

    @property
    def words(self) -> int:
        return len(self.text.split())


def clean(text: str) -> str:
    """Message text without handles, links, hashtags and sign-offs like '^JD'."""
    return re.sub(r"\s+", " ", _NOISE.sub(" ", text)).strip()


def _sentence_pieces(messages: list[Turn]) -> list[tuple[int, str]]:
    """(message index, sentence) for the sentences worth reading: at least two words or a reference, greetings
    dropped, each cut to MAX_SENTENCE_CHARS; the first and last MAX_SENTENCES / 2 of a longer conversation."""
    raw = [(i, piece) for i, message in enumerate(messages) for piece in message_sentences(clean(message.text))]

    def keep(piece: str) -> str | None:
        text = _GREETING.sub("", piece.strip()[:MAX_SENTENCE_CHARS]).strip()
        return text if len(text.split()) >= 2 or references(text) else None

    if len(raw) <= MAX_SENTENCES:
        return [(i, text) for i, piece in raw if (text := keep(piece))]
    half = MAX_SENTENCES // 2
    head: list[tuple[int, str]] = []
    tail: list[tuple[int, str]] = []
    front, back = 0, len(raw) - 1
    for _ in range(MAX_SENTENCES * 4):  # pieces examined, so a flood of one-word "sentences" stays cheap
        if front > back or (len(head) >= half and len(tail) >= half):
            break
        if len(head) < half:
            if text := keep(raw[front][1]):
                head.append((raw[front][0], text))
            front += 1
        elif text := keep(raw[back][1]):
            tail.append((raw[back][0], text))
            back -= 1
        else:
            back -= 1
    return head + tail[::-1]


def split_sentences(messages: list[Turn]) -> list[Sentence]:
    """Sentences of the customer's and agents' messages, in order, greetings dropped."""
    out: list[Sentence] = []
    agent_asked: list[bool] = []  # whether the last agent message before each message ended with a question
    asked = False
    for message in messages:
        agent_asked.append(asked)
        if message.role != "customer":
            asked = message.text.rstrip().endswith("?")
    for index, text in _sentence_pieces(messages):
        message = messages[index]
        role = "customer" if message.role == "customer" else "agent"
        out.append(Sentence(text[0].upper() + text[1:], message.key, role, len(out), False,
                            role == "customer" and agent_asked[index]))
    opening = next((s.key for s in out if s.role == "customer" and s.words >= 5 and not is_chitchat(s)), None)
    for sentence in out:
        sentence.opening = sentence.role == "customer" and sentence.key == opening
    return out


def references(text: str) -> list[str]:
    """Ids, amounts and dates mentioned in this text, first seen first."""
    found: dict[str, None] = {}
    for pattern in (_REFERENCE, extractive.AMOUNT, extractive.DATE):
        for match in pattern.finditer(text):
            value = match.group(0).strip()
            if value.lower() not in {"today", "tomorrow", "yesterday"}:
                found.setdefault(value, None)
    return list(found)


def is_chitchat(sentence: Sentence) -> bool:
    """Replies and thanks with nothing of their own ("ok thanks", "yes please", "will do 😊"); not "Thanks,
    but I was charged twice" or "No, the router is still broken"."""
    rest = _REPLY.sub("", sentence.text)
    return (bool(_REPLY.match(sentence.text)) or bool(_THANKS.search(sentence.text))) and len(stems(rest)) < 4 \
        and not references(sentence.text) and not _PROBLEM.search(rest)


def issue_score(sentence: Sentence) -> float:
    """How much this customer sentence reads like a problem or request of their own."""
    if is_chitchat(sentence) or sentence.words < 3:
        return -10.0
    weight = tuning.SUMMARY_ISSUE_WEIGHTS
    score = 0.0
    score += weight["problem"] if _PROBLEM.search(sentence.text) else 0.0
    score += weight["request"] if _REQUEST.search(sentence.text) else 0.0
    score += weight["new_topic"] if _NEW_TOPIC.search(sentence.text) else 0.0
    score += weight["opening"] if sentence.opening else 0.0
    score += min(len(references(sentence.text)), 2) * weight["reference"]
    score += weight["question"] if sentence.text.endswith("?") else 0.0
    answer = sentence.after_agent_question and not sentence.opening and (sentence.words < 8
                                                                       or not _PROBLEM.search(sentence.text))
    if _REPLY.match(sentence.text) or answer:
        score += weight["answer"]  # an answer to the agent's question (a choice, a confirmation), not a new issue
    if _THANKS.search(sentence.text):
        score += weight["thanks"]
    return score


def agent_score(sentence: Sentence) -> float:
    """How much this agent sentence says what was done or promised."""
    if sentence.words < 4:
        return -10.0
    weight = tuning.SUMMARY_AGENT_WEIGHTS
    score = 0.0
    score += weight["action"] if _ACTION.search(sentence.text) else 0.0
    score += weight["promise"] if _PROMISE.search(sentence.text) else 0.0
    score += min(len(references(sentence.text)), 3) * weight["reference"]
    score += weight["dm"] if _DM.search(sentence.text) else 0.0
    if sentence.text.endswith("?"):
        score += weight["question"]
    if _POLITE.search(sentence.text) and not _ACTION.search(sentence.text):
        score += weight["polite"]
    return score


def _overlap(a: str, b: str) -> float:
    left, right = stems(a), stems(b)
    return len(left & right) / max(1, min(len(left), len(right)))


def pick(candidates: list[tuple[float, Sentence]], limit: int, minimum: float, novelty: float = 0.5) -> list[Sentence]:
    """The best-scoring sentences that each add something, in conversation order."""
    chosen: list[Sentence] = []
    for score, sentence in sorted(candidates, key=lambda c: (-c[0], c[1].order)):
        if score < minimum or len(chosen) >= limit:
            break
        if all(_overlap(sentence.text, other.text) < novelty for other in chosen):
            chosen.append(sentence)
    return sorted(chosen, key=lambda s: s.order)


def _words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _fit(parts: list[str], budget: int) -> list[str]:
    """As many parts as fit in `budget` words; the first is cut to fit if need be."""
    out: list[str] = []
    used = 0
    for part in parts:
        words = len(part.split())
        if used + words > budget:
            if not out:
                out.append(_words(part, budget))
            break
        out.append(part)
        used += words
    return out


def _by_message(sentences: list[Sentence]) -> list[str]:
    """Chosen sentences joined per message ("A; b"), each cut to tuning.SUMMARY_SENTENCE_WORDS words."""
    groups: list[list[str]] = []
    last_key = None
    for sentence in sentences:
        text = sentence.text.rstrip(".")
        if sentence.key == last_key:
            groups[-1].append(_lower_first(text))
        else:
            groups.append([text])
        last_key = sentence.key
    return [_words("; ".join(group), tuning.SUMMARY_SENTENCE_WORDS) for group in groups]


def handoff_text(issues: list[Sentence], done: list[Sentence], open_questions: list[Sentence],
                 conversation: str, resolved: bool) -> str:
    """The ≤100-word handoff: the issues, what the agents did and promised, what is open, references."""
    issue_parts = []
    for i, said in enumerate(_by_message(issues)):
        lead = "The customer" if i == 0 else "The customer also"
        issue_parts.append(_sentence(f"{lead} asks: {said}" if said.endswith("?") else
                                     f"{lead} says that {_lower_first(said)}"))
    agent_parts = [_sentence(f"The agent {'informs' if i == 0 else 'also says'} that {_lower_first(said)}")
                   for i, said in enumerate(_by_message(done))]
    if open_questions:
        agent_parts.append(_sentence(f"Still open: {_words(open_questions[-1].text, 20)}"))
    elif resolved:
        agent_parts.append("Resolved in the conversation.")
    parts = _fit(issue_parts, tuning.SUMMARY_ISSUE_WORDS)
    so_far = " ".join(parts)
    mentioned = references(conversation)
    ids = [r for r in mentioned if _REFERENCE.fullmatch(r) and r.lower() not in so_far.lower()]
    reserve = min(len(ids), 6) + 1 if ids else 0  # the case's ids matter more than a third agent sentence
    parts += _fit(agent_parts, MAX_WORDS - len(so_far.split()) - reserve)
    text = " ".join(parts)
    missing = [r for r in mentioned if r.lower() not in text.lower()]
    kept = _fit([f"{r}," for r in missing], MAX_WORDS - len(text.split()) - 1)
    if kept:
        text += " Refs: " + " ".join(kept).rstrip(",") + "."
    return _words(text, MAX_WORDS)


def extractive_summary(thread: Thread, signals: Signals) -> Summary:
    """The structured summary built from the conversation's own sentences."""
    messages = [m for m in thread.messages if m.role in ("customer", "agent", "bot")]
    sentences = split_sentences(messages)
    customer = [s for s in sentences if s.role == "customer"]
    agent = [s for s in sentences if s.role == "agent"]
    later = tuning.SUMMARY_LATER_ISSUE_PENALTY
    issues = pick([(issue_score(s) - (0 if s.opening else later), s) for s in customer], tuning.SUMMARY_MAX_ISSUES,
                  minimum=tuning.SUMMARY_MIN_SCORE, novelty=tuning.SUMMARY_ISSUE_NOVELTY) \
        or [s for s in customer if not is_chitchat(s)][:1] or customer[:1]
    done = pick([(agent_score(s), s) for s in agent], tuning.SUMMARY_MAX_AGENT, minimum=tuning.SUMMARY_MIN_SCORE) or \
        [s for s in agent if not _POLITE.search(s.text) and not s.text.endswith("?")][:1] or agent[:1]
    promised = [s for s in agent if (_PROMISE.search(s.text) or _FOLLOW_UP.search(s.text)) and agent_score(s) > 0]
    steps = [s for s in agent if _ACTION.search(s.text) and s not in promised][:4]
    promises = promised[:4]
    last_agent = max((s.order for s in agent), default=-1)
    open_q = [s for s in customer if s.order > last_agent and s.text.endswith("?")]
    next_steps = [Item(f"Follow up on: {p.text}", [p.key]) for p in promises[:2]]
    if open_q:
        next_steps.insert(0, Item(f"Answer the customer: {open_q[-1].text}", [open_q[-1].key]))
    if not next_steps:
        next_steps = [Item("Confirm with the customer that the issue is resolved.", [])]
    goal = next((s for s in issues if _REQUEST.search(s.text)), issues[0] if issues else None)
    conversation = " ".join(s.text for s in sentences)  # what was read (the references left out are listed)
    pending = any(_FOLLOW_UP.search(s.text) for s in agent)
    last_customer = customer[-3:]
    resolved = (not open_q and not pending and bool(last_customer)
                and any(_THANKS.search(s.text) or _REPLY.match(s.text) for s in last_customer))
    reasons = signals.escalation.reasons
    return Summary(
        issue=" ".join(s.text for s in issues), customer_goal=goal.text if goal else "",
        steps_taken=[Item(s.text, [s.key]) for s in steps], promises=[Item(s.text, [s.key]) for s in promises],
        open_questions=[Item(s.text, [s.key]) for s in open_q], next_steps=next_steps,
        sentiment=signals.sentiment.label,
        handoff_reason="; ".join(reasons) if signals.escalation.risk != "low" else "",
        entities=extractive.entities(thread.texts()), text=handoff_text(issues, done, open_q, conversation, resolved))
