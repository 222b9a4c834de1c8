"""The browser's session cookie, signed (itsdangerous): HttpOnly, SameSite=Lax, and
Secure over https or when the ``secure_cookies`` setting says so.

The cookie holds the CSRF secret and, once signed in, the token of a session kept in
the database (``accounts/sessions.py``): which user it is and whether it is still
open are the database's to say, so signing out ends it for good. A cookie that is
forged, tampered with or older than ``session_hours`` is ignored and the visitor
starts anonymous.
"""

from __future__ import annotations

import functools
import secrets
import time
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE_NAME = "binational_session"


class WebSession:
    """The decoded cookie of one request; ``modified`` tells the middleware to send
    a new one."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = dict(data or {})
        self.modified = False

    @property
    def token(self) -> str | None:
        """The token of the server-side session, once signed in."""
        value = self._data.get("sid")
        return value if isinstance(value, str) and value else None

    @property
    def existing_csrf(self) -> str | None:
        """The CSRF secret if this session already has one (never creates one)."""
        value = self._data.get("csrf")
        return value if isinstance(value, str) and value else None

    def csrf_token(self) -> str:
        """The session's CSRF token, created on first use."""
        if self.existing_csrf is None:
            self._data["csrf"] = secrets.token_urlsafe(32)
            self.modified = True
        return self._data["csrf"]

    def sign_in(self, token: str) -> None:
        """A fresh cookie (and CSRF secret) for a new server-side session: nothing of
        the anonymous session survives sign-in, so a planted cookie cannot be fixed on."""
        self._data = {"sid": token, "csrf": secrets.token_urlsafe(32)}
        self.modified = True

    def sign_out(self) -> None:
        self._data = {"csrf": secrets.token_urlsafe(32)}
        self.modified = True

    def data(self) -> dict[str, Any]:
        return dict(self._data)


class SessionCodec:
    """Signs and checks session cookies with the app's secret key.

    Cookies that passed the check are remembered (``functools.lru_cache`` from the
    exact cookie string to its data and signing time), so the next request with the
    same cookie skips the HMAC and JSON work, about 5% of a page's CPU; its age is
    still checked every time. A cookie that fails the check raises, and exceptions
    are not cached: only verified strings are remembered, so the memory cannot be
    used to plant a session."""

    def __init__(
        self,
        secret_key: str,
        max_age_seconds: int,
        clock: Callable[[], float] = time.time,
        remembered: int = 4096,
    ) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="binational.session")
        self.max_age = max_age_seconds
        self.clock = clock
        self._verified = functools.lru_cache(maxsize=remembered)(self._verify)

    def dumps(self, session: WebSession) -> str:
        return self._serializer.dumps(session.data())

    def _verify(self, cookie: str) -> tuple[dict[str, Any], float]:
        """The cookie's data and signing time; BadSignature if it is not ours or
        holds no session. Its age is checked by the caller, on every request."""
        data, signed_at = self._serializer.loads(cookie, return_timestamp=True)
        if not isinstance(data, dict):
            raise BadSignature("the cookie holds no session")
        return data, signed_at.timestamp()

    def loads(self, cookie: str | None) -> WebSession:
        if not cookie:
            return WebSession()
        try:
            data, signed_at = self._verified(cookie)
        except BadSignature:
            return WebSession()
        if self.clock() - signed_at > self.max_age:
            return WebSession()
        return WebSession(data)  # WebSession copies: the remembered data stays as is


def read_cookie(scope: Scope, name: str) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed Cookie header is treated as no cookie
                continue
            if name in jar:
                return jar[name].value
    return None


def signed_in_request(scope: Scope, session: WebSession) -> bool:
    """Whether the request speaks for someone (a session cookie, a bearer token), so
    that its answer must not be kept by any cache."""
    if session.token is not None or session.modified:
        return True
    return any(key == b"authorization" for key, _ in scope.get("headers", ()))


def without_header(headers: list[tuple[bytes, bytes]], name: bytes) -> list[tuple[bytes, bytes]]:
    return [(key, value) for key, value in headers if key.lower() != name]


def cookie_header(name: str, value: str, max_age: int, secure: bool) -> bytes:
    parts = [f"{name}={value}", "Path=/", f"Max-Age={max_age}", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return "; ".join(parts).encode("latin-1")


class SessionMiddleware:
    """Puts ``request.state.session`` on every HTTP request, sends the cookie back
    when the session changed, and marks every answer to a signed-in request (or one
    that sets the cookie) ``Cache-Control: no-store``, static files excepted."""

    def __init__(self, app: ASGIApp, codec: SessionCodec, always_secure: bool) -> None:
        self.app = app
        self.codec = codec
        self.always_secure = always_secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        session = self.codec.loads(read_cookie(scope, COOKIE_NAME))
        scope.setdefault("state", {})["session"] = session
        secure = self.always_secure or scope.get("scheme") == "https"

        static = scope["path"].startswith("/static/")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not static and signed_in_request(scope, session):
                    headers = [*without_header(headers, b"cache-control"),
                               (b"cache-control", b"no-store")]  # fmt: skip
                if session.modified:
                    value = self.codec.dumps(session)
                    header = cookie_header(COOKIE_NAME, value, self.codec.max_age, secure)
                    headers.append((b"set-cookie", header))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cookie)
