"""Wire Structs: request bodies reject unknown fields (400 naming them); responses document the contracts."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Role = Literal["customer", "agent", "bot", "note", "unknown"]


class Customer(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    id: str | None = None
    name: str | None = None
    email: str | None = None
    tier: str | None = None


class Message(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    text: str
    id: str | None = None
    role: Role = "unknown"
    at: str | None = None


class Conversation(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """The unit everything works on; only `messages` is required."""

    messages: list[Message]
    helpdesk: str | None = None
    ticket_id: str | None = None
    url: str | None = None
    subject: str | None = None
    customer: Customer | None = None


class Sentiment(msgspec.Struct):
    label: str
    score: float


class Escalation(msgspec.Struct):
    risk: str
    reasons: list[str]


class SignalsOut(msgspec.Struct):
    sentiment: Sentiment
    urgency: str
    escalation: Escalation
    language: str


class Citation(msgspec.Struct):
    article_id: str
    title: str
    url: str | None
    chunk_id: int
    quote: str


class Suggestion(msgspec.Struct):
    id: str
    kind: Literal["answer", "clarify", "escalate"]
    text: str
    confidence: float
    grounded: bool
    citations: list[Citation]


class Timing(msgspec.Struct):
    retrieval: float
    generation: float
    total: float


class Suggestions(msgspec.Struct):
    engine: str
    degraded: bool
    signals: SignalsOut
    suggestions: list[Suggestion]
    prompt_version: str
    timing_ms: Timing


class Item(msgspec.Struct):
    text: str
    message_ids: list[str]


class Entities(msgspec.Struct):
    order_ids: list[str]
    amounts: list[str]
    dates: list[str]


class Summary(msgspec.Struct):
    issue: str
    customer_goal: str
    steps_taken: list[Item]
    promises: list[Item]
    open_questions: list[Item]
    next_steps: list[Item]
    sentiment: str
    handoff_reason: str
    entities: Entities
    text: str
    engine: str
    prompt_version: str
    degraded: bool = False


class FeedbackCreate(msgspec.Struct, forbid_unknown_fields=True):
    suggestion_id: str
    action: Literal["inserted", "edited", "dismissed", "rated"]
    rating: int | None = None
    final_text: str | None = None


class FeedbackOut(msgspec.Struct):
    id: int
    suggestion_id: str
    action: str
    edit_distance: int | None


class SearchHit(msgspec.Struct):
    article_id: str
    title: str
    url: str | None
    chunk_id: int
    text: str
    score: float
    grounded: bool
    similarity: float
    heading_path: str
    source: str


class ChunkOut(msgspec.Struct):
    chunk_id: int
    heading_path: str
    text: str


class Article(msgspec.Struct):
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


class Me(msgspec.Struct):
    id: int
    name: str
    role: str


class UserOut(msgspec.Struct):
    id: int
    name: str
    role: str
    created_at: str
    revoked_at: str | None


class Health(msgspec.Struct):
    status: str
    articles: int
    chunks: int
    index_vectors: int
    embedder: str
    engine: str


class ErrorBody(msgspec.Struct):
    status_code: int
    detail: str


class NearestArticle(msgspec.Struct):
    article_id: str
    similarity: float


class FaqDraft(msgspec.Struct):
    id: int
    status: str
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


class FaqMine(msgspec.Struct, forbid_unknown_fields=True):
    since: str | None = None
    min_count: Annotated[int, msgspec.Meta(ge=2, le=100_000)] = 5


class FaqMineReport(msgspec.Struct):
    candidates: int
    clusters: int
    new_drafts: int
    grown_drafts: int
    already_answered: int
    seconds: float


class FaqApprove(msgspec.Struct, forbid_unknown_fields=True):
    question: str | None = None
    answer: str | None = None


class FaqReject(msgspec.Struct, forbid_unknown_fields=True):
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class FaqMerge(msgspec.Struct, forbid_unknown_fields=True):
    article_id: str
    answer: str | None = None


class ArticleIn(msgspec.Struct, forbid_unknown_fields=True):
    external_id: Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=r"\S")]
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=1000, pattern=r"\S")]
    body: Annotated[str, msgspec.Meta(max_length=2_000_000)]
    url: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    status: str = "published"


class ArticlesUpsert(msgspec.Struct, forbid_unknown_fields=True):
    source: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"\S")]
    articles: Annotated[list[ArticleIn], msgspec.Meta(max_length=1000)]


class ImportOut(msgspec.Struct):
    added: int
    updated: int
    unchanged: int
    removed: int


class ArticleSummary(msgspec.Struct):
    article_id: str
    source: str
    title: str
    url: str | None
    status: str
    updated_at: str
    tags: list[str] = msgspec.field(default_factory=list)
