"""Authorization and CSRF over every write route of the app.

The list of write routes is read from the app's router, so a route added later is
covered without editing this file: anonymous visitors and viewers are refused, a
browser session without the CSRF token is refused, and (as a control) the right
role with the token is let through. Only the routes in ``OPEN_TO_ALL`` are open to
anyone, and they still need the token."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.routing import APIRoute
from tests.web.conftest import ACCOUNTS, event_id_matching

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Write routes any visitor may use (still CSRF-checked), and why.
OPEN_TO_ALL = {
    ("POST", "/login"): "signing in is how one stops being anonymous",
    ("POST", "/logout"): "signing out is harmless for anyone",
}
# Write routes every signed-in user may use, viewers included, and why.
SIGNED_IN = {
    ("POST", "/account/password"): "everyone changes their own password",
}
# Routes that need an admin rather than an editor.
ADMIN_ONLY = re.compile(r"^(/api)?/users")
# Sample bodies so that a refusal is about who asks, not about a malformed request.
FORMS = {
    "/events/{event_id}/edit": {"title": "Edited", "date": "2023-04-18", "date_precision": "day",
                                "status": "published", "topics_shown": "1"},
    "/events/{event_id}/links": {"slug": "nadbank"},
    "/reports/{period}/items/{event_id}": {"action": "exclude"},
    "/users": {"email": "new@example.org", "role": "viewer", "password": "a long password"},
    "/users/{user_id}": {"role": "viewer", "active": "yes"},
    "/login": {"email": ACCOUNTS["viewer"], "password": "correct horse battery"},
    "/account/password": {"current": "not the password", "new": "a long password",
                          "repeated": "a long password"},
}  # fmt: skip
JSON = {
    "/api/events/{event_id}": {"implications": "Changed by the API."},
    "/api/reports/{period}/items/{event_id}": {"action": "exclude"},
    "/api/users": {"email": "new@example.org", "role": "viewer", "password": "a long password"},
    "/api/users/{user_id}": {"role": "viewer"},
}


def all_routes(app) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route, including those of included routers (which
    newer FastAPI versions keep behind lazy wrappers in ``app.routes``)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before 0.160: included routes are APIRoutes
        return [(r.path, set(r.methods)) for r in app.routes if isinstance(r, APIRoute)]
    return [
        (context.path, set(context.methods or ()))
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute)
    ]


def write_routes(app) -> list[tuple[str, str]]:
    return sorted(
        (method, path) for path, methods in all_routes(app) for method in methods & UNSAFE
    )


def test_the_app_has_the_write_routes_we_expect(app):
    found = set(write_routes(app))
    assert ("PATCH", "/api/events/{event_id}") in found
    assert ("POST", "/events/{event_id}/edit") in found
    assert ("POST", "/candidates/{candidate_id}/accept") in found
    assert len(found) >= 15


@pytest.fixture
def params(web_db):
    """A real value for every path parameter a write route may have."""
    from binational.accounts.users import find_user
    from binational.ingest.clusters import NewDocument, store_document

    with web_db.transaction() as session:
        document = store_document(
            session,
            NewDocument(
                kind="page", url="https://www.state.gov/x", canonical_url="https://www.state.gov/x",
                title="Security dialogue", text="The United States and Mexico met.",
                text_sha256="0" * 64, published=dt.date(2023, 5, 2), score=0.9,
            ),
            None,
        )  # fmt: skip
        viewer_id = find_user(session, ACCOUNTS["viewer"]).id
        candidate_id = document.candidate_id
    return {
        "event_id": event_id_matching(web_db, "") or 1,
        "slug": "usmca",
        "period": "2023Q2",
        "candidate_id": candidate_id,
        "user_id": viewer_id,
    }


def fill(path: str, params: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        assert name in params, f"add a sample value for path parameter {name!r} to params()"
        return str(params[name])

    return re.sub(r"\{(\w+)\}", value, path)


def send(client, method: str, path: str, params: dict, csrf: bool):
    url = fill(path, params)
    headers = {"X-CSRF-Token": client.csrf()} if csrf else {}
    if path.startswith("/api/"):
        return client.request(method, url, json=JSON.get(path, {}), headers=headers,
                              follow_redirects=False)  # fmt: skip
    data = dict(FORMS.get(path, {}))
    if csrf:
        data["csrf_token"] = headers["X-CSRF-Token"]
    return client.request(method, url, data=data, follow_redirects=False)


def refused_as_anonymous(response) -> bool:
    if response.status_code == 401:
        return True
    return response.status_code == 303 and response.headers["location"].startswith("/login")


@pytest.fixture
def routes(app):
    return [route for route in write_routes(app) if route not in OPEN_TO_ALL]


def test_every_write_route_refuses_anonymous_visitors(browser, routes, params):
    client = browser(None)
    for method, path in routes:
        response = send(client, method, path, params, csrf=True)
        assert refused_as_anonymous(response), (method, path, response.status_code)


def test_every_write_route_refuses_anonymous_visitors_even_with_public_read(make_app, params):
    from tests.web.conftest import Browser

    app = make_app(public_read=True)
    client = Browser(app)
    for method, path in [r for r in write_routes(app) if r not in OPEN_TO_ALL]:
        response = send(client, method, path, params, csrf=True)
        assert refused_as_anonymous(response), (method, path, response.status_code)


def test_every_write_route_refuses_viewers(browser, routes, params):
    client = browser("viewer")
    for method, path in routes:
        response = send(client, method, path, params, csrf=True)
        if (method, path) in SIGNED_IN:  # open to them: refused for the wrong password
            assert response.status_code == 400, (method, path, response.status_code)
            continue
        assert response.status_code == 403, (method, path, response.status_code)


def test_user_management_refuses_editors(browser, routes, params):
    client = browser("editor")
    admin_routes = [(m, p) for m, p in routes if ADMIN_ONLY.match(p)]
    assert len(admin_routes) >= 4
    for method, path in admin_routes:
        response = send(client, method, path, params, csrf=True)
        assert response.status_code == 403, (method, path, response.status_code)


def test_every_write_route_refuses_a_missing_csrf_token(browser, app, params):
    client = browser("admin")
    for method, path in write_routes(app):
        response = send(client, method, path, params, csrf=False)
        assert response.status_code == 403, (method, path, response.status_code)
        assert "token" in response.text


def test_with_the_role_and_the_token_every_write_route_lets_through(browser, routes, params):
    """The control: the refusals above are about who asks, not about the request."""
    for method, path in routes:
        role = "admin" if ADMIN_ONLY.match(path) else "editor"
        response = send(browser(role), method, path, params, csrf=True)
        assert response.status_code not in (401, 403), (method, path, response.text[:200])
        assert not refused_as_anonymous(response), (method, path)


def test_an_unknown_bearer_token_is_refused_not_anonymous(make_app):
    from tests.web.conftest import Browser

    client = Browser(make_app(public_read=True))
    assert client.get("/api/events").status_code == 200
    response = client.get("/api/events", headers={"Authorization": "Bearer bn_forged"})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
