"""The request body's size limit (the ``max_body_bytes`` setting), applied before
the body is read: a ``Content-Length`` over it is refused before a byte of the body
is taken, and a body without one (chunked) is counted as it comes and refused as
soon as it passes the limit. JSON and forms alike; the refusal is the app's own 413
(JSON under /api, else the error page), one sentence naming the limit.

Written here rather than taken from Starlette's ``RequestBodyLimitMiddleware``
(FastAPI's ``max_body_size``): that one replaces any answer to an oversized request
with a plain-text "Content Too Large", which can carry neither the JSON error of the
API nor the page.
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request is larger than the {limit:,} bytes this server accepts")


def declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            from binational.web.http.errors import error_response

            error = BodyTooLarge(self.max_bytes)
            response = error_response(Request(scope), 413, "error_too_large", error.detail)
            response.headers["Connection"] = "close"  # the unread body is not waited for
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counting_receive, send)
