"""Signed session cookies (web/sessions.py)."""

import time

import pytest
from itsdangerous import URLSafeTimedSerializer
from tests.web.conftest import ACCOUNTS

from binational.web.http.sessions import COOKIE_NAME, SessionCodec, WebSession, cookie_header


def test_round_trip_keeps_user_version_and_csrf():
    codec = SessionCodec("key", 3600)
    session = WebSession()
    session.sign_in(7, 3)
    loaded = codec.loads(codec.dumps(session))
    assert (loaded.user_id, loaded.version) == (7, 3)
    assert loaded.existing_csrf == session.existing_csrf
    assert not loaded.modified


@pytest.mark.parametrize("cookie", [None, "", "garbage", "eyJ1aWQiOjF9.bad.signature"])
def test_bad_cookies_mean_anonymous(cookie):
    session = SessionCodec("key", 3600).loads(cookie)
    assert session.user_id is None and session.existing_csrf is None


def test_a_cookie_signed_with_another_key_is_ignored():
    forged = SessionCodec("other key", 3600)
    session = WebSession()
    session.sign_in(1, 1)
    assert SessionCodec("key", 3600).loads(forged.dumps(session)).user_id is None


def test_an_expired_cookie_is_ignored():
    serializer = URLSafeTimedSerializer("key", salt="binational.session")
    old = serializer.dumps({"uid": 1, "ver": 1, "csrf": "x"})
    codec = SessionCodec("key", 1)
    time.sleep(2.1)
    assert codec.loads(old).user_id is None


def test_a_remembered_cookie_still_expires_and_its_data_stays_unchanged():
    now = [time.time()]
    codec = SessionCodec("key", 60, clock=lambda: now[0])
    session = WebSession()
    session.sign_in(4, 2)
    cookie = codec.dumps(session)
    first = codec.loads(cookie)
    first.sign_out()  # changing one request's session leaves the remembered data alone
    assert codec.loads(cookie).user_id == 4  # the second read comes from memory
    now[0] += 61
    assert codec.loads(cookie).user_id is None


def test_the_memory_of_verified_cookies_is_bounded():
    codec = SessionCodec("key", 3600, remembered=2)
    cookies = []
    for user_id in (1, 2, 3):
        session = WebSession()
        session.sign_in(user_id, 1)
        cookies.append(codec.dumps(session))
        codec.loads(cookies[-1])
    assert codec._verified.cache_info().currsize == 2
    misses = codec._verified.cache_info().misses
    assert codec.loads(cookies[0]).user_id == 1  # verified again, not refused
    assert codec._verified.cache_info().misses == misses + 1  # it had been forgotten


def test_sign_in_and_out_replace_the_csrf_secret():
    session = WebSession({"csrf": "planted"})
    session.sign_in(1, 1)
    assert session.existing_csrf != "planted" and session.modified
    token = session.existing_csrf
    session.sign_out()
    assert session.user_id is None and session.existing_csrf not in (None, token)


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
