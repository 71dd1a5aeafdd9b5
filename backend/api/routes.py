"""HTTP routes: thin wrappers that decode, check roles, call a service and encode."""

from __future__ import annotations

import json
from collections.abc import Iterator

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody, Parameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from backend.api.auth import ANY_ROLE, require
from backend.api.schemas import (
    Article,
    ArticleSummary,
    ArticlesUpsert,
    Conversation,
    ErrorBody,
    FaqApprove,
    FaqDraft,
    FaqMerge,
    FaqMine,
    FaqMineReport,
    FaqReject,
    FeedbackCreate,
    FeedbackOut,
    Health,
    ImportOut,
    Me,
    SearchHit,
    Suggestions,
    Summary,
    UserOut,
)
from backend.services import assist as assist_service
from backend.services import faq as faq_service
from backend.services import feedback as feedback_service
from backend.services import kb as kb_service
from backend.services import summaries as summary_service
from backend.services import users as user_service
from backend.services.conversations import check_limits
from backend.services.runtime import Runtime
from backend.store import kb as kb_store

CURATORS = ("knowledge_manager", "admin")


def _rt(request: Request) -> Runtime:
    return request.app.state.rt


def _sse(events: Iterator[tuple[str, dict]]) -> Iterator[ServerSentEventMessage]:
    """Encode service events as SSE messages; a failure mid-stream becomes an `error` event."""
    try:
        for event, data in events:
            yield ServerSentEventMessage(event=event, data=json.dumps(data, ensure_ascii=False))
    except Exception as exc:  # the stream has started: report, never leave the client hanging
        yield ServerSentEventMessage(event="error", data=json.dumps({"detail": f"{type(exc).__name__}: {exc}"}))


class AssistController(Controller):
    path = "/v1"
    tags = ["assist"]
    guards = [require(*ANY_ROLE)]

    @post("/assist", sync_to_thread=True, status_code=200,
          responses={200: ResponseSpec(data_container=Suggestions,
                                       description="Suggestions (or SSE events with Accept: text/event-stream)"),
                     413: ResponseSpec(data_container=ErrorBody, description="conversation over a size limit")})
    def assist(self, request: Request, data: JSONBody[Conversation]) -> Response:
        """Reply suggestions for a conversation; JSON, or SSE with `Accept: text/event-stream`."""
        conversation = msgspec.to_builtins(data)
        check_limits(conversation)
        rt, user = _rt(request), request.user
        if "text/event-stream" in request.headers.get("accept", ""):
            return ServerSentEvent(_sse(assist_service.assist_events(rt, conversation, user_id=user["id"])))
        return Response(msgspec.convert(assist_service.assist(rt, conversation, user_id=user["id"]), Suggestions))

    @post("/summaries", sync_to_thread=True, status_code=200)
    def summarize(self, request: Request, data: JSONBody[Conversation]) -> Summary:
        """A structured handoff summary (stored as the conversation's latest)."""
        conversation = msgspec.to_builtins(data)
        check_limits(conversation)
        return msgspec.convert(summary_service.summarize(_rt(request), conversation, user_id=request.user["id"]),
                               Summary)

    @post("/feedback", sync_to_thread=True, status_code=201)
    def feedback(self, request: Request, data: JSONBody[FeedbackCreate]) -> FeedbackOut:
        """Record what the agent did with a suggestion."""
        result = feedback_service.record(_rt(request), suggestion_id=data.suggestion_id, action=data.action,
                                         rating=data.rating, final_text=data.final_text, user_id=request.user["id"])
        return FeedbackOut(**result)


class KBController(Controller):
    path = "/v1/kb"
    tags = ["kb"]
    guards = [require(*ANY_ROLE)]

    @get("/search", sync_to_thread=True)
    def search(self, request: Request, q: str = Parameter(min_length=1, max_length=2000),
               k: int = Parameter(default=5, ge=1, le=50)) -> list[SearchHit]:
        """Hybrid KB search, one hit per article, best first."""
        return [SearchHit(**h.public()) for h in kb_service.search(_rt(request), q, k=k)]

    @get("/articles/{article_id:str}", sync_to_thread=True)
    def article(self, request: Request, article_id: FromPath[str]) -> Article:
        """One article with its chunks."""
        found = kb_service.get_article(_rt(request), article_id)
        if found is None:
            raise NotFoundException(f"no article with id {article_id!r}")
        return msgspec.convert(found, Article)


    @get("/articles", sync_to_thread=True)
    def articles(self, request: Request, source: str | None = None,
                 limit: int | None = Parameter(default=None, ge=1, le=100_000)) -> list[ArticleSummary]:
        """All articles (the `tandem kb list --json` shape)."""
        return [ArticleSummary(**a) for a in kb_service.list_articles(_rt(request), source=source, limit=limit)]

    @post("/articles", guards=[require(*CURATORS)], sync_to_thread=True, status_code=200)
    def upsert(self, request: Request, data: JSONBody[ArticlesUpsert]) -> ImportOut:
        """Add or update articles of one source (remote `tandem kb import`); indexed at once."""
        report = kb_service.upsert_articles(_rt(request), [msgspec.to_builtins(a) for a in data.articles],
                                            source=data.source)
        return ImportOut(added=report.added, updated=report.updated, unchanged=report.unchanged, removed=0)

    @delete("/articles/{article_id:str}", guards=[require(*CURATORS)], sync_to_thread=True, status_code=204)
    def remove(self, request: Request, article_id: FromPath[str]) -> None:
        """Remove an article and its chunks from the store and the index."""
        removed, _ = kb_service.remove_articles(_rt(request), [article_id])
        if not removed:
            raise NotFoundException(f"no article with id {article_id!r}")

    @get("/stats", sync_to_thread=True)
    def stats(self, request: Request) -> dict:
        """KB counts and index state."""
        return kb_service.stats(_rt(request))


