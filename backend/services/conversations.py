"""Conversations as every feature sees them: limits checked, PII redacted, roles inferred, then stored."""

from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import msgspec

from backend import tuning
from backend.dates import parse_instant
from backend.errors import TooLarge
from backend.models import Conversation, Customer, Thread, Turn
from backend.privacy.leaks import normal_address, street_addresses, whose
from backend.privacy.redaction import Budget, Finding, find_pii, normal_value, redact, replace_found
from backend.services.runtime import Runtime
from backend.store import conversations as conv_store
from backend.store import kb as kb_store

MAX_MESSAGES = 200
MAX_CLOCK_SKEW = timedelta(minutes=10)  # a message time further ahead is taken as the time it was received
MAX_MESSAGE_CHARS = 20_000
MAX_TOTAL_CHARS = 200_000
# Every other string of a Conversation has a size limit too (413 past it): what would be stored is far shorter,
# and without one a 4 MiB subject cost its whole size in redaction.
FIELD_CHARS = {"helpdesk": 100, "ticket_id": 200, "url": 2000, "subject": 1000, "customer.id": 200,
               "customer.name": 200, "customer.email": 320, "customer.tier": 100, "message id": 200,
               "message at": 64}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # keeps \t \n \r; NUL cannot be stored in PostgreSQL
_AGENT_CUES = re.compile(
    r"\b(?:thanks? (?:you )?for (?:contacting|reaching out|your patience)|I(?:'ve| have) (?:checked|refunded|sent|"
    r"issued|escalated|updated)|let me (?:check|look)|our team|we(?:'ll| will) (?:send|refund|look)|"
    r"happy to help|is there anything else)\b", re.IGNORECASE)


class LimitExceeded(TooLarge):
    """A conversation is larger than Tandem accepts; the message names the limit."""


def fields(conv: Conversation) -> list[tuple[str, str | None]]:
    """(name in FIELD_CHARS, value) of the conversation's strings other than message texts."""
    customer = conv.customer or Customer()
    out = [("helpdesk", conv.helpdesk), ("ticket_id", conv.ticket_id), ("url", conv.url), ("subject", conv.subject),
           ("customer.id", customer.id), ("customer.name", customer.name), ("customer.email", customer.email),
           ("customer.tier", customer.tier)]
    for message in conv.messages:
        out += [("message id", message.id), ("message at", message.at)]
    return out


def check_limits(conv: Conversation) -> None:
    """Raise LimitExceeded for more than 200 messages, 20,000 chars in one, 200,000 in all, or any other
    string over its FIELD_CHARS limit."""
    if len(conv.messages) > MAX_MESSAGES:
        raise LimitExceeded(f"too many messages: {len(conv.messages)} (limit {MAX_MESSAGES})")
    total = 0
    for i, message in enumerate(conv.messages):
        size = len(message.text)
        if size > MAX_MESSAGE_CHARS:
            raise LimitExceeded(f"message {i} has {size} characters (limit {MAX_MESSAGE_CHARS} per message)")
        total += size
    if total > MAX_TOTAL_CHARS:
        raise LimitExceeded(f"messages hold {total} characters in all (limit {MAX_TOTAL_CHARS})")
    for name, value in fields(conv):
        if value is not None and len(value) > FIELD_CHARS[name]:
            raise LimitExceeded(f"{name} has {len(value)} characters (limit {FIELD_CHARS[name]})")


def infer_roles(messages: list[Turn]) -> list[Turn]:
    """Fill in `unknown` roles: agent phrasing says agent; otherwise alternate, starting with the customer."""
    out: list[Turn] = []
    previous: str | None = None
    for message in messages:
        role = message.role
        if role == "unknown":
            if _AGENT_CUES.search(message.text):
                role = "agent"
            elif previous is None or previous in ("agent", "bot"):
                role = "customer"
            else:
                role = "agent"
        out.append(Turn(key=message.key, role=role, text=message.text, at=message.at, author=message.author,
                        pii=message.pii if role == "agent" else None))
        if role in ("customer", "agent", "bot"):
            previous = role
    return out


def site_of(url: str | None) -> str:
    """The origin (scheme://host[:port]) a conversation lives on; '' without a URL."""
    if not url:
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rsplit('@', 1)[-1]}"


