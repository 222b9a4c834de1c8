"""Security headers on every response, and escaping of everything shown."""

import pytest
from tests.web.conftest import event_id_matching

from binational.web.http.security_headers import CONTENT_SECURITY_POLICY, with_security_headers


def test_policy_forbids_inline_scripts_and_framing():
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_a_route_policy_is_kept():
    headers = with_security_headers([(b"content-security-policy", b"default-src 'none'")])
    policies = [value for name, value in headers if name == b"content-security-policy"]
    assert policies == [b"default-src 'none'"]
    assert (b"x-content-type-options", b"nosniff") in headers


@pytest.mark.parametrize("path", ["/login", "/events", "/api/events", "/nope", "/static/app.css",
                                  "/docs"])  # fmt: skip
def test_headers_on_every_response(browser, path):
    response = browser("viewer").get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script(browser):
    for path in ("/events", "/candidates", "/reports/2023Q2", "/users", "/docs"):
        page = browser("admin").get(path).text
        assert "<script>" not in page and " on" + "click=" not in page
        assert '<script src="/static/app.js" defer></script>' in page


def test_everything_from_the_database_is_escaped(browser, web_db):
    event_id = event_id_matching(web_db, "")
    editor = browser("editor")
    payload = '<script>alert("x")</script>'
    response = editor.patch(f"/api/events/{event_id}", json={"title": payload, "summary": payload},
                            headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert response.status_code == 200
    for path in (f"/events/{event_id}", "/events", f"/events/{event_id}/edit", "/reports/2023Q2"):
        page = editor.get(path).text
        assert payload not in page and "&lt;script&gt;" in page, path


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://www.state.gov/x", "https://www.state.gov/x"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", "#"),
        (" JavaScript:alert(1)", "#"),
        ("data:text/html,<b>", "#"),
        (None, "#"),
    ],
)
def test_only_web_addresses_become_links(url, href):
    from binational.web.rendering import web_url

    assert web_url(url) == href


def test_a_stored_script_address_is_not_a_link(browser, web_db):
    from binational.store.models import Event

    event_id = event_id_matching(web_db, "")
    with web_db.transaction() as session:
        session.get(Event, event_id).url = "javascript:alert(1)"
    page = browser("viewer").get(f"/events/{event_id}").text
    assert 'href="javascript:' not in page and 'href="#"' in page
