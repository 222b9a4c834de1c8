"""The JSON API's user management: admins only."""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Depends, Request

from binational.accounts.roles import Actor
from binational.accounts.sessions import end_user_sessions, open_session_counts
from binational.accounts.users import (
    admin_count,
    create_user,
    list_users,
    set_active,
    set_role,
    user_record,
)
from binational.web.http.deps import require_admin, web_context
from binational.web.http.errors import Conflict
from binational.web.http.params import Id
from binational.web.routes import api_guards as guard
from binational.web.routes.api_bodies import NewUser, UserChange

Record = dict[str, Any]
LAST_ADMIN = {409: {"description": "No active admin would be left."}}


def users_router() -> APIRouter:
    api = APIRouter(tags=["users"])

    @api.get("/users")
    def users(request: Request, actor: Actor = Depends(require_admin)) -> list[Record]:
        """Every account, with its role, whether it is active, and its open sessions."""
        with web_context(request).database.sessions() as session:
            counts = open_session_counts(session, time.time())
            return [user_record(user, counts.get(user.id, 0)) for user in list_users(session)]

    @api.post("/users", status_code=201,
              responses={409: {"description": "There is already a user with that email."}})
    def add_user(request: Request, body: NewUser, actor: Actor = Depends(require_admin)) -> Record:
        """Create an account (it signs in with the password; `binational users token`
        gives it an API token)."""
        web = web_context(request)
        with web.database.transaction() as session:
            guard.new_email(session, body.email)
            return user_record(
                create_user(session, web.passwords, body.email, body.role, body.password)
            )

    @api.patch("/users/{user_id}", responses=LAST_ADMIN)
    def change_user(
        request: Request, user_id: Id, body: UserChange, actor: Actor = Depends(require_admin)
    ) -> Record:
        """Change an account's role or (de)activate it; its sessions end, and a
        deactivated account's API tokens are revoked."""
        with web_context(request).database.transaction() as session:
            user = guard.existing_user(session, user_id)
            if body.role is not None and body.role != user.role:
                set_role(session, user, body.role)
            if body.active is not None:
                set_active(session, user, body.active)
            if admin_count(session) == 0:
                raise Conflict("the last active admin cannot be demoted or deactivated")
            return user_record(user)

    @api.delete("/users/{user_id}/sessions")
    def sign_out_everywhere(
        request: Request, user_id: Id, actor: Actor = Depends(require_admin)
    ) -> Record:
        """End every session of the account at once (its API tokens stay)."""
        with web_context(request).database.transaction() as session:
            ended = end_user_sessions(session, guard.existing_user(session, user_id))
        return {"id": user_id, "sessions_ended": ended}

    return api
