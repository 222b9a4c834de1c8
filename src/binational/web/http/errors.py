"""How refusals reach the visitor: an HTML page for people, a JSON body for the API.

Routes raise these (or ``UserError`` from a service); the handlers registered by
``install_error_handlers`` choose the shape from the path (``/api/…`` answers the
API's one error shape, ``web/http/problems.py``). A method a path does not take is
405 with ``Allow`` listing the methods it does take (RFC 9110).
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from binational.errors import Busy, UserError
from binational.web.http.csrf import CsrfRefused, NoCredentials
from binational.web.http.params import PATTERN_FORMS
from binational.web.http.problems import problem
from binational.web.http.route_table import route_entries
from binational.web.http.visitor import page_visitor


class NotAuthenticated(Exception):
    """Signing in (or a valid token) is needed."""


class Forbidden(Exception):
    """Signed in, but the role does not allow this."""


class NotFound(Exception):
    def __init__(self, message: str = "not found") -> None:
        super().__init__(message)


class Conflict(Exception):
    """The request is well formed but the resource's state refuses it (409)."""


class TooManyAttempts(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def safe_next(target: str | None, default: str = "/events") -> str:
    """A local path to go back to after signing in; anything else (another host,
    a scheme, '//host', backslashes) becomes ``default``."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return default
    return target


def error_response(
    request: Request, status: int, key: str, message: str | None = None,
    field: str | None = None,
) -> Response:  # fmt: skip
    """The API's error shape or the error page, with a label key for the page."""
    if wants_json(request):
        return problem(status, message or key.replace("_", " "), field=field)
    from binational.web.rendering import render

    page_visitor(request)  # the header shows who is signed in, on error pages too
    return render(request, "error.html", status=status, error_key=key, message=message)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route takes at the request's path (for ``Allow``)."""
    methods: set[str] = set()
    for entry in route_entries(request.app.routes):
        if entry.regex.match(request.url.path):
            methods |= entry.methods
    return sorted(methods)


def validation_field(location: tuple) -> str | None:
    """('query', 'page') → 'query.page'; ('body', 'topics', 0) → 'body.topics.0'."""
    parts = [str(part) for part in location]
    return ".".join(parts) if parts else None


def invalid_value_text(error: dict) -> str:
    """Pydantic's words for a bad value, or the form it must take for a pattern."""
    context = error.get("ctx", {})
    form = PATTERN_FORMS.get(str(context.get("pattern", "")))
    if error.get("type") == "string_pattern_mismatch" and form:
        return f"{error.get('input')!r} is not {form}"
    if error.get("type") == "string_too_long" and isinstance(error.get("input"), str):
        return (f"{len(error['input']):,} characters long; it takes at most "
                f"{context.get('max_length', 0):,}")  # fmt: skip
    return str(error.get("msg", "invalid"))


def install_error_handlers(app: FastAPI) -> None:
    async def not_authenticated(request: Request, _exc: Exception) -> Response:
        if wants_json(request):
            return problem(
                401, "sign in or send an API token (Authorization: Bearer …)",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":
            target = request.headers.get("referer", "/events")
            target = "/" + target.split("/", 3)[-1] if "://" in target else target
        return RedirectResponse(f"/login?next={quote(safe_next(target))}", status_code=303)

    async def forbidden(request: Request, _exc: Exception) -> Response:
        return error_response(request, 403, "error_forbidden", "your role does not allow this")

    async def csrf_refused(request: Request, _exc: Exception) -> Response:
        return error_response(
            request, 403, "error_csrf", "the form's security token is missing or stale"
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        return error_response(request, 404, "error_not_found", str(exc))

    async def conflict(request: Request, exc: Exception) -> Response:
        return error_response(request, 409, "error_bad_request", str(exc))

    async def too_many(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, TooManyAttempts)
        response = error_response(
            request, 429, "error_too_many", "too many sign-in attempts; wait and try again"
        )
        response.headers["Retry-After"] = str(int(exc.retry_after) + 1)
        return response

    async def user_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, "error_bad_request", str(exc))

    async def busy(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Busy)
        response = error_response(request, 503, "error_busy", str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        location = tuple(first.get("loc", ()))
        where = ".".join(str(part) for part in location if part not in ("body", "query", "path"))
        message = f"{where}: {invalid_value_text(first)}" if where else "invalid request"
        field = validation_field(location)
        return error_response(request, 422, "error_bad_request", message, field)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            return error_response(request, 404, "error_not_found", "no such page")
        if exc.status_code == 405:
            allow = allowed_methods(request)
            response = error_response(
                request, 405, "error_bad_request",
                f"{request.method} is not a method of this address; it takes {', '.join(allow)}",
            )  # fmt: skip
            response.headers["Allow"] = ", ".join(allow)
            return response
        if exc.status_code == 413:
            return error_response(request, 413, "error_too_large", str(exc.detail))
        return error_response(request, exc.status_code, "error_bad_request", str(exc.detail))

    app.add_exception_handler(NotAuthenticated, not_authenticated)
    app.add_exception_handler(NoCredentials, not_authenticated)
    app.add_exception_handler(Forbidden, forbidden)
    app.add_exception_handler(CsrfRefused, csrf_refused)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(Conflict, conflict)
    app.add_exception_handler(TooManyAttempts, too_many)
    app.add_exception_handler(UserError, user_error)
    app.add_exception_handler(Busy, busy)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
