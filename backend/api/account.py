"""Who am I, and the user list for admins."""

from __future__ import annotations

from litestar import Controller, Request, get

from backend.api.auth import ANY_ROLE, require
from backend.api.deps import RuntimeDep
from backend.models import User, UserRecord
from backend.services import users as user_service


class AccountController(Controller):
    path = "/v1"
    tags = ["account"]

    @get("/me", guards=[require(*ANY_ROLE)])
    async def me(self, request: Request) -> User:
        """Who this token belongs to."""
        return request.user

    @get("/users", guards=[require("admin")], sync_to_thread=True)
    def users(self, rt: RuntimeDep) -> list[UserRecord]:
        """All users (admin only)."""
        return user_service.list_users(rt)