def page_url(url: str | None, *, redact_pii: bool, budget: Budget | None = None) -> str | None:
    """What is kept of the page a conversation was read from: its origin and path (the path redacted). User
    info, query string and fragment are dropped: they carry tokens, e-mails and search terms, not the ticket."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None  # not a page address
    return site_of(url) + clean_text(parts.path, redact_pii=redact_pii, budget=budget)  # the path starts with "/"


def clean_text(text: str, *, redact_pii: bool, budget: Budget | None = None) -> str:
    """Control characters dropped, then PII replaced by typed placeholders (`budget`: the conversation's)."""
    text = _CONTROL.sub("", text).strip()
    return redact(text, budget) if redact_pii else text


def message_time(value: str | None, received: datetime) -> str | None:
    """A message's time as stored: None when unreadable, and never later than `received` plus a small skew
    (a message "sent" in 9999 would keep its conversation from retention forever)."""
    at = parse_instant(value)
    if at is not None and at > (received + MAX_CLOCK_SKEW).strftime(_ISO):
        return received.strftime(_ISO)
    return at


_ISO = "%Y-%m-%dT%H:%M:%SZ"  # parse_instant's form: its strings compare in time order


def identifier(value: str, *, redact_pii: bool, budget: Budget | None, key: bytes) -> str:
    """An id as stored: as given, or when it holds PII its redacted form with a keyed digest of the original
    ("[EMAIL]~3f9a0c1d2b7e"), so distinct ids stay apart and a re-sent id finds its conversation again."""
    as_given = _CONTROL.sub("", value).strip()
    cleaned = clean_text(value, redact_pii=redact_pii, budget=budget)
    if cleaned == as_given:
        return cleaned
    return f"{cleaned}~{hmac.new(key, as_given.encode(), hashlib.sha256).hexdigest()[:12]}"


def prepare(conv: Conversation, *, redact_pii: bool = True, key: bytes = b"",
            published: frozenset[str] = frozenset()) -> Thread:
    """A normalized copy: limits checked, PII redacted, message keys and roles filled in.

    The customer's name is kept only for this request (a greeting); what is stored keeps only the
    tier: the helpdesk already shows who the customer is, Tandem never needs to keep it. Ids (ticket,
    messages, helpdesk) are redacted too; `key` (Runtime.pseudonym_key) keys the digest that keeps them apart.
    """
    check_limits(conv)
    received = datetime.now(UTC)
    budget = Budget()  # one for the whole conversation: hostile text costs a bounded amount per request

    def ident(value: str) -> str:
        return identifier(value, redact_pii=redact_pii, budget=budget, key=key)

    raw = [_CONTROL.sub("", message.text).strip() for message in conv.messages]
    found = [find_pii(text, budget) for text in raw]  # once: redaction and the leak record share them
    customer = conv.customer or Customer()
    own = _own_values(conv, raw, found)
    messages = []
    for index, message in enumerate(conv.messages):
        text = replace_found(raw[index], found[index]) if redact_pii else raw[index]
        if not text:
            continue
        author = (clean_text(message.author, redact_pii=redact_pii, budget=budget)[:200] or None) if message.author \
            else None
        pii = _leak_record(raw[index], found[index], own, published) if message.role in ("agent", "unknown") else None
        messages.append(Turn(key=ident(message.id) if message.id else f"m{index + 1}", role=message.role, text=text,
                             author=author, at=message_time(message.at, received), pii=pii))
    name = clean_text(customer.name, redact_pii=redact_pii, budget=budget)[:200] if customer.name else None
    tier = clean_text(customer.tier, redact_pii=redact_pii, budget=budget)[:100] or None if customer.tier else None
    helpdesk = ident((conv.helpdesk or "").lower()) or "api"
    url = page_url(conv.url, redact_pii=redact_pii, budget=budget)
    # No ticket id: a fresh one. (A hash of the first message would merge every conversation opening "Hi".)
    ticket = ident(conv.ticket_id) if conv.ticket_id and conv.ticket_id.strip() else f"auto-{uuid.uuid4().hex[:16]}"
    return Thread(helpdesk=helpdesk, site=site_of(conv.url), ticket_id=ticket, url=url,
                  subject=clean_text(conv.subject, redact_pii=redact_pii, budget=budget)[:1000] if conv.subject
                  else None,
                  customer=Customer(name=name, tier=tier), messages=infer_roles(messages))


def _own_values(conv: Conversation, raw: list[str], found: list[list[Finding]]) -> set[str]:
    """The customer's own PII in this conversation (what they wrote, their e-mail and id), normalized."""
    own = {normal_value(f.kind, text[f.start:f.end]) for message, text, findings in zip(conv.messages, raw, found,
                                                                                          strict=True)
           if message.role == "customer" for f in findings}
    customer = conv.customer or Customer()
    own |= {normal_value("EMAIL", value) for value in (customer.email, customer.id) if value}
    own |= {normal_value("PHONE", customer.id)} if customer.id else set()
    own |= {normal_address(a) for message, text in zip(conv.messages, raw, strict=True) if message.role == "customer"
            for _, a in street_addresses(text)}
    return own


def _leak_record(text: str, findings: list[Finding], own: set[str], published: frozenset[str]) -> dict[str, int] | None:
    """What the redactor found in an agent's message, and the street addresses in it, as `KIND:own|org|other` ->
    count (never the values): the text is redacted before it is stored, so auto-QA can only learn of a leak here.
    `org` is the team's own contact: one its KB publishes, a role mailbox, or one introduced as ours ("call our
    line on…")."""
    found = [(f.kind, text[f.start:f.end], normal_value(f.kind, text[f.start:f.end]), f.start) for f in findings]
    found += [("ADDRESS", address, normal_address(address), start) for start, address in street_addresses(text)]
    record: dict[str, int] = {}
    for kind, value, normal, start in found:
        key = f"{kind}:{whose(kind, value, normal, text, start, own, published)}"
        record[key] = record.get(key, 0) + 1
    return record or None


def published_contacts(rt: Runtime) -> frozenset[str]:
    """The e-mails, phone numbers and street addresses the team's own KB publishes (normalized): an agent giving
    one ("the Exeter camp mobile is 07700 900411") leaks nothing. Read again when the KB changes, scanning only
    the articles whose content changed (a KB edit must not make the next assist scan 10,000 articles)."""
    version = kb_store.kb_version(rt.db)
    cached = rt.memo.get("published_contacts")
    if cached is not None and cached[0] == version:
        return cached[1]
    scanned: dict[str, frozenset[str]] = cached[2] if cached is not None else {}
    current: dict[str, frozenset[str]] = {}
    for article in kb_store.list_articles(rt.db):
        found = scanned.get(article.content_hash)
        if found is None:
            text = f"{article.title}\n{article.body}"
            found = frozenset({normal_value(f.kind, text[f.start:f.end]) for f in find_pii(text, Budget())
                               if f.kind in ("EMAIL", "PHONE")} | {normal_address(a) for _, a in street_addresses(text)})
        current[article.content_hash] = found
    published = frozenset().union(*current.values())
    rt.memo["published_contacts"] = (version, published, current)
    return published


def prepare_for(rt: Runtime, conv: Conversation) -> Thread:
    """`prepare` with this installation's redaction setting, pseudonym key and the KB's published contacts."""
    return prepare(conv, redact_pii=rt.settings.redact_pii, key=rt.pseudonym_key, published=published_contacts(rt))


def stored_customer(thread: Thread) -> Thread:
    """The thread as it is written to the store: the customer reduced to the tier."""
    return Thread(helpdesk=thread.helpdesk, site=thread.site, ticket_id=thread.ticket_id, url=thread.url,
                  subject=thread.subject, customer=Customer(tier=thread.customer.tier), messages=thread.messages)


NAME = "[NAME]"  # where the customer's name was, in what is stored of a text written to them
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W\d_]")  # a name's words of two letters or more
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


