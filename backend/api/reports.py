"""Team-lead routes: streamed summary exports and the /dashboard page (the report, served live).

The dashboard signs in with a token once and then keeps a server-side session: the cookie holds a
random session id (its hash is stored), the server enforces expiry, the sign-in and sign-out forms
carry CSRF tokens (the sign-out form also its session's own), and failed sign-ins are logged and
rate-limited per token prefix and per client address.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Annotated

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import ResponseHeader
from litestar.enums import MediaType
from litestar.exceptions import PermissionDeniedException
from litestar.params import FromQuery, JSONBody, QueryParameter, URLEncodedBody
from litestar.response import Redirect, Stream
from litestar.utils.scope.state import ScopeState

from backend.api.auth import LEADS, SESSION_COOKIE, require
from backend.api.deps import RuntimeDep
from backend.api.schemas import QAVerdictIn
from backend.dates import to_utc_iso
from backend.errors import RateLimited
from backend.services import access, analytics, exports, qa, qa_feedback
from backend.services import users as user_service


def _iso(value: str | None, name: str) -> str | None:
    return None if value is None else to_utc_iso(value, name)


class ExportController(Controller):
    path = "/v1/summaries"
    tags = ["reports"]
    guards = [require(*LEADS)]

    @get("/export", sync_to_thread=True)
    def export(self, rt: RuntimeDep, since: FromQuery[str | None] = None, until: FromQuery[str | None] = None,
               agent: FromQuery[str | None] = None, helpdesk: FromQuery[str | None] = None,
               export_format: Annotated[str, QueryParameter(name="format")] = "csv",
               generate_missing: FromQuery[bool] = False) -> Stream:
        """Each conversation's latest summary as streamed CSV or JSONL (flat memory at any size)."""
        if export_format not in ("csv", "jsonl"):
            from backend.errors import InvalidInput

            raise InvalidInput("format must be csv or jsonl")
        since, until = _iso(since, "since"), _iso(until, "until")
        if generate_missing:
            exports.generate_missing(rt, since=since, until=until, helpdesk=helpdesk)
        lines = exports.export_lines(rt, export_format, since=since, until=until, agent=agent, helpdesk=helpdesk)
        return Stream((line.encode() for line in lines), media_type=exports.MEDIA_TYPES[export_format],
                      headers={"Content-Disposition": f'attachment; filename="summaries.{export_format}"'})


class HandoffExportController(Controller):
    path = "/v1/reports"
    tags = ["reports"]
    guards = [require(*LEADS)]

    @get("/handoff", sync_to_thread=True)
    def handoff_export(self, rt: RuntimeDep, since: FromQuery[str | None] = None,
                       until: FromQuery[str | None] = None,
                       export_format: Annotated[str, QueryParameter(name="format")] = "csv") -> Stream:
        """Handoff metrics, one row per conversation last active in the window, as streamed CSV or JSONL."""
        from backend.services import handoff

        lines = handoff.export_lines(rt, export_format, since=_iso(since, "since"),
                                     until=_iso(until, "until"))
        first = next(lines, "")  # a bad format fails here, before the response starts
        return Stream((line.encode() for line in _chain(first, lines)), media_type=exports.MEDIA_TYPES[export_format],
                      headers={"Content-Disposition": f'attachment; filename="handoff.{export_format}"'})


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


class QAController(Controller):
    path = "/v1/qa"
    tags = ["reports"]
    guards = [require(*LEADS)]

    @get("/", sync_to_thread=True)
    def results(self, rt: RuntimeDep, since: FromQuery[str | None] = None,
                until: FromQuery[str | None] = None) -> dict:
        """Auto-QA results (shipped rubric) stored by `tandem qa run` or the periodic job, for conversations in the window."""
        return qa.report(rt, since=_iso(since, "since"), until=_iso(until, "until"))

    @post("/verdicts", sync_to_thread=True, status_code=201)
    def verdict(self, rt: RuntimeDep, request: Request, data: JSONBody[QAVerdictIn]) -> dict:
        """A lead's verdict on one flag of an agent message (confirm, dismiss, missed); the tone head learns from
        verdicts on rude_or_dismissive."""
        qa_feedback.record_verdict(rt, helpdesk=data.helpdesk, ticket_id=data.ticket_id, message_id=data.message_id,
                                   flag=data.flag, verdict=data.verdict, by=request.user.name, site=data.site)
        return {"recorded": True}


LOGIN_PAGE = """<!doctype html><html lang=en><head><meta charset=utf-8><title>Tandem dashboard sign-in</title>
<style>body{{font:15px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;background:#f6f8fa}}
form{{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px;width:340px}}
input{{width:100%;box-sizing:border-box;padding:8px;margin:8px 0}}button{{padding:8px 16px}}.err{{color:#cf222e}}</style>
</head><body><form method=post action=/dashboard/login><h1>Tandem dashboard</h1>
<p>Sign in with a lead or admin token (<code>tandem users add NAME --role lead</code>).</p>{error}
<input type=hidden name=_csrf_token value="{csrf}">
<input type=password name=token autocomplete=off aria-label=Token required><button type=submit>Sign in</button></form></body></html>"""
LOGOUT_FORM = ('<form method=post action=/dashboard/logout style="position:fixed;top:12px;right:16px">'
               '<input type=hidden name=_csrf_token value="{csrf}">'
               '<input type=hidden name=_session_csrf value="{session_csrf}"><button type=submit>Sign out</button></form>')


