"""``/docs``: the API reference, rendered on the server from the app's OpenAPI
schema (``/openapi.json``), so it needs no script from elsewhere and keeps the
strict Content-Security-Policy. Each operation shows the role it needs and every
status it can answer; the page opens with what each role and status means."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from binational.accounts.roles import Actor
from binational.web.http.deps import current_actor
from binational.web.http.openapi import ROLE_TEXT, STATUS_TEXT
from binational.web.rendering import render

METHODS = ("get", "post", "put", "patch", "delete")
GENERAL_STATUSES = {
    200: "Done; the body is JSON (or the file asked for).",
    201: "Created; the body is the new resource.",
    304: "Not modified: `If-None-Match` named the answer's current `ETag`.",
    405: "The address does not take this method; `Allow` lists those it does.",
    **STATUS_TEXT,
}
ROLES = {"anyone": ROLE_TEXT[None], **{role: ROLE_TEXT[role] for role in
                                       ("reader", "viewer", "editor", "admin")}}  # fmt: skip


def inline_markup(text: str) -> Markup:
    """The OpenAPI text's `code` and **strong** spans as HTML, everything else escaped."""
    html = str(escape(text))
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    return Markup(re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", html))


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One entry per operation: method, path, tag, summary, parameters, body."""
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            reference = body.get("schema", {}).get("$ref", "")
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "tag": (operation.get("tags") or ["other"])[0],
                    "summary": operation.get("summary", ""),
                    "description": inline_markup(operation.get("description", "")),
                    "parameters": [
                        {"name": p["name"], "in": p["in"], "required": p.get("required", False)}
                        for p in operation.get("parameters", [])
                    ],
                    "body": reference.rsplit("/", 1)[-1] or None,
                    "role": operation.get("x-role", "anyone"),
                    "responses": [
                        (status, inline_markup(answer.get("description", "")))
                        for status, answer in operation.get("responses", {}).items()
                    ],
                }
            )
    return sorted(
        found, key=lambda op: (op["tag"], op["path"], METHODS.index(op["method"].lower()))
    )


def router() -> APIRouter:
    routes = APIRouter(include_in_schema=False)

    @routes.get("/docs")
    def api_docs(request: Request, actor: Actor = Depends(current_actor)) -> Response:
        schema = request.app.openapi()
        components = schema.get("components", {}).get("schemas", {})
        return render(
            request, "docs.html", operations=operations(schema), components=components,
            info=schema.get("info", {}), roles={k: inline_markup(v) for k, v in ROLES.items()},
            statuses=[(k, inline_markup(v)) for k, v in sorted(GENERAL_STATUSES.items())],
        )  # fmt: skip

    return routes