def without_name(text: str, name: str | None) -> str:
    """`text` with the customer's name, whole or any word of it, replaced by [NAME] (case as written)."""
    words = _NAME_WORD.findall(_PLACEHOLDER.sub(" ", name or ""))  # "[EMAIL]" left of a redacted name is no name
    if not words:
        return text
    parts = sorted({" ".join(words), *words}, key=len, reverse=True)
    return re.sub(r"(?<!\w)(?:" + "|".join(map(re.escape, parts)) + r")(?!\w)", NAME, text)


_GREETING = r"(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening))"
_A_NAME = r"(\w[\w'’.-]*(?: \w[\w'’.-]*){0,3}?)"


def name_as_written(original: str, final: str) -> str | None:
    """The name an agent's sent text has where the stored suggestion has [NAME] ("Hi [NAME]," -> "Hi Dana,"
    or "Hello Dana,"), so what is stored of the sent text can leave it out too."""
    at = original.find(NAME)
    before, after = original[max(0, at - 12):at], original[at + len(NAME):at + len(NAME) + 1]
    if at < 0 or not before.strip() or not after:
        return None
    found = re.search(re.escape(before) + _A_NAME + re.escape(after), final)
    if found is None and re.match(_GREETING + r"\s+$", original[:at], re.IGNORECASE):  # the agent changed the greeting
        found = re.match(r"\s*" + _GREETING + r"\s+" + _A_NAME + r"\s*[,!]", final, re.IGNORECASE)
    return found.group(1) if found and found.group(1)[0].isupper() else None  # a name, not "Hi there,"


def store(rt: Runtime, thread: Thread) -> int:
    """Upsert a prepared conversation and its new messages; returns the conversation's row id."""
    with rt.db.transaction():
        conversation_id = conv_store.upsert_conversation(rt.db, stored_customer(thread))
        conv_store.add_messages(rt.db, conversation_id, thread.messages)
    return conversation_id


