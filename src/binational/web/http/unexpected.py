"""The last line of defence: an exception no handler expected becomes a 500 page or
JSON naming an error id, logged with its traceback under that id, and the
connection stays open.

Starlette's own server-error middleware answers 500 too, but then raises the
exception again to the server, and uvicorn closes a connection whose application
raised: every request kept alive on it fails with it. This middleware answers and
does not raise.
"""

from __future__ import annotations

import logging
import secrets

from fastapi.responses import PlainTextResponse, Response
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from binational.web.http.problems import problem

LOG = logging.getLogger("binational.web")


def error_id() -> str:
    return secrets.token_hex(6)


def unexpected_response(request: Request, reference: str) -> Response:
    """The 500 answer: JSON under /api, else the error page (plain text if even the
    page cannot be drawn)."""
    message = f"something went wrong on the server; it was logged as error {reference}"
    headers = {"Cache-Control": "no-store"}
    if request.url.path.startswith("/api"):
        return problem(500, message, error_id=reference, headers=headers)
    try:
        from binational.web.rendering import render

        response = render(request, "error.html", status=500, error_key="error_unexpected",
                          message=message)  # fmt: skip
    except Exception:  # the page itself may be what fails
        return PlainTextResponse(message, status_code=500, headers=headers)
    response.headers.update(headers)
    return response


class UnexpectedErrorMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watching_send)
        except Exception as error:
            reference = error_id()
            LOG.error("error %s on %s %s", reference, scope.get("method"), scope.get("path"),
                      exc_info=error)  # fmt: skip
            if started:  # half a response is out: nothing better than ending it
                raise
            response = unexpected_response(Request(scope, receive), reference)
            await response(scope, receive, send)
