"""Signing in and out, the language switch, and the admin's user pages."""

import pytest
from tests.web.conftest import ACCOUNTS, PASSWORD

from binational.web.http.errors import safe_next


@pytest.mark.parametrize(
    ("target", "result"),
    [
        ("/events?q=water", "/events?q=water"),
        ("https://evil.example/", "/events"),
        ("//evil.example/", "/events"),
        ("/\\evil.example", "/events"),
        ("javascript:alert(1)", "/events"),
        ("", "/events"),
        (None, "/events"),
        ("/reports/2023Q2", "/reports/2023Q2"),
    ],
)
def test_safe_next(target, result):
    assert safe_next(target) == result


def test_sign_in_goes_back_where_asked_and_sign_out_ends_the_session(browser):
    client = browser(None)
    response = client.post("/login", data={"email": ACCOUNTS["viewer"], "password": PASSWORD,
                                           "next": "/reports", "csrf_token": client.csrf()},
                           follow_redirects=False)  # fmt: skip
    assert response.headers["location"] == "/reports"
    assert client.get("/reports", follow_redirects=False).status_code == 200
    assert client.submit("/logout").headers["location"] == "/login"
    assert client.get("/reports", follow_redirects=False).status_code == 303


def test_sign_in_never_redirects_off_site(browser):
    client = browser(None)
    response = client.post("/login", data={"email": ACCOUNTS["viewer"], "password": PASSWORD,
                                           "next": "https://evil.example/",
                                           "csrf_token": client.csrf()},
                           follow_redirects=False)  # fmt: skip
    assert response.headers["location"] == "/events"


def test_wrong_password_and_unknown_email_look_the_same(browser):
    client = browser(None)
    wrong = client.post("/login", data={"email": ACCOUNTS["viewer"], "password": "nope nope nope",
                                        "csrf_token": client.csrf()})  # fmt: skip
    unknown = client.post("/login", data={"email": "nobody@example.org", "password": "x",
                                          "csrf_token": client.csrf()})  # fmt: skip
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong email or password." in wrong.text and "Wrong email or password." in unknown.text


def test_deactivated_users_cannot_sign_in(browser, web_db):
    from binational.accounts.users import find_user, set_active

    with web_db.transaction() as session:
        set_active(session, find_user(session, ACCOUNTS["viewer"]), False)
    client = browser(None)
    response = client.post("/login", data={"email": ACCOUNTS["viewer"], "password": PASSWORD,
                                           "csrf_token": client.csrf()})  # fmt: skip
    assert response.status_code == 401


def test_admin_adds_a_user_who_can_then_sign_in(browser):
    admin = browser("admin")
    page = admin.get("/users").text
    assert ACCOUNTS["editor"] in page
    response = admin.submit("/users", {"email": "New@Example.org", "role": "editor",
                                       "password": "a long password"})  # fmt: skip
    assert response.status_code == 303
    browser(None).sign_in("new@example.org", "a long password")
    duplicate = admin.submit("/users", {"email": "new@example.org", "role": "viewer",
                                        "password": "a long password"})  # fmt: skip
    assert duplicate.status_code == 400 and "already a user" in duplicate.text
    short = admin.submit(
        "/users", {"email": "x@example.org", "role": "viewer", "password": "short"}
    )
    assert short.status_code == 400 and "at least 10 characters" in short.text


def test_admin_changes_a_role_and_the_old_session_ends(browser, web_db):
    from binational.accounts.users import find_user

    editor = browser("editor")
    with web_db.sessions() as session:
        editor_id = find_user(session, ACCOUNTS["editor"]).id
    admin = browser("admin")
    assert (
        admin.submit(f"/users/{editor_id}", {"role": "viewer", "active": "yes"}).status_code == 303
    )
    assert editor.get("/events", follow_redirects=False).status_code == 303  # signed out
    records = {u["email"]: u for u in admin.get("/api/users").json()}
    assert records[ACCOUNTS["editor"]]["role"] == "viewer"


