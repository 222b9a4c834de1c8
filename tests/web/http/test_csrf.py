"""The synchronizer token (web/csrf.py): pure comparison, and the app-wide check."""

import pytest
from tests.web.conftest import ACCOUNTS, PASSWORD

from binational.web.http.csrf import tokens_match


@pytest.mark.parametrize(
    ("expected", "sent", "match"),
    [
        ("abc", "abc", True),
        ("abc", "abd", False),
        ("abc", "", False),
        ("abc", None, False),
        (None, "abc", False),
        (None, None, False),
    ],
)
def test_tokens_match(expected, sent, match):
    assert tokens_match(expected, sent) is match


def test_login_without_the_token_is_refused(browser):
    client = browser(None)
    client.get("/login")
    response = client.post("/login", data={"email": ACCOUNTS["admin"], "password": PASSWORD})
    assert response.status_code == 403
    assert "binational_session" not in response.headers.get("set-cookie", "")


def test_a_token_from_another_session_is_refused(browser):
    mine, theirs = browser("editor"), browser("editor")
    response = mine.post("/logout", data={"csrf_token": theirs.csrf()}, follow_redirects=False)
    assert response.status_code == 403


def test_the_header_works_for_scripts_in_the_page(browser):
    client = browser("editor")
    response = client.post("/logout", headers={"X-CSRF-Token": client.csrf()},
                           follow_redirects=False)  # fmt: skip
    assert response.status_code == 303


def test_bearer_requests_need_no_csrf_token(browser, web_db):
    from binational.accounts.users import find_user, issue_token

    with web_db.transaction() as session:
        token = issue_token(session, find_user(session, ACCOUNTS["editor"]))
    client = browser(None)
    response = client.patch(
        "/api/events/1", json={"implications": "Scripted."},
        headers={"Authorization": f"Bearer {token}"},
    )  # fmt: skip
    assert response.status_code == 200 and response.json()["implications"] == "Scripted."


@pytest.mark.parametrize(
    ("method", "path"),
    [("patch", "/api/events/1"), ("post", "/api/candidates/1/reject"),
     ("post", "/api/reports/2023Q2/items/1")],
)  # fmt: skip
def test_an_api_write_without_any_credentials_is_401_with_a_sentence(browser, method, path):
    client = browser(None)
    client.get("/login")  # a session cookie, but nobody signed in
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert response.json() == {"error": "sign in or send an API token (Authorization: Bearer …)"}
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_signed_in_api_write_without_the_token_is_still_a_csrf_refusal(browser):
    response = browser("editor").patch("/api/events/1", json={"implications": "x"})
    assert response.status_code == 403 and "security token" in response.json()["error"]
