"""CSRF protection: a synchronizer token tied to the session.

Every form carries the session's token in a hidden ``csrf_token`` field (scripts in
the page send it as ``X-CSRF-Token``); every unsafe request that relies on the
browser's cookies must bring it back. The check is one app-wide dependency, so a new
route cannot forget it. Requests authenticated by ``Authorization: Bearer`` carry no
ambient credential a third-party site could ride on, and are not asked for it. An
API write with no credentials at all is refused as unauthenticated (401).
"""

from __future__ import annotations

import hmac

from fastapi import Request

from binational.web.http.bearer import bearer_token

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
FIELD = "csrf_token"
HEADER = "x-csrf-token"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class CsrfRefused(Exception):
    """An unsafe request from a browser session without the right token."""


class NoCredentials(Exception):
    """An unsafe API request with neither a token nor a signed-in session: the
    answer is 401 (sign in or send a token), not a word about forms' tokens."""


def tokens_match(expected: str | None, sent: str | None) -> bool:
    if not expected or not sent:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), sent.encode("utf-8"))


async def sent_token(request: Request) -> str | None:
    header = request.headers.get(HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(FORM_TYPES):
        value = (await request.form()).get(FIELD)
        return value if isinstance(value, str) else None
    return None


async def csrf_guard(request: Request) -> None:
    """App-wide dependency: refuse an unsafe request without the session's token."""
    if request.method in SAFE_METHODS:
        return
    if bearer_token(request.headers.get("authorization")):
        return
    if request.url.path.startswith("/api/") and request.state.session.token is None:
        raise NoCredentials()
    expected = request.state.session.existing_csrf
    if not tokens_match(expected, await sent_token(request)):
        raise CsrfRefused()
