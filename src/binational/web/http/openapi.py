"""The OpenAPI document of ``/api``, made to tell the truth about what each operation
answers and who may call it.

FastAPI documents a route's parameters, body and success; what it cannot see are
the answers that come from the app's own plumbing. Those are read here from the
route itself, so the document cannot drift from the code:

- the role an operation needs is the access dependency it declares (``reader``,
  ``require_viewer``, ``require_editor``, ``require_admin`` in ``deps.py``): it
  becomes the operation's ``security`` (a bearer token or the session cookie;
  optional for reads when the server's ``public_read`` is on), an ``x-role``, and a
  sentence in its description;
- 401 for every operation that looks at the caller (a bad token is refused even
  where reading is public), 403 where a role is needed and on every write (the CSRF
  guard of cookie sessions), 404 for every path with a parameter (ids past 64 bits
  included), 413 (the body limit) and 500 everywhere, 422 where there is anything
  to validate, 503 on writes (the database's write lock);
- every error answer has the one error shape, ``ApiError`` (FastAPI's own
  ``HTTPValidationError`` is never sent, so it is replaced).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from binational.publish.formats import MEDIA_TYPES
from binational.web.http.deps import reader, require_admin, require_editor, require_viewer
from binational.web.http.problems import JSON_TYPE, ApiError
from binational.web.http.route_table import route_entries
from binational.web.http.sessions import COOKIE_NAME

ERROR_REF = "#/components/schemas/ApiError"
UNSAFE = {"post", "put", "patch", "delete"}

ROLE_OF: dict[Callable[..., Any], str] = {
    reader: "reader",
    require_viewer: "viewer",
    require_editor: "editor",
    require_admin: "admin",
}
ROLE_TEXT = {
    None: "Open to anyone, without credentials.",
    "reader": "Needs a signed-in user of any role (viewer, editor or admin), by session "
    "or bearer token; anyone when the server's `public_read` setting is on (then "
    "anonymous callers see published events only).",
    "viewer": "Needs the viewer role or above (viewer, editor or admin).",
    "editor": "Needs the editor role or above (editor or admin).",
    "admin": "Needs the admin role.",
}
STATUS_TEXT = {
    400: "Refused: the body is not JSON, or a value passes the document's checks "
    "but not the server's (`error` says which).",
    401: "No valid credentials: sign in, or send `Authorization: Bearer TOKEN` "
    "(a token that is wrong, revoked or whose user is deactivated is refused).",
    403: "The caller's role does not allow this, or a cookie session's write came "
    "without its CSRF token (`X-CSRF-Token`).",
    404: "Nothing at this address: no such id, slug or period (ids past 64 bits "
    "name nothing), or hidden from this caller.",
    409: "The resource's present state refuses the change; `error` says why.",
    413: "The request body is larger than the server's `max_body_bytes`.",
    422: "A parameter or body field is missing, of the wrong type or out of range; "
    "`field` names it.",
    500: "Something went wrong on the server; `error_id` names the log entry.",
    503: "The database is busy with another write; try again after `Retry-After` seconds.",
}
HEADERS = {
    401: {"WWW-Authenticate": {"schema": {"type": "string"}, "description": "`Bearer`"}},
    503: {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
}
SECURITY_SCHEMES = {
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token, made with `binational users token EMAIL`; the "
        "token acts as that user, with that user's role.",
    },
    "session": {
        "type": "apiKey",
        "in": "cookie",
        "name": COOKIE_NAME,
        "description": "The web app's session after signing in; writes must also "
        "send the session's CSRF token as `X-CSRF-Token`.",
    },
}
DESCRIPTION = (
    "The JSON API of binational: every page's twin, for scripts.\n\n"
    "**Errors** all have one shape, `ApiError`: `{\"error\": \"one sentence\", "
    "\"field\": \"query.page\"}`. A method a path does not take answers 405 with an "
    "`Allow` header listing those it does. Every JSON answer says "
    "`Content-Type: application/json; charset=utf-8`.\n\n"
    "**Caching**: reads of events, institutions and reports carry an `ETag`; send it "
    "back in `If-None-Match` and an unchanged answer is 304 with no body.\n\n"
    "**Pages**: lists that come in pages give `links` (`first`, `prev`, `next`, "
    "`last`) in the body and the same in a `Link` header; follow `next` until it is "
    "null."
)


def file_answer(formats: Iterable[str]) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for an operation that answers a file in one of ``formats``."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    content = {MEDIA_TYPES[name]: binary for name in formats}
    return {200: {"description": "The file, as an attachment.", "content": content}}


def dependency_calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dependency in dependant.dependencies:
        if dependency.call is not None:
            yield dependency.call
        yield from dependency_calls(dependency)


def route_role(route: APIRoute) -> str | None:
    """The access an operation needs, from the dependency it declares."""
    for call in dependency_calls(route.dependant):
        if call in ROLE_OF:
            return ROLE_OF[call]
    return None


def security_for(role: str | None, public_read: bool) -> list[dict[str, list]]:
    if role is None:
        return []
    required: list[dict[str, list]] = [{"bearer": []}, {"session": []}]
    return [{}, *required] if role == "reader" and public_read else required


def error_answer(status: int) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": STATUS_TEXT[status],
        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
    }
    if status in HEADERS:
        answer["headers"] = HEADERS[status]
    return answer


def statuses_for(path: str, method: str, operation: dict[str, Any], role: str | None) -> set[int]:
    found = {413, 500}
    if role is not None:
        found.add(401)
    if role not in (None, "reader") or method in UNSAFE:
        found.add(403)
    if "{" in path:
        found.add(404)
    if operation.get("parameters") or operation.get("requestBody"):
        found.add(422)
    if operation.get("requestBody"):
        found.add(400)  # a body that is not JSON
    if method in UNSAFE:
        found.add(503)
    return found


def document_operation(
    path: str, method: str, operation: dict[str, Any], role: str | None, public_read: bool
) -> None:
    operation["security"] = security_for(role, public_read)
    operation["x-role"] = role or "anyone"
    text = operation.get("description", "").strip()
    operation["description"] = f"{text}\n\n**Access**: {ROLE_TEXT[role]}".strip()
    responses = operation.setdefault("responses", {})
    for status in sorted(statuses_for(path, method, operation, role)):
        responses.setdefault(str(status), {})
    for key, answer in responses.items():
        status = int(key)
        if status >= 400:
            given = answer.get("description")
            answer.update(error_answer(status))
            if given and given not in ("Validation Error", "Successful Response"):
                answer["description"] = given


def plain_json(operation: dict[str, Any]) -> None:
    """One ``application/json`` entry per answer (the charset is in every answer's
    header, not a media type of its own), and answers in status order."""
    for answer in operation.get("responses", {}).values():
        content = answer.get("content", {})
        with_charset = content.pop(JSON_TYPE, None)
        if with_charset is not None:
            content.setdefault("application/json", {}).update(with_charset)
    operation["responses"] = dict(sorted(operation.get("responses", {}).items()))


def fill_vocabularies(node: Any, vocabularies: dict[str, list[str]]) -> None:
    """Every ``x-vocabulary`` schema gets the app's own values as its ``enum``."""
    if isinstance(node, dict):
        name = node.get("x-vocabulary")
        if name in vocabularies:
            node["enum"] = vocabularies[name]
        for value in node.values():
            fill_vocabularies(value, vocabularies)
    elif isinstance(node, list):
        for value in node:
            fill_vocabularies(value, vocabularies)


def vocabularies(app: FastAPI) -> dict[str, list[str]]:
    web = app.state.web
    registry = web.registry
    slugs = [entry.slug for entry in (*registry.institutions, *registry.agencies)]
    return {"registry": sorted(slugs), "topics": sorted(web.topic_names)}


def truthful_schema(app: FastAPI, public_read: bool) -> dict[str, Any]:
    schema = get_openapi(
        title=app.title, version=app.version, summary=app.summary, description=DESCRIPTION,
        routes=app.routes,
    )  # fmt: skip
    routes = {
        (entry.path, method.lower()): entry.route
        for entry in route_entries(app.routes)
        if isinstance(entry.route, APIRoute)
        for method in entry.methods
    }
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            route = routes.get((path, method))
            if route is not None and path.startswith("/api"):
                document_operation(path, method, operation, route_role(route), public_read)
            plain_json(operation)
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["ApiError"] = ApiError.model_json_schema()
    components["securitySchemes"] = SECURITY_SCHEMES
    fill_vocabularies(schemas, vocabularies(app))
    return schema


def install_openapi(app: FastAPI, public_read: bool) -> None:
    """Serve the truthful document at ``/openapi.json`` (built once, on first use)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = truthful_schema(app, public_read)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
