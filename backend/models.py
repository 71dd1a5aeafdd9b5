"""The shapes every layer shares (msgspec Structs): conversations, articles, hits, suggestions, summaries,
FAQ drafts. The API encodes them as they are; docs/architecture.md lists them as the contracts.

Imports nothing from the rest of the backend: faces, services, engines and the store all build on it.
"""

from __future__ import annotations

from typing import Literal

import msgspec

from backend.vocabulary import (  # noqa: F401 - the vocabularies, importable from here as before
    DRAFT_STATUSES,
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    ROLES,
    USER_ROLES,
    DraftStatus,
    ExportFormat,
    ImportFormat,
    Kind,
    Priority,
    Risk,
    Role,
    UnsupportedKind,
    Urgency,
    UserRole,
)
from backend.vocabulary import Sentiment as SentimentLabel

# ---- conversations (the input contract) ------------------------------------------------------------

class Customer(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Who wrote in; every field optional. `tier` is free text (configured values count as high-value)."""

    id: str | None = None
    name: str | None = None
    email: str | None = None
    tier: str | None = None


class Message(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """One turn as a helpdesk shows it."""

    text: str
    id: str | None = None
    role: Role = "unknown"
    at: str | None = None
    author: str | None = None  # who wrote an agent or note message (the team's display name or id)


class Conversation(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """The unit everything works on; only `messages` is required."""

    messages: list[Message]
    helpdesk: str | None = None
    ticket_id: str | None = None
    url: str | None = None
    subject: str | None = None
    customer: Customer | None = None


class Turn(msgspec.Struct, kw_only=True):
    """A message after preparation: redacted, keyed, its role resolved."""

    key: str
    role: Role
    text: str
    at: str | None = None
    author: str | None = None
    pii: dict[str, int] | None = None  # an agent message's PII found at ingest: "KIND:own|other" -> count, never values


class Thread(msgspec.Struct, kw_only=True):
    """A prepared conversation: limits checked, PII redacted, roles inferred, identity fixed.

    A conversation is identified by helpdesk + site (the origin of its URL) + ticket id.
    """

    helpdesk: str
    site: str
    ticket_id: str
    url: str | None
    subject: str | None
    customer: Customer
    messages: list[Turn]
    customer_keys: list[str] = msgspec.field(default_factory=list)  # keyed hashes of id/e-mail, never the values

    def texts(self, *roles: str) -> list[str]:
        """Texts of the turns with one of `roles` (all turns when none given)."""
        return [m.text for m in self.messages if not roles or m.role in roles]

    def to_conversation(self) -> Conversation:
        """Back to the contract shape (for replays and exports)."""
        return Conversation(
            helpdesk=self.helpdesk, ticket_id=self.ticket_id, url=self.url, subject=self.subject,
            customer=self.customer,
            messages=[Message(id=m.key, role=m.role, text=m.text, at=m.at) for m in self.messages])


# ---- knowledge base ----------------------------------------------------------------------------------

class ArticleIn(msgspec.Struct, kw_only=True):
    """An article as a reader or the API hands it over, before it is stored."""

    external_id: str
    title: str
    body: str
    url: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    status: str = "published"
    source: str | None = None
    created_at: str | None = None
    origin_path: str | None = None
    owner: str | None = None
    reviewed_at: str | None = None  # a date (YYYY-MM-DD): when a person last checked the article
    review_every_days: int | None = None


class Article(msgspec.Struct, kw_only=True):
    """A stored article. `article_id` is its own id (front matter `id`, the export's id)."""

    row_id: int
    article_id: str
    source: str
    title: str
    body: str
    url: str | None
    tags: list[str]
    status: str
    origin_path: str | None
    content_hash: str
    created_at: str
    updated_at: str
    owner: str | None = None
    reviewed_at: str | None = None
    reviewed_by: str | None = None
    review_every_days: int | None = None
    replaced_hash: str | None = None


class ArticleSummary(msgspec.Struct, kw_only=True):
    """One row of `tandem kb list --json`."""

    article_id: str
    source: str
    title: str
    url: str | None
    status: str
    updated_at: str
    tags: list[str] = msgspec.field(default_factory=list)
    owner: str | None = None
    reviewed_at: str | None = None
    reviewed_by: str | None = None
    review_every_days: int | None = None  # the article's own period; None: the installation's default
    due_at: str | None = None  # when the next review is due (None: never reviewed)


class Chunk(msgspec.Struct, frozen=True):
    """A token-bounded piece of an article body, with the heading path it sits under."""

    ordinal: int
    heading_path: str
    text: str
    token_count: int


class ChunkOut(msgspec.Struct):
    """A stored chunk as `kb show` prints it."""

    chunk_id: int
    heading_path: str
    text: str


class ArticleDetail(msgspec.Struct, kw_only=True):
    """`tandem kb show --json`: an article with its chunks."""

    article_id: str
    source: str
    title: str
    url: str | None
    tags: list[str]
    status: str
    body: str
    created_at: str
    updated_at: str
    chunks: list[ChunkOut]
    owner: str | None = None
    reviewed_at: str | None = None
    reviewed_by: str | None = None
    review_every_days: int | None = None
    due_at: str | None = None


class Passage(msgspec.Struct, kw_only=True):
    """A chunk joined with its article, as retrieval reads it back."""

    chunk_id: int
    article_row_id: int
    ordinal: int
    heading_path: str
    text: str
    article_id: str
    title: str
    url: str | None
    source: str


class Hit(msgspec.Struct, kw_only=True):
    """One article's best chunk for a query (the scriptable shape of `tandem kb search --json`).

    `similarity` is the cosine of the article's best chunk; `confidence` the calibrated probability
    that the article answers the query; `grounded` is `confidence >= ` this KB's operating point.
    """

    article_id: str
    title: str
    url: str | None
    chunk_id: int
    text: str
    score: float
    similarity: float
    confidence: float
    grounded: bool
    heading_path: str
    source: str


# ---- signals -------------------------------------------------------------------------------------------

class Sentiment(msgspec.Struct):
    label: SentimentLabel
    score: float


class Escalation(msgspec.Struct):
    """Risk, the reasons in words, and the same reasons as codes from a fixed vocabulary (docs/api.md)."""

    risk: Risk
    reasons: list[str]
    codes: list[str] = []


class Signals(msgspec.Struct):
    """The customer's state: sentiment, urgency, escalation risk with readable reasons, language."""

    sentiment: Sentiment
    urgency: Urgency
    escalation: Escalation
    language: str


# ---- suggestions -----------------------------------------------------------------------------------------

class Freshness(msgspec.Struct, kw_only=True):
    """How current a cited article is: its last review, its owner, whether the review is overdue and whether
    agents say otherwise (drift found by the last upkeep run)."""

    reviewed_at: str | None
    reviewed_by: str | None
    owner: str | None
    overdue: bool
    drift: bool


class Citation(msgspec.Struct):
    article_id: str
    title: str
    url: str | None
    chunk_id: int
    quote: str
    freshness: Freshness | None = None


class Unsupported(msgspec.Struct):
    """A commitment in a generated answer that no cited passage or conversation turn supports."""

    text: str
    kind: UnsupportedKind
    start: int = -1  # where it is in the answer text (character offsets); -1 when unknown
    end: int = -1


class Checks(msgspec.Struct):
    """How a generated answer held up against its evidence."""

    cited: bool
    unsupported: list[Unsupported] = msgspec.field(default_factory=list)


class Suggestion(msgspec.Struct, omit_defaults=True, kw_only=True):
    """One reply suggestion; an `answer` is always grounded, cites what it rests on and has a confidence."""

    id: str
    kind: Kind
    text: str
    # Answers only: the calibrated probability that the cited article answers the question. Clarify and
    # escalate have nothing calibrated to report, so they carry a `priority` instead (and no confidence).
    confidence: float | None = None
    priority: Priority | None = None
    grounded: bool
    citations: list[Citation]
    checks: Checks | None = None


class RewriteChecks(msgspec.Struct):
    """What a rewrite added that the agent's draft did not have (the draft is the only evidence)."""

    unsupported: list[Unsupported] = msgspec.field(default_factory=list)


class Rewrite(msgspec.Struct, kw_only=True):
    """The answer of `POST /v1/rewrite`: the agent's draft rewritten by the configured model, checked."""

    text: str
    action: str
    language: str
    engine: str
    checks: RewriteChecks
    prompt_version: str


class Timing(msgspec.Struct):
    retrieval: float
    generation: float
    total: float


class OpenPromise(msgspec.Struct, kw_only=True):
    """A promise an agent made that is not known to be kept: `open` until `due`, `overdue` after."""

    text: str
    due: str
    status: Literal["open", "overdue"]


class EarlierConversation(msgspec.Struct, kw_only=True):
    """One earlier conversation of the same customer on the same helpdesk site."""

    ticket_id: str
    last_activity_at: str
    summary: str
    risk: str
    escalated: bool
    open_promises: list[OpenPromise]


class CustomerContext(msgspec.Struct, kw_only=True):
    """Who this customer is to us: how many earlier conversations, and the most recent ones."""

    previous_conversations: int = 0
    recent: list[EarlierConversation] = msgspec.field(default_factory=list)


class Suggestions(msgspec.Struct, kw_only=True):
    """The answer of `POST /v1/assist` (and `tandem suggest --json`)."""

    engine: str
    degraded: bool
    signals: Signals
    suggestions: list[Suggestion]
    prompt_version: str
    timing_ms: Timing
    context: CustomerContext = msgspec.field(default_factory=CustomerContext)
    # The customer's language (signals.language) and the one the answer suggestions are written in (detected;
    # null without an answer): offline the answer stays in the KB's language, and the overlay says so.
    customer_language: str | None = None
    answer_language: str | None = None


# ---- summaries -------------------------------------------------------------------------------------------

class Item(msgspec.Struct):
    """A summary line with the ids of the messages it comes from."""

    text: str
    message_ids: list[str]


class Entities(msgspec.Struct):
    order_ids: list[str]
    amounts: list[str]
    dates: list[str]


class Summary(msgspec.Struct, kw_only=True):
    """A handoff summary (`POST /v1/summaries`, `tandem summarize --json`)."""

    issue: str
    customer_goal: str
    steps_taken: list[Item]
    promises: list[Item]
    open_questions: list[Item]
    next_steps: list[Item]
    sentiment: SentimentLabel
    handoff_reason: str
    entities: Entities
    text: str
    engine: str = "extractive"
    prompt_version: str = "extractive@1"
    degraded: bool = False
    # The language `text` and the list items are written in, and the one asked for (the user's, else
    # TANDEM_SUMMARY_LANGUAGE): offline summaries are in English whatever was asked, and say so.
    language: str = "en"
    requested_language: str = "en"


# ---- FAQ drafts --------------------------------------------------------------------------------------------

class NearestArticle(msgspec.Struct):
    article_id: str
    similarity: float


class Evidence(msgspec.Struct, kw_only=True):
    """One agent reply behind a review reason."""

    ticket_id: str
    message_id: str
    text: str


class Draft(msgspec.Struct, kw_only=True):
    """A FAQ draft (`tandem faq list --json`)."""

    id: int
    status: DraftStatus
    question: str
    answer: str
    cluster_size: int
    member_message_ids: list[str]
    example_queries: list[str]
    source_conversation_ids: list[str]
    nearest_article: NearestArticle | None
    suggested_action: str
    created_at: str
    decided_by: str | None
    decided_at: str | None
    article_id: str | None = None
    reason: str | None = None
    engine: str | None = None
    kind: str = "new"  # new | update: an update draft rewrites the article `article_id`
    evidence: list[Evidence] = msgspec.field(default_factory=list)  # (update drafts) the agents' replies


class LLMCall(msgspec.Struct, kw_only=True):
    """One model call's usage and outcome."""

    provider: str
    model: str
    purpose: str
    ok: bool
    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    error: str | None = None
    latency_ms: float | None = None


# ---- users ---------------------------------------------------------------------------------------------------

class User(msgspec.Struct):
    """Who a token belongs to."""

    id: int
    name: str
    role: UserRole


class UserRecord(msgspec.Struct, kw_only=True):
    """A user as `tandem users list --json` shows it (tokens are never shown again)."""

    id: int
    name: str
    role: UserRole
    created_at: str
    revoked_at: str | None
    language: str | None = None  # summaries for this user are written in it (else TANDEM_SUMMARY_LANGUAGE)


# ---- knowledge upkeep ------------------------------------------------------------------------------------

class StaleReason(msgspec.Struct, kw_only=True):
    """Why an article needs a person: overdue | never_reviewed | drift | edited."""

    kind: str
    detail: str
    evidence: list[Evidence] = msgspec.field(default_factory=list)


class StaleArticle(msgspec.Struct, kw_only=True):
    """One row of `tandem kb stale --json`, most used and stalest first."""

    article_id: str
    source: str
    title: str
    owner: str | None
    reviewed_at: str | None
    due_at: str | None
    score: float
    reasons: list[StaleReason]