def test_the_last_admin_cannot_be_demoted(browser, web_db):
    from binational.accounts.users import find_user

    with web_db.sessions() as session:
        admin_id = find_user(session, ACCOUNTS["admin"]).id
    admin = browser("admin")
    response = admin.submit(f"/users/{admin_id}", {"role": "editor", "active": "yes"})
    assert response.status_code == 400 and "last active admin" in response.text
    api = admin.patch(f"/api/users/{admin_id}", json={"active": False},
                      headers={"X-CSRF-Token": admin.csrf()})  # fmt: skip
    assert api.status_code == 409 and "last active admin" in api.json()["error"]


def test_api_creates_users(browser):
    admin = browser("admin")
    response = admin.post("/api/users", json={"email": "api@example.org", "role": "viewer",
                                              "password": "a long password"},
                          headers={"X-CSRF-Token": admin.csrf()})  # fmt: skip
    assert response.status_code == 201 and response.json()["role"] == "viewer"
    assert "password" not in str(response.json())


def test_me(browser):
    assert browser("editor").get("/api/me").json() == {
        "email": ACCOUNTS["editor"], "role": "editor", "via": "session"
    }  # fmt: skip


def change_password(client, current, new, repeated=None):
    repeated = new if repeated is None else repeated
    return client.submit(
        "/account/password", {"current": current, "new": new, "repeated": repeated}
    )


def test_a_user_changes_their_password_and_their_other_sessions_end(browser):
    here, elsewhere = browser("viewer"), browser("viewer")
    page = here.get("/account")
    assert page.status_code == 200 and ACCOUNTS["viewer"] in page.text
    assert 'autocomplete="new-password"' in page.text
    response = change_password(here, PASSWORD, "a brand new passphrase")
    assert response.status_code == 303 and response.headers["location"] == "/account?changed=1"
    assert "password was changed" in here.get("/account?changed=1").text  # still signed in
    assert elsewhere.get("/events", follow_redirects=False).status_code == 303  # signed out
    stranger = browser(None)
    refused = stranger.submit("/login", {"email": ACCOUNTS["viewer"], "password": PASSWORD})
    assert refused.status_code == 401  # the old password no longer signs in
    assert browser(None).sign_in(ACCOUNTS["viewer"], "a brand new passphrase")


@pytest.mark.parametrize(
    ("current", "new", "repeated", "message"),
    [
        ("wrong password", "a brand new passphrase", None, "the current password is wrong"),
        (PASSWORD, "a brand new passphrase", "another passphrase", "the two new passwords differ"),
        (PASSWORD, "short", None, "at least"),
    ],
)
def test_a_refused_password_change_says_why_and_changes_nothing(
    browser, current, new, repeated, message
):
    client = browser("editor")
    response = change_password(client, current, new, repeated)
    assert response.status_code == 400 and message in response.text
    assert client.get("/events", follow_redirects=False).status_code == 200
    assert browser(None).sign_in(ACCOUNTS["editor"], PASSWORD)


def test_guessing_the_current_password_is_throttled(browser):
    client = browser("viewer")
    statuses = [change_password(client, f"guess {n}", "a brand new passphrase").status_code
                for n in range(12)]  # fmt: skip
    assert statuses[0] == 400 and statuses[-1] == 429


def test_the_account_page_needs_a_signed_in_user(browser):
    response = browser(None).get("/account", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_after_five_failures_even_the_right_password_is_refused(browser):
    client = browser(None)
    for _ in range(5):
        response = client.post("/login", data={"email": ACCOUNTS["admin"], "password": "wrong!",
                                               "csrf_token": client.csrf()})  # fmt: skip
        assert response.status_code == 401
    response = client.post("/login", data={"email": ACCOUNTS["admin"], "password": PASSWORD,
                                           "csrf_token": client.csrf()})  # fmt: skip
    assert response.status_code == 429 and int(response.headers["retry-after"]) > 0
    # another account from the same address is not locked out yet
    browser(None).sign_in(ACCOUNTS["viewer"])
