"""``/docs``: the API reference, rendered on the server from the app's OpenAPI
schema (``/openapi.json``), so it needs no script from elsewhere and keeps the
strict Content-Security-Policy."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from binational.accounts.roles import Actor
from binational.web.http.deps import current_actor
from binational.web.rendering import render

METHODS = ("get", "post", "put", "patch", "delete")


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
                    "description": operation.get("description", ""),
                    "parameters": [
                        {"name": p["name"], "in": p["in"], "required": p.get("required", False)}
                        for p in operation.get("parameters", [])
                    ],
                    "body": reference.rsplit("/", 1)[-1] or None,
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
            info=schema.get("info", {}),
        )  # fmt: skip

    return routes
