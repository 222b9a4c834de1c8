"""Signing in and out, one's own password, the language switch, and the admin's user
management."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from binational.accounts.roles import Actor, Role
from binational.accounts.sessions import (
    end_session,
    end_user_sessions,
    open_session_counts,
    sign_in,
    start_session,
)
from binational.accounts.users import (
    WrongPassword,
    admin_count,
    change_own_password,
    create_user,
    get_user,
    list_users,
    set_active,
    set_role,
    user_record,
)
from binational.errors import UserError
from binational.web.http.deps import current_actor, require_admin, require_viewer, web_context
from binational.web.http.errors import TooManyAttempts, safe_next
from binational.web.i18n.translator import COOKIE, LANGUAGES
from binational.web.rendering import render

YEAR = 365 * 24 * 3600


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _users_page(request: Request, status: int = 200, error: str | None = None) -> Response:
    web = web_context(request)
    with web.database.sessions() as session:
        counts = open_session_counts(session, time.time())
        users = [user_record(user, counts.get(user.id, 0)) for user in list_users(session)]
    return render(request, "users.html", status=status, users=users, error=error,
                  roles=[r.value for r in Role])  # fmt: skip


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/")
    def home(actor: Actor = Depends(current_actor)) -> Response:
        return RedirectResponse("/events", status_code=303)

    @routes.get("/login")
    def login_page(request: Request, next: str = "/events") -> Response:
        return render(request, "login.html", next=safe_next(next), error=None, email="")

    @routes.post("/login")
    def login(
        request: Request,
        email: str = Form(""),
        password: str = Form(""),
        next: str = Form("/events"),
    ) -> Response:
        web = web_context(request)
        outcome = sign_in(web.database, web.passwords, web.throttle, email, password,
                          client_address(request), web.settings.session_hours)  # fmt: skip
        if outcome.retry_after is not None:
            raise TooManyAttempts(outcome.retry_after)
        if outcome.token is None:
            return render(request, "login.html", status=401, next=safe_next(next),
                          error="error_login", email=email)  # fmt: skip
        request.state.session.sign_in(outcome.token)
        return RedirectResponse(safe_next(next), status_code=303)

    @routes.post("/logout")
    def logout(request: Request) -> Response:
        """Ends the session in the database, so its cookie is worthless from now on."""
        token = request.state.session.token
        if token is not None:
            with web_context(request).database.transaction() as session:
                end_session(session, token)
        request.state.session.sign_out()
        return RedirectResponse("/login", status_code=303)

    @routes.get("/language/{code}")
    def language(request: Request, code: str, next: str = "/events") -> Response:
        response = RedirectResponse(safe_next(next), status_code=303)
        if code in LANGUAGES:
            response.set_cookie(COOKIE, code, max_age=YEAR, samesite="lax", httponly=True)
        return response

    @routes.get("/account")
    def account_page(request: Request, actor: Actor = Depends(require_viewer)) -> Response:
        changed = request.query_params.get("changed") == "1"
        return render(request, "account.html", error=None, changed=changed)

    @routes.post("/account/password")
    def change_password(
        request: Request,
        current: str = Form(""),
        new: str = Form(""),
        repeated: str = Form(""),
        actor: Actor = Depends(require_viewer),
    ) -> Response:
        """Throttled like signing in: the current password is checked here too."""
        web = web_context(request)
        email, address = actor.email or "", client_address(request)
        with web.database.sessions() as session:
            wait = web.throttle.retry_after(session, email, address)
        if wait is not None:
            raise TooManyAttempts(wait)
        try:
            with web.database.transaction() as session:
                user = get_user(session, actor.user_id)
                change_own_password(session, web.passwords, user, current, new, repeated)
                web.throttle.succeeded(session, email)
                token = start_session(session, user, web.settings.session_hours, time.time())
        except WrongPassword as error:
            with web.database.transaction() as session:
                web.throttle.failed(session, email, address)
            return render(request, "account.html", status=400, error=str(error), changed=False)
        except UserError as error:
            return render(request, "account.html", status=400, error=str(error), changed=False)
        request.state.session.sign_in(token)  # every session ended; this browser gets a new one
        return RedirectResponse("/account?changed=1", status_code=303)

    @routes.get("/users")
    def users_page(request: Request, actor: Actor = Depends(require_admin)) -> Response:
        return _users_page(request)

    @routes.post("/users")
    def add_user(
        request: Request,
        email: str = Form(...),
        role: str = Form(...),
        password: str = Form(...),
        actor: Actor = Depends(require_admin),
    ) -> Response:
        web = web_context(request)
        try:
            with web.database.transaction() as session:
                create_user(session, web.passwords, email, role, password)
        except UserError as error:
            return _users_page(request, 400, str(error))
        return RedirectResponse("/users", status_code=303)

    @routes.post("/users/{user_id}")
    def change_user(
        request: Request,
        user_id: int,
        role: str = Form(...),
        active: str = Form("no"),
        actor: Actor = Depends(require_admin),
    ) -> Response:
        web = web_context(request)
        try:
            with web.database.transaction() as session:
                user = get_user(session, user_id)
                if user.role != role:
                    set_role(session, user, role)
                set_active(session, user, active == "yes")
                if admin_count(session) == 0:
                    raise UserError("the last active admin cannot be demoted or deactivated")
        except UserError as error:
            return _users_page(request, 400, str(error))
        return RedirectResponse("/users", status_code=303)

    @routes.post("/users/{user_id}/sign-out")
    def sign_out_everywhere(
        request: Request, user_id: int, actor: Actor = Depends(require_admin)
    ) -> Response:
        """End every session of the account (a lost laptop, a departure)."""
        with web_context(request).database.transaction() as session:
            end_user_sessions(session, get_user(session, user_id))
        return RedirectResponse("/users", status_code=303)

    return routes
