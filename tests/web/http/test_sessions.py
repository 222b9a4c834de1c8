"""Signed session cookies (web/http/sessions.py) carrying the token of a session kept
in the database (accounts/sessions.py)."""

import time

import pytest
from itsdangerous import URLSafeTimedSerializer
from tests.web.conftest import ACCOUNTS

from binational.web.http.sessions import COOKIE_NAME, SessionCodec, WebSession, cookie_header


def test_round_trip_keeps_the_token_and_csrf():
    codec = SessionCodec("key", 3600)
    session = WebSession()
    session.sign_in("token-7")
    loaded = codec.loads(codec.dumps(session))
    assert loaded.token == "token-7"
    assert loaded.existing_csrf == session.existing_csrf
    assert not loaded.modified


@pytest.mark.parametrize("cookie", [None, "", "garbage", "eyJ1aWQiOjF9.bad.signature"])
def test_bad_cookies_mean_anonymous(cookie):
    session = SessionCodec("key", 3600).loads(cookie)
    assert session.token is None and session.existing_csrf is None


def test_a_cookie_signed_with_another_key_is_ignored():
    forged = SessionCodec("other key", 3600)
    session = WebSession()
    session.sign_in("t")
    assert SessionCodec("key", 3600).loads(forged.dumps(session)).token is None


def test_an_expired_cookie_is_ignored():
    serializer = URLSafeTimedSerializer("key", salt="binational.session")
    old = serializer.dumps({"sid": "t", "csrf": "x"})
    codec = SessionCodec("key", 1)
    time.sleep(2.1)
    assert codec.loads(old).token is None


def test_a_remembered_cookie_still_expires_and_its_data_stays_unchanged():
    now = [time.time()]
    codec = SessionCodec("key", 60, clock=lambda: now[0])
    session = WebSession()
    session.sign_in("t4")
    cookie = codec.dumps(session)
    first = codec.loads(cookie)
    first.sign_out()  # changing one request's session leaves the remembered data alone
    assert codec.loads(cookie).token == "t4"  # the second read comes from memory
    now[0] += 61
    assert codec.loads(cookie).token is None


def test_the_memory_of_verified_cookies_is_bounded():
    codec = SessionCodec("key", 3600, remembered=2)
    cookies = []
    for token in ("t1", "t2", "t3"):
        session = WebSession()
        session.sign_in(token)
        cookies.append(codec.dumps(session))
        codec.loads(cookies[-1])
    assert codec._verified.cache_info().currsize == 2
    misses = codec._verified.cache_info().misses
    assert codec.loads(cookies[0]).token == "t1"  # verified again, not refused
    assert codec._verified.cache_info().misses == misses + 1  # it had been forgotten


def test_sign_in_and_out_replace_the_csrf_secret():
    session = WebSession({"csrf": "planted", "sid": "planted"})
    session.sign_in("new")
    assert session.existing_csrf != "planted" and session.token == "new" and session.modified
    csrf = session.existing_csrf
    session.sign_out()
    assert session.token is None and session.existing_csrf not in (None, csrf)


@pytest.mark.parametrize(("secure", "flag"), [(False, False), (True, True)])
def test_cookie_attributes(secure, flag):
    header = cookie_header(COOKIE_NAME, "v", 60, secure).decode()
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Path=/" in header
    assert ("Secure" in header) is flag


def test_sign_in_sets_an_httponly_lax_cookie(browser):
    client = browser(None)
    token = client.csrf()
    response = client.post(
        "/login", data={"email": ACCOUNTS["viewer"], "password": "correct horse battery",
                        "csrf_token": token}, follow_redirects=False,
    )  # fmt: skip
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(COOKIE_NAME + "=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_cookie_is_secure_when_the_setting_says_so(make_app):
    from fastapi.testclient import TestClient

    client = TestClient(make_app(secure_cookies=True))
    assert "Secure" in client.get("/login").headers["set-cookie"]


def test_cookie_is_secure_over_https(app):
    from fastapi.testclient import TestClient

    client = TestClient(app, base_url="https://testserver")
    assert "Secure" in client.get("/login").headers["set-cookie"]


def test_changing_the_password_ends_open_sessions(browser, web_db):
    from tests.web.conftest import fast_passwords

    from binational.accounts.users import find_user, set_password

    client = browser("viewer")
    assert client.get("/events", follow_redirects=False).status_code == 200
    with web_db.transaction() as session:
        user = find_user(session, ACCOUNTS["viewer"])
        set_password(session, fast_passwords(), user, "another long password")
    response = client.get("/events", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def session_cookie(client) -> str:
    return client.cookies.get(COOKIE_NAME)


def replay(app, cookie: str, path: str = "/events"):
    """A new browser sending a copy of an old cookie."""
    from fastapi.testclient import TestClient

    thief = TestClient(app)
    thief.cookies.set(COOKIE_NAME, cookie)
    return thief.get(path, follow_redirects=False)


def test_signing_out_ends_the_session_for_a_copy_of_the_cookie_too(app, browser):
    client = browser("viewer")
    copied = session_cookie(client)
    assert replay(app, copied).status_code == 200
    assert client.submit("/logout").status_code == 303
    response = replay(app, copied)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_an_admin_signs_a_user_out_everywhere(app, browser, web_db):
    from binational.accounts.users import find_user

    laptop, phone = browser("editor"), browser("editor")
    with web_db.sessions() as session:
        editor_id = find_user(session, ACCOUNTS["editor"]).id
    admin = browser("admin")
    listed = {u["email"]: u for u in admin.get("/api/users").json()}
    assert listed[ACCOUNTS["editor"]]["sessions"] == 2
    assert "Sign out everywhere" in admin.get("/users").text
    assert admin.submit(f"/users/{editor_id}/sign-out").status_code == 303
    for device in (laptop, phone):
        assert device.get("/events", follow_redirects=False).status_code == 303
    assert admin.get("/events", follow_redirects=False).status_code == 200  # not the admin's


def test_the_api_signs_a_user_out_everywhere(browser, web_db):
    from binational.accounts.users import find_user

    viewer = browser("viewer")
    with web_db.sessions() as session:
        viewer_id = find_user(session, ACCOUNTS["viewer"]).id
    admin = browser("admin")
    response = admin.delete(f"/api/users/{viewer_id}/sessions",
                            headers={"X-CSRF-Token": admin.csrf()})  # fmt: skip
    assert response.json() == {"id": viewer_id, "sessions_ended": 1}
    assert viewer.get("/api/me").status_code == 401
    editor = browser("editor")
    refused = editor.delete(f"/api/users/{viewer_id}/sessions",
                            headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert refused.status_code == 403


def test_a_session_ends_when_its_time_is_up_in_the_database(app, browser, web_db):
    from sqlalchemy import update

    from binational.store.account_models import SessionRecord

    client = browser("viewer")
    with web_db.transaction() as session:
        session.execute(update(SessionRecord).values(expires_at=int(time.time()) - 1))
    assert client.get("/events", follow_redirects=False).status_code == 303


def test_the_database_keeps_only_a_digest_of_the_token(browser, web_db):
    from sqlalchemy import select

    from binational.accounts.tokens import token_digest
    from binational.store.account_models import SessionRecord
    from binational.web.http.sessions import SessionCodec as Codec

    client = browser("viewer")
    token = Codec("test-key", 3600).loads(session_cookie(client)).token
    with web_db.sessions() as session:
        stored = list(session.scalars(select(SessionRecord.token_hash)))
    assert stored == [token_digest(token)] and token not in stored