class FaqController(Controller):
    path = "/v1/faq"
    tags = ["faq"]
    guards = [require(*CURATORS)]

    @get("", sync_to_thread=True)
    def drafts(self, request: Request, status: str = "pending") -> list[FaqDraft]:
        """FAQ drafts with this status (`all` for every draft)."""
        return [msgspec.convert(d, FaqDraft) for d in faq_service.list_drafts(_rt(request), status)]

    @get("/{draft_id:int}", sync_to_thread=True)
    def draft(self, request: Request, draft_id: FromPath[int]) -> FaqDraft:
        """One draft with its evidence."""
        return msgspec.convert(faq_service.get_draft(_rt(request), draft_id), FaqDraft)

    @post("/mine", sync_to_thread=True, status_code=200)
    def mine(self, request: Request, data: JSONBody[FaqMine]) -> FaqMineReport:
        """Mine stored conversations for repeated questions."""
        if data.min_count < 2:
            raise faq_service.DraftError("min_count must be at least 2")
        return FaqMineReport(**faq_service.mine(_rt(request), since=data.since, min_count=data.min_count).as_dict())

    @post("/{draft_id:int}/approve", sync_to_thread=True, status_code=200)
    def approve(self, request: Request, draft_id: FromPath[int], data: JSONBody[FaqApprove]) -> FaqDraft:
        """Approve (optionally with edited wording): creates a KB article, indexed at once."""
        out = faq_service.approve(_rt(request), draft_id, user=request.user["name"], question=data.question,
                                  answer=data.answer)
        return msgspec.convert(out, FaqDraft)

    @post("/{draft_id:int}/reject", sync_to_thread=True, status_code=200)
    def reject(self, request: Request, draft_id: FromPath[int], data: JSONBody[FaqReject]) -> FaqDraft:
        """Reject with a reason."""
        return msgspec.convert(faq_service.reject(_rt(request), draft_id, user=request.user["name"],
                                                  reason=data.reason), FaqDraft)

    @post("/{draft_id:int}/merge", sync_to_thread=True, status_code=200)
    def merge(self, request: Request, draft_id: FromPath[int], data: JSONBody[FaqMerge]) -> FaqDraft:
        """Merge into an existing article (appended as a section)."""
        return msgspec.convert(faq_service.merge(_rt(request), draft_id, data.article_id, user=request.user["name"],
                                                 answer=data.answer), FaqDraft)


class AccountController(Controller):
    path = "/v1"
    tags = ["account"]

    @get("/me", guards=[require(*ANY_ROLE)])
    async def me(self, request: Request) -> Me:
        """Who this token belongs to."""
        return Me(**request.user)

    @get("/users", guards=[require("admin")], sync_to_thread=True)
    def users(self, request: Request) -> list[UserOut]:
        """All users (admin only)."""
        return [UserOut(**u) for u in user_service.list_users(_rt(request))]


@get("/healthz", tags=["health"], sync_to_thread=True)
def healthz(request: Request) -> Response[Health]:
    """Readiness: 200 when the store and index are ready (no token needed)."""
    rt = _rt(request)
    retriever = rt.retriever
    stats = kb_store.kb_stats(rt.db)
    index_count = retriever.index.count if retriever.index else 0
    ready = retriever.index is not None and index_count == stats["chunks"]
    body = Health(status="ok" if ready else "starting", articles=stats["articles"], chunks=stats["chunks"],
                  index_vectors=index_count, embedder=retriever.embedder.name,
                  engine="anthropic" if rt.provider is not None else "extractive")
    return Response(body, status_code=200 if ready else 503)
