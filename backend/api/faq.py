"""FAQ draft routes for knowledge managers (the remote `tandem faq` commands use them)."""

from __future__ import annotations

from litestar import Controller, Request, get, post
from litestar.params import FromPath, FromQuery, JSONBody

from backend.api.auth import CURATORS, require
from backend.api.deps import RuntimeDep
from backend.api.schemas import FaqApprove, FaqMerge, FaqMine, FaqReject
from backend.models import Draft
from backend.services import faq as faq_service


class FaqController(Controller):
    path = "/v1/faq"
    tags = ["faq"]
    guards = [require(*CURATORS)]

    @get("", sync_to_thread=True)
    def drafts(self, rt: RuntimeDep, status: FromQuery[str] = "pending") -> list[Draft]:
        """FAQ drafts with this status (`all` for every draft)."""
        return faq_service.list_drafts(rt, status)

    @get("/{draft_id:int}", sync_to_thread=True)
    def draft(self, rt: RuntimeDep, draft_id: FromPath[int]) -> Draft:
        """One draft with its evidence."""
        return faq_service.get_draft(rt, draft_id)

    @post("/mine", sync_to_thread=True, status_code=200)
    def mine(self, rt: RuntimeDep, data: JSONBody[FaqMine]) -> faq_service.MineReport:
        """Mine stored conversations for repeated questions."""
        return faq_service.mine(rt, since=data.since, min_count=data.min_count)

    @post("/{draft_id:int}/approve", sync_to_thread=True, status_code=200)
    def approve(self, rt: RuntimeDep, request: Request, draft_id: FromPath[int], data: JSONBody[FaqApprove]) -> Draft:
        """Approve (optionally with edited wording): creates a KB article, searchable at once."""
        return faq_service.approve(rt, draft_id, user=request.user.name, question=data.question,
                                   answer=data.answer)

    @post("/{draft_id:int}/reject", sync_to_thread=True, status_code=200)
    def reject(self, rt: RuntimeDep, request: Request, draft_id: FromPath[int], data: JSONBody[FaqReject]) -> Draft:
        """Reject with a reason."""
        return faq_service.reject(rt, draft_id, user=request.user.name, reason=data.reason)

    @post("/{draft_id:int}/merge", sync_to_thread=True, status_code=200)
    def merge(self, rt: RuntimeDep, request: Request, draft_id: FromPath[int], data: JSONBody[FaqMerge]) -> Draft:
        """Merge into an existing article (appended as a section)."""
        return faq_service.merge(rt, draft_id, data.article_id, user=request.user.name,
                                 answer=data.answer, source=data.source)
