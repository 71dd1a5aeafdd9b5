"""Bearer-token authentication (dashboard pages also accept a server-side session cookie) and role guards."""

from __future__ import annotations

from collections.abc import Callable

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.types import Receive, Scope, Send

from backend.api.errors import http_error
from backend.models import User
from backend.services import access
from backend.services import users as user_service
from backend.vocabulary import USER_ROLES

ANY_ROLE = USER_ROLES
LEADS = ("lead", "admin")
CURATORS = ("knowledge_manager", "admin")
SESSION_COOKIE = "tandem_session"


class BearerAuth(AbstractAuthenticationMiddleware):
    """Every route but /healthz needs `Authorization: Bearer TOKEN` of an active user (401 otherwise)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Authenticate, answering a failure here: raised, it would pass the request-id, access-log and metrics
        middleware around this one and be answered outside them (logged as a 500, no X-Request-ID)."""
        if scope["type"] != "http" or scope.get("method") in self.exclude_http_methods \
                or (self.exclude is not None and self.exclude.findall(scope["path"])):
            await self.app(scope, receive, send)
            return
        try:
            result = await self.authenticate_request(ASGIConnection(scope))
        except NotAuthorizedException as exc:
            request: Request = Request(scope, receive)
            await http_error(request, exc).to_asgi_response(app=None, request=request)(scope, receive, send)
            return
        scope["user"], scope["auth"] = result.user, result.auth
        await self.app(scope, receive, send)

    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        rt = connection.app.state.rt
        header = connection.headers.get("authorization", "")
        if not header and connection.scope["path"].startswith("/dashboard"):
            # Browsers cannot send a bearer header on navigation: the dashboard has server-side sessions.
            found = access.session(rt, connection.cookies.get(SESSION_COOKIE, ""))
            if found is None:
                raise NotAuthorizedException("sign in at /dashboard/login with a lead or admin token")
            connection.scope.setdefault("state", {})["csrf_session"] = found.csrf
            return AuthenticationResult(user=found.user, auth="session")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthorizedException("missing bearer token (Authorization: Bearer TOKEN)")
        user = user_service.authenticate(rt, token.strip())
        if user is None:
            raise NotAuthorizedException("invalid or revoked token")
        return AuthenticationResult(user=user, auth="token")


def require(*roles: str) -> Callable[[ASGIConnection, BaseRouteHandler], None]:
    """A guard letting through only users with one of `roles` (403 otherwise)."""

    def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        user = connection.scope.get("user")  # absent when the middleware skipped the request (e.g. OPTIONS)
        if not isinstance(user, User):
            raise NotAuthorizedException("missing bearer token (Authorization: Bearer TOKEN)")
        if user.role not in roles:
            raise PermissionDeniedException(f"this route needs one of the roles: {', '.join(roles)}")

    return guard
