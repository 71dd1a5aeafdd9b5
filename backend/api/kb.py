"""Knowledge-base routes: search, read, and (for curators) write articles; the remote CLI uses them."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Request, delete, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery, JSONBody, Parameter, QueryParameter

from backend.api.auth import ANY_ROLE, CURATORS, require
from backend.api.deps import RuntimeDep
from backend.api.schemas import ArticlesUpsert, ImportOut
from backend.models import ArticleDetail, ArticleIn, ArticleSummary, Hit, StaleArticle
from backend.services import kb as kb_service
from backend.services import learning as learning_service
from backend.services import upkeep as upkeep_service
from backend.store.learned import LearnedRow

LearnedId = Annotated[int, Parameter(ge=1, le=2**62, description="a learned question's id")]


class KBController(Controller):
    path = "/v1/kb"
    tags = ["kb"]
    guards = [require(*ANY_ROLE)]

    @get("/search", sync_to_thread=True)
    def search(self, rt: RuntimeDep, q: Annotated[str, QueryParameter(min_length=1, max_length=2000)],
               k: Annotated[int, QueryParameter(ge=1, le=50)] = 5) -> list[Hit]:
        """Hybrid KB search, one hit per article, best first."""
        return kb_service.search(rt, q, k=k)

    @get("/articles/{article_id:str}", sync_to_thread=True)
    def article(self, rt: RuntimeDep, article_id: FromPath[str],
                source: Annotated[str | None, QueryParameter(max_length=200)] = None) -> ArticleDetail:
        """One article with its chunks (by its own id, within `source` when given)."""
        found = kb_service.get_article(rt, article_id, source=source)
        if found is None:
            raise NotFoundException(f"no article with id {article_id!r}")
        return found

    @get("/articles", sync_to_thread=True)
    def articles(self, rt: RuntimeDep, source: FromQuery[str | None] = None,
                 limit: Annotated[int | None, QueryParameter(ge=1, le=100_000)] = None) -> list[ArticleSummary]:
        """All articles (the `tandem kb list --json` shape)."""
        return kb_service.list_articles(rt, source=source, limit=limit)

    @post("/articles", guards=[require(*CURATORS)], sync_to_thread=True, status_code=200)
    def upsert(self, rt: RuntimeDep, data: JSONBody[ArticlesUpsert]) -> ImportOut:
        """Add or update articles of one source (remote `tandem kb import`); searchable at once."""
        articles = [ArticleIn(external_id=a.external_id, title=a.title, body=a.body, url=a.url, tags=a.tags,
                              status=a.status, owner=a.owner, reviewed_at=a.reviewed_at,
                              review_every_days=a.review_every_days) for a in data.articles]
        report = kb_service.upsert_articles(rt, articles, source=data.source)
        return ImportOut(added=report.added, updated=report.updated, unchanged=report.unchanged, removed=0,
                         notes=report.notes)

    @delete("/articles/{article_id:str}", guards=[require(*CURATORS)], sync_to_thread=True, status_code=204)
    def remove(self, rt: RuntimeDep, article_id: FromPath[str],
               source: Annotated[str | None, QueryParameter(max_length=200)] = None) -> None:
        """Remove the article with this id (within `source` when given); 404 when there is none."""
        kb_service.resolve(rt, article_id, source)
        kb_service.remove_articles(rt, [article_id], source=source)

    @post("/articles/{article_id:str}/verify", guards=[require(*CURATORS)], sync_to_thread=True, status_code=200)
    def verify(self, rt: RuntimeDep, request: Request, article_id: FromPath[str],
               source: Annotated[str | None, QueryParameter(max_length=200)] = None) -> ArticleDetail:
        """Mark an article reviewed today by the signed-in curator."""
        return kb_service.verify(rt, article_id, source=source, by=request.user.name)

    @get("/stale", guards=[require(*CURATORS)], sync_to_thread=True)
    def stale(self, rt: RuntimeDep) -> list[StaleArticle]:
        """The review queue: articles overdue, never reviewed, drifting or heavily edited."""
        return upkeep_service.review_queue(rt)

    @get("/stats", sync_to_thread=True)
    def stats(self, rt: RuntimeDep) -> kb_service.Stats:
        """KB counts, index state and calibration."""
        return kb_service.stats(rt)

    @post("/learn", guards=[require(*CURATORS)], sync_to_thread=True, status_code=200)
    def learn(self, rt: RuntimeDep) -> learning_service.LearnReport:
        """Learn now from conversations and inserted answers (the periodic job does it on its own)."""
        return learning_service.learn(rt)

    @get("/learned", guards=[require(*CURATORS)], sync_to_thread=True)
    def learned(self, rt: RuntimeDep, article: Annotated[str | None, QueryParameter(max_length=200)] = None,
                status: Annotated[str | None, QueryParameter(max_length=20)] = None,
                limit: Annotated[int | None, QueryParameter(ge=1, le=100_000)] = None) -> list[LearnedRow]:
        """Questions agents answered with an article (or declined), newest first."""
        return learning_service.list_learned(rt, article_id=article, status=status, limit=limit)

    @delete("/learned/{learned_id:int}", guards=[require(*CURATORS)], sync_to_thread=True, status_code=204)
    def forget_learned(self, rt: RuntimeDep, learned_id: LearnedId) -> None:
        """Remove one learned question."""
        learning_service.remove(rt, learned_id)

    @post("/learned/{learned_id:int}/keep", guards=[require(*CURATORS)], sync_to_thread=True, status_code=200)
    def keep_learned(self, rt: RuntimeDep, request: Request, learned_id: LearnedId) -> LearnedRow:
        """Keep a learned question as KB content (purges no longer remove it)."""
        return learning_service.keep(rt, learned_id, by=request.user.name)
