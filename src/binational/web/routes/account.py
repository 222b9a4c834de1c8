"""Signing in and out, one's own password, the language switch, and the admin's user
management."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from binational.accounts.roles import Actor, Role
from binational.accounts.users import (
    WrongPassword,
    admin_count,
    authenticate,
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
        users = [user_record(user) for user in list_users(session)]
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
        address = client_address(request)
        wait = web.throttle.retry_after(email, address)
        if wait is not None:
            raise TooManyAttempts(wait)
        with web.database.transaction() as session:
            user = authenticate(session, web.passwords, email, password)
            identity = (user.id, user.session_version) if user else None
        if identity is None:
            web.throttle.failed(email, address)
            return render(request, "login.html", status=401, next=safe_next(next),
                          error="error_login", email=email)  # fmt: skip
        web.throttle.succeeded(email)
        request.state.session.sign_in(*identity)
        return RedirectResponse(safe_next(next), status_code=303)

    @routes.post("/logout")
    def logout(request: Request) -> Response:
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
        wait = web.throttle.retry_after(email, address)
        if wait is not None:
            raise TooManyAttempts(wait)
        try:
            with web.database.transaction() as session:
                user = get_user(session, actor.user_id)
                change_own_password(session, web.passwords, user, current, new, repeated)
                identity = (user.id, user.session_version)
        except UserError as error:
            if isinstance(error, WrongPassword):
                web.throttle.failed(email, address)
            return render(request, "account.html", status=400, error=str(error), changed=False)
        web.throttle.succeeded(email)
        request.state.session.sign_in(*identity)  # this session goes on; the others end
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

    return routes
