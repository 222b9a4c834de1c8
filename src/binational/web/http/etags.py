"""Conditional GETs: an ``ETag`` on a read, and 304 Not Modified when the client's
``If-None-Match`` names it.

The tag is a hash of the answer's bytes, so it changes exactly when the answer does
(an edit, a new revision, another role seeing other events). The answer is still
computed on every request: what 304 saves is sending it. ``Cache-Control:
private, no-cache`` lets a client keep a copy but ask each time (answers to
signed-in requests are marked ``no-store`` by the session middleware instead; their
ETag still serves a script that sends it back); ``Vary`` says the answer depends on
who asks.
"""

from __future__ import annotations

import hashlib

from fastapi import Request
from fastapi.responses import Response

CACHE_CONTROL = "private, no-cache"
VARY = "Authorization, Cookie"


def entity_tag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110's weak comparison of ``If-None-Match`` (a list, or ``*``) with ``tag``."""
    if not if_none_match:
        return False
    candidates = [part.strip() for part in if_none_match.split(",")]
    return "*" in candidates or tag in (c.removeprefix("W/") for c in candidates)


def conditional(request: Request, response: Response) -> Response:
    """``response`` with its ETag, or a bodiless 304 if the client has it already."""
    tag = entity_tag(bytes(response.body))
    headers = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "Vary": VARY}
    if matches(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=headers)
    response.headers.update(headers)
    return response
