"""Wire-only Structs (request bodies and small responses). The shared shapes (Conversation, Suggestions,
Summary, Draft, Hit, ...) come from backend.models; request bodies reject unknown fields (400 naming them)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec


class FeedbackCreate(msgspec.Struct, forbid_unknown_fields=True):
    suggestion_id: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    action: Literal["inserted", "edited", "dismissed", "rated"]
    rating: int | None = None
    final_text: Annotated[str, msgspec.Meta(max_length=20_000)] | None = None


class RewriteCreate(msgspec.Struct, forbid_unknown_fields=True):
    """`POST /v1/rewrite`: the agent's own draft and what to do with it (`language` for translate)."""

    text: Annotated[str, msgspec.Meta(min_length=1)]  # longer than a message may be: 413 (check_text)
    action: Literal["friendlier", "formal", "shorter", "expand", "fix", "translate"]
    language: Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2}$")] | None = None


class Health(msgspec.Struct, kw_only=True):
    """`GET /healthz`: ready when the store answers and the index is loaded; `stale` is not an outage."""

    status: str
    articles: int
    chunks: int
    index_vectors: int
    index_kb_version: int
    kb_version: int
    stale: bool
    embedder: str
    engine: str
    store: str


class ErrorBody(msgspec.Struct, omit_defaults=True):
    status_code: int
    detail: str
    request_id: str | None = None


class FaqMine(msgspec.Struct, forbid_unknown_fields=True):
    since: str | None = None
    min_count: Annotated[int, msgspec.Meta(ge=2, le=100_000)] = 5


class FaqApprove(msgspec.Struct, forbid_unknown_fields=True):
    question: Annotated[str, msgspec.Meta(max_length=2000)] | None = None
    answer: Annotated[str, msgspec.Meta(max_length=50_000)] | None = None


class FaqReject(msgspec.Struct, forbid_unknown_fields=True):
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class QAVerdictIn(msgspec.Struct, forbid_unknown_fields=True):
    helpdesk: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    ticket_id: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    message_id: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    flag: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    verdict: Literal["confirm", "dismiss", "missed"]
    site: Annotated[str, msgspec.Meta(max_length=500)] | None = None  # needed when a ticket id is on several sites


class FaqMerge(msgspec.Struct, forbid_unknown_fields=True):
    article_id: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    answer: Annotated[str, msgspec.Meta(max_length=50_000)] | None = None
    source: str | None = None


class ArticleWire(msgspec.Struct, forbid_unknown_fields=True):
    external_id: Annotated[str, msgspec.Meta(min_length=1, max_length=300, pattern=r"\S")]
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=500, pattern=r"\S")]
    body: Annotated[str, msgspec.Meta(max_length=2_000_000)]
    url: Annotated[str, msgspec.Meta(max_length=2000)] | None = None
    tags: Annotated[list[Annotated[str, msgspec.Meta(max_length=100)]], msgspec.Meta(max_length=50)] = \
        msgspec.field(default_factory=list)
    status: Annotated[str, msgspec.Meta(max_length=50)] = "published"
    owner: Annotated[str, msgspec.Meta(max_length=200)] | None = None
    reviewed_at: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    review_every_days: Annotated[int, msgspec.Meta(ge=1, le=100_000)] | None = None


class ArticlesUpsert(msgspec.Struct, forbid_unknown_fields=True):
    source: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"\S")]
    articles: Annotated[list[ArticleWire], msgspec.Meta(max_length=1000)]


class ImportOut(msgspec.Struct):
    added: int
    updated: int
    unchanged: int
    removed: int
    notes: list[str] = msgspec.field(default_factory=list)  # e.g. a re-import that would undo an approved update


class EvalQuestionIn(msgspec.Struct, forbid_unknown_fields=True):
    query: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    expected_article_id: Annotated[str, msgspec.Meta(max_length=500)] | None  # null: the KB should not answer


class EvalQuestions(msgspec.Struct, forbid_unknown_fields=True):
    questions: list[EvalQuestionIn]
    k: Annotated[int, msgspec.Meta(ge=1, le=20)] = 5
