"""Team-lead routes: streamed summary exports and the /dashboard page (the report, served live)."""

from __future__ import annotations

import html

from litestar import Controller, Request, Response, get, post
from litestar.enums import MediaType
from litestar.params import Parameter
from litestar.response import Redirect, Stream

from backend.api.auth import DASHBOARD_COOKIE, LEADS, require
from backend.dates import to_utc_iso
from backend.services import analytics, exports
from backend.services import users as user_service


def _iso(value: str | None, name: str) -> str | None:
    return None if value is None else to_utc_iso(value, name)


class ExportController(Controller):
    path = "/v1/summaries"
    tags = ["reports"]
    guards = [require(*LEADS)]

    @get("/export", sync_to_thread=True)
    def export(self, request: Request, since: str | None = None, until: str | None = None, agent: str | None = None,
               helpdesk: str | None = None, export_format: str = Parameter(query="format", default="csv"),
               generate_missing: bool = False) -> Stream:
        """Each conversation's latest summary as streamed CSV or JSONL (flat memory at any size)."""
        if export_format not in ("csv", "jsonl"):
            raise ValueError("format must be csv or jsonl")
        rt = request.app.state.rt
        since, until = _iso(since, "since"), _iso(until, "until")
        if generate_missing:
            exports.generate_missing(rt, since=since, until=until, helpdesk=helpdesk)
        lines = exports.export_lines(rt, export_format, since=since, until=until, agent=agent, helpdesk=helpdesk)
        return Stream((line.encode() for line in lines), media_type=exports.MEDIA_TYPES[export_format],
                      headers={"Content-Disposition": f'attachment; filename="summaries.{export_format}"'})


LOGIN_PAGE = """<!doctype html><html lang=en><head><meta charset=utf-8><title>Tandem dashboard sign-in</title>
<style>body{{font:15px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;background:#f6f8fa}}
form{{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px;width:340px}}
input{{width:100%;box-sizing:border-box;padding:8px;margin:8px 0}}button{{padding:8px 16px}}.err{{color:#cf222e}}</style>
</head><body><form method=post action=/dashboard/login><h1>Tandem dashboard</h1>
<p>Sign in with a lead or admin token (<code>tandem users add NAME --role lead</code>).</p>{error}
<input type=password name=token autocomplete=off aria-label=Token required><button type=submit>Sign in</button></form></body></html>"""


class DashboardController(Controller):
    path = "/dashboard"
    tags = ["reports"]
    include_in_schema = False

    @get("", guards=[require(*LEADS)], sync_to_thread=True, media_type=MediaType.HTML)
    def dashboard(self, request: Request, since: str | None = None, until: str | None = None) -> str:
        """The usage report, live."""
        rt = request.app.state.rt
        data = analytics.build(rt, since=_iso(since, "since"), until=_iso(until, "until"))
        return analytics.render_html(data, title="Tandem dashboard")

    @get("/login", media_type=MediaType.HTML)
    async def login_form(self) -> str:
        """Sign-in form (a browser cannot send a bearer header)."""
        return LOGIN_PAGE.format(error="")

    @post("/login", media_type=MediaType.HTML, status_code=200)
    async def login(self, request: Request) -> Response:
        """Check the token and role, then keep it in an HttpOnly, SameSite=Strict cookie for /dashboard."""
        form = await request.form()
        token = str(form.get("token") or "").strip()
        user = user_service.authenticate(request.app.state.rt, token) if token else None
        if user is None or user["role"] not in LEADS:
            reason = "That token is not valid." if user is None else "This page needs a lead or admin token."
            return Response(LOGIN_PAGE.format(error=f"<p class=err>{html.escape(reason)}</p>"), status_code=401,
                            media_type=MediaType.HTML)
        response = Redirect("/dashboard", status_code=303)
        response.set_cookie(DASHBOARD_COOKIE, token, path="/dashboard", httponly=True, samesite="strict",
                            secure=request.url.scheme == "https", max_age=8 * 3600)
        return response