def _csrf(request: Request) -> str:
    token = ScopeState.from_scope(request.scope).csrf_token
    return token if isinstance(token, str) else ""


def _session_csrf(request: Request) -> str:
    """The signed-in session's own CSRF token (set by BearerAuth; empty for bearer-token requests)."""
    token = request.state.get("csrf_session")
    return token if isinstance(token, str) else ""


def _check_session_form(request: Request, data: dict[str, str] | None) -> None:
    """A state-changing form of a browser session must carry that session's token (403 otherwise).

    Litestar's double-submit cookie is not tied to the session: a cookie planted from a sibling
    subdomain passes it. The token stored with the session on the server cannot be planted.
    """
    if request.auth == "session" and not access.csrf_ok(_session_csrf(request), (data or {}).get("_session_csrf", "")):
        raise PermissionDeniedException("this form belongs to another session; reload the dashboard")


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


# The dashboard's pages are inline CSS and SVG with two forms: nothing else may load, frame them, or be cached.
PAGE_HEADERS = [
    ResponseHeader(name="Content-Security-Policy", value="default-src 'none'; style-src 'unsafe-inline'; "
                   "img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    ResponseHeader(name="X-Frame-Options", value="DENY"),
    ResponseHeader(name="Cache-Control", value="no-store"),
    ResponseHeader(name="Referrer-Policy", value="no-referrer"),
    ResponseHeader(name="X-Content-Type-Options", value="nosniff"),
]


class DashboardController(Controller):
    path = "/dashboard"
    tags = ["reports"]
    include_in_schema = False
    response_headers = PAGE_HEADERS

    @get("", guards=[require(*LEADS)], sync_to_thread=True, media_type=MediaType.HTML)
    def dashboard(self, rt: RuntimeDep, request: Request, since: FromQuery[str | None] = None,
                  until: FromQuery[str | None] = None) -> str:
        """The usage report, live (with a sign-out button for browser sessions)."""
        data = analytics.build(rt, since=_iso(since, "since"), until=_iso(until, "until"))
        page = analytics.render_html(data, title="Tandem dashboard")
        if request.auth == "session":
            form = LOGOUT_FORM.format(csrf=html.escape(_csrf(request)),
                                      session_csrf=html.escape(_session_csrf(request)))
            page = page.replace("<body>", "<body>" + form, 1)
        return page

    @get("/login", media_type=MediaType.HTML)
    async def login_form(self, request: Request) -> str:
        """Sign-in form (a browser cannot send a bearer header)."""
        return LOGIN_PAGE.format(error="", csrf=html.escape(_csrf(request)))

    @post("/login", media_type=MediaType.HTML, status_code=200, sync_to_thread=True)
    def login(self, rt: RuntimeDep, request: Request, data: URLEncodedBody[dict[str, str]]) -> Response:
        """Check the token and role, then start a server-side session (cookie: its random id only)."""
        client = _client(request)
        token = str((data or {}).get("token") or "").strip()
        try:
            access.check_login_allowed(rt, client, token)
        except RateLimited as exc:
            return Response(LOGIN_PAGE.format(error=f"<p class=err>{html.escape(str(exc))}</p>",
                                              csrf=html.escape(_csrf(request))),
                            status_code=429, media_type=MediaType.HTML, headers={"Retry-After": str(exc.retry_after)})
        user = user_service.authenticate(rt, token) if token else None
        if user is None or user.role not in LEADS:
            reason = "That token is not valid." if user is None else "This page needs a lead or admin token."
            access.login_failed(rt, client, token, "bad token" if user is None else f"role {user.role}")
            return Response(LOGIN_PAGE.format(error=f"<p class=err>{html.escape(reason)}</p>",
                                              csrf=html.escape(_csrf(request))),
                            status_code=401, media_type=MediaType.HTML)
        session_id, _ = access.start_session(rt, user)
        response = Redirect("/dashboard", status_code=303)
        response.set_cookie(SESSION_COOKIE, session_id, path="/dashboard", httponly=True, samesite="strict",
                            secure=rt.settings.secure_cookies or request.url.scheme == "https",
                            max_age=int(rt.settings.session_hours * 3600))
        return response

    @post("/logout", guards=[require(*LEADS)], status_code=200, sync_to_thread=True)
    def logout(self, rt: RuntimeDep, request: Request, data: URLEncodedBody[dict[str, str] | None] = None) -> Response:
        """End the session (the server forgets it; the cookie is cleared)."""
        _check_session_form(request, data)
        session_id = request.cookies.get(SESSION_COOKIE, "")
        if session_id:
            access.end_session(rt, session_id)
        response = Redirect("/dashboard/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/dashboard")
        return response
