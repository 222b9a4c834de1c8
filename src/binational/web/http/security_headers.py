"""Security headers on every response: a Content-Security-Policy with no inline
scripts and no framing, no MIME sniffing, no referrer leaks, and HSTS when the
request came over https (directly, or through a trusted proxy that says so).

A route may send its own Content-Security-Policy (the report preview, a document
with inline styles shown in a sandboxed frame, does); the others are always set.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "frame-src 'self'",
    )
)
# The report preview: the renderer's self-contained page (inline CSS), no scripts,
# shown only inside our own builder page.
PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)


# A year; browsers then refuse plain http for the host. Sent only over https (RFC
# 6797 tells browsers to ignore it over http anyway).
HSTS = (b"strict-transport-security", b"max-age=31536000")


def with_security_headers(
    headers: list[tuple[bytes, bytes]], https: bool = False
) -> list[tuple[bytes, bytes]]:
    present = {name.lower() for name, _ in headers}
    extra = [(name, value) for name, value in HEADERS if name not in present]
    if b"content-security-policy" not in present:
        extra.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
        extra.append((b"x-frame-options", b"DENY"))
    if https:
        extra.append(HSTS)
    return [*headers, *extra]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                message["headers"] = with_security_headers(headers, scope["scheme"] == "https")
            await send(message)

        await self.app(scope, receive, send_with_headers)
