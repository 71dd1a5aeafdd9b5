"""Suggestions (JSON or SSE), summaries and feedback: the routes the browser extension calls."""

from __future__ import annotations

from collections.abc import Iterator

import msgspec
from litestar import Controller, Request, Response, post
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody
from litestar.response import ServerSentEvent, ServerSentEventMessage

from backend import metrics
from backend.api.auth import ANY_ROLE, require
from backend.api.deps import RuntimeDep
from backend.api.observability import request_id
from backend.api.schemas import ErrorBody, FeedbackCreate, RewriteCreate
from backend.models import Conversation, Rewrite, Suggestions, Summary
from backend.services import access
from backend.services import assist as assist_service
from backend.services import feedback as feedback_service
from backend.services import rewrite as rewrite_service
from backend.services import summaries as summary_service
from backend.services.conversations import check_limits
from backend.services.feedback import FeedbackOut

_encode = msgspec.json.Encoder().encode


def sse(events: Iterator[tuple[str, msgspec.Struct]], rid: str) -> Iterator[ServerSentEventMessage]:
    """Encode service events as SSE messages; a failure mid-stream becomes an `error` event with a code
    and the request id (the details go to the log, not to the page)."""
    import logging

    try:
        for event, data in events:
            if event == "done":
                for s in data.suggestions:  # type: ignore[attr-defined]
                    metrics.suggestions.labels(kind=s.kind).inc()
            yield ServerSentEventMessage(event=event, data=_encode(data).decode())
    except Exception:  # the stream has started: report, never leave the client hanging
        logging.getLogger("tandem.api").exception("assist stream failed (request %s)", rid)
        yield ServerSentEventMessage(event="error", data=_encode({"code": "internal_error", "request_id": rid}).decode())


class AssistController(Controller):
    path = "/v1"
    tags = ["assist"]
    guards = [require(*ANY_ROLE)]

    @post("/assist", sync_to_thread=True, status_code=200,
          responses={200: ResponseSpec(data_container=Suggestions,
                                       description="Suggestions (or SSE events with Accept: text/event-stream)"),
                     413: ResponseSpec(data_container=ErrorBody, description="conversation over a size limit"),
                     429: ResponseSpec(data_container=ErrorBody, description="rate limited (see Retry-After)")})
    def assist(self, rt: RuntimeDep, request: Request, data: JSONBody[Conversation]) -> Response:
        """Reply suggestions for a conversation; JSON, or SSE with `Accept: text/event-stream`."""
        check_limits(data)
        user = request.user
        access.count_request(rt, user, "assist")
        if "text/event-stream" in request.headers.get("accept", ""):
            return ServerSentEvent(sse(assist_service.assist_events(rt, data, user_id=user.id), request_id(request.scope)))
        result = assist_service.assist(rt, data, user_id=user.id)
        for s in result.suggestions:
            metrics.suggestions.labels(kind=s.kind).inc()
        return Response(result)

    @post("/summaries", sync_to_thread=True, status_code=200,
          responses={413: ResponseSpec(data_container=ErrorBody, description="conversation over a size limit"),
                     429: ResponseSpec(data_container=ErrorBody, description="rate limited (see Retry-After)")})
    def summarize(self, rt: RuntimeDep, request: Request, data: JSONBody[Conversation]) -> Summary:
        """A structured handoff summary (stored as the conversation's latest)."""
        check_limits(data)
        access.count_request(rt, request.user, "summaries")
        return summary_service.summarize(rt, data, user_id=request.user.id)

    @post("/feedback", sync_to_thread=True, status_code=201)
    def feedback(self, rt: RuntimeDep, request: Request, data: JSONBody[FeedbackCreate]) -> FeedbackOut:
        """Record what the agent did with a suggestion."""
        return feedback_service.record(rt, suggestion_id=data.suggestion_id, action=data.action,
                                       rating=data.rating, final_text=data.final_text, user_id=request.user.id)

    @post("/rewrite", sync_to_thread=True, status_code=200,
          responses={409: ResponseSpec(data_container=ErrorBody, description="no model configured (offline)"),
                     413: ResponseSpec(data_container=ErrorBody, description="text over the size limit"),
                     429: ResponseSpec(data_container=ErrorBody, description="rate limited (see Retry-After)"),
                     503: ResponseSpec(data_container=ErrorBody, description="the model did not answer")})
    def rewrite(self, rt: RuntimeDep, request: Request, data: JSONBody[RewriteCreate]) -> Rewrite:
        """The agent's draft rewritten by the configured model; additions the draft lacks are flagged."""
        rewrite_service.check_text(data.text)
        access.count_request(rt, request.user, "assist")  # a rewrite counts with assist
        return rewrite_service.rewrite(rt, data.text, data.action, data.language)
