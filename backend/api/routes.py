"""HTTP routes: thin wrappers that decode, check roles, call a service and encode."""

from __future__ import annotations

import json
from collections.abc import Iterator

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import FromPath, JSONBody, Parameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from backend.api.auth import ANY_ROLE, require
from backend.api.schemas import (
    Article,
    Conversation,
    ErrorBody,
    FeedbackCreate,
    FeedbackOut,
    Health,
    Me,
    SearchHit,
    Suggestions,
    Summary,
    UserOut,
)
from backend.services import assist as assist_service
from backend.services import feedback as feedback_service
from backend.services import kb as kb_service
from backend.services import summaries as summary_service
from backend.services import users as user_service
from backend.services.conversations import check_limits
from backend.services.runtime import Runtime
from backend.store import kb as kb_store


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
        return msgspec.convert(summary_service.summarize(_rt(request), conversation), Summary)

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