def latest_question(thread: Thread, max_words: int = 80) -> str:
    """What to search the KB for: the latest customer turn with the one before it (follow-ups such as
    "so when does the money come back?" lean on what was said earlier), newest words kept."""
    customer = thread.texts("customer")
    if not customer:
        return thread.subject or ""
    words = " ".join(customer[-2:]).split()
    if len(words) < 6 and thread.subject:
        words = thread.subject.split() + words
    return " ".join(words[-max_words:])


_ANOTHER_ISSUE = re.compile(r"(?:^|(?<=[.!?;]))\s*(?:also|and also|another (?:thing|question|issue)|one more (?:thing|"
                            r"question)|separately|on another note|unrelated|oh and|plus)\b[,:]?\s*", re.IGNORECASE)
# An agent's offer to help is a question that clarifies nothing (kept as a rule: agents' stock phrases).
_PLEASANTRY = re.compile(r"\b(?:how (?:can|may|could) (?:I|we) (?:help|assist)|what can (?:I|we) do for you|"
                         r"anything else|how are you|how is your day|how's it going)\b", re.IGNORECASE)


class QueryPart(msgspec.Struct, kw_only=True):
    """One text of a conversation's query, with its weight in the dense query.

    `issue` numbers the customer's issues, 0 the latest: consecutive customer turns are one issue, an
    agent's reply between them starts another (unless it asked about the earlier one: then the earlier is
    context), and "Also, ..." inside a turn starts another. None: context (an agent's question, the subject).
    """

    text: str
    weight: float
    issue: int | None


class ConversationQuery(msgspec.Struct, kw_only=True):
    """What retrieval searches for one conversation.

    `question` is the latest question (the lexical-agreement feature and knowledge gaps use it);
    `lexical` the whole conversation's customer words and the agent's clarifying questions, latest first
    (BM25); `parts` weighted texts whose vectors mix into the dense query, weighted toward the latest turn.
    """

    question: str
    lexical: str
    parts: list[QueryPart]

    def issues(self) -> list[list[int]]:
        """Indexes into `parts` of each issue, latest issue first."""
        grouped: dict[int, list[int]] = {}
        for index, part in enumerate(self.parts):
            if part.issue is not None:
                grouped.setdefault(part.issue, []).append(index)
        return [grouped[key] for key in sorted(grouped)]


def issues_in(text: str) -> list[str]:
    """A customer turn split where it turns to another issue ("... Also, how do I ..."), latest first."""
    pieces = [piece.strip() for piece in _ANOTHER_ISSUE.split(text) if piece and piece.strip()]
    return list(reversed(pieces)) if len(pieces) > 1 else [text]


def conversation_query(thread: Thread) -> ConversationQuery:
    """The retrieval query of a conversation: every customer turn, weighted toward the latest, and the agent's
    questions the customer answered ("PlayStation 4" answers the agent's "which platform?")."""
    question = latest_question(thread)
    turns = [m for m in thread.messages if m.role in ("customer", "agent")]
    parts: list[QueryPart] = []
    seen_customer = 0
    issue = 0
    context_only = False  # the agent asked about this customer turn: it is context for the later issue
    previous: str | None = None  # role of the turn after this one (we walk backwards)
    for message in reversed(turns):
        if message.role == "customer":
            if previous == "agent" and seen_customer:
                issue += 1
            weight = tuning.QUERY_DECAY ** seen_customer
            for offset, piece in enumerate(issues_in(message.text)):
                if offset:
                    issue += 1
                parts.append(QueryPart(text=piece[:tuning.QUERY_TURN_CHARS], weight=weight * tuning.QUERY_DECAY ** offset,
                                       issue=None if context_only else issue))
            seen_customer += 1
        elif previous == "customer" and "?" in message.text and not _PLEASANTRY.search(message.text):
            # the agent's question the customer then answered; the turn it asked about is context
            parts.append(QueryPart(text=message.text[:tuning.QUERY_TURN_CHARS],
                                   weight=tuning.QUERY_AGENT_WEIGHT * tuning.QUERY_DECAY ** (seen_customer - 1),
                                   issue=None))
            context_only = True
        elif message.role == "agent":
            context_only = False
        previous = message.role
        if len(parts) >= tuning.QUERY_MAX_PARTS:
            break
    if thread.subject and parts:
        parts.append(QueryPart(text=thread.subject[:tuning.QUERY_TURN_CHARS], weight=tuning.QUERY_SUBJECT_WEIGHT,
                               issue=None))
    if not parts:
        return ConversationQuery(question=question, lexical=question,
                                 parts=[QueryPart(text=question, weight=1.0, issue=0)] if question else [])
    lexical = " ".join(" ".join(part.text.split()[:tuning.QUERY_LEXICAL_WORDS]) for part in parts)
    return ConversationQuery(question=question, lexical=lexical, parts=parts)
