"""web/app.py: the factory's own parts."""

from fastapi.testclient import TestClient

from binational.config import Settings
from binational.web.app import create_app


def test_starting_the_app_builds_the_search_index(web_db):
    settings = Settings(db=str(web_db.engine.url.database), secret_key="test-key")
    app = create_app(settings, web_db)
    engine = app.state.web.search
    assert engine.index is None and not engine.directory.exists()
    with TestClient(app):
        assert engine.index is not None and engine.builds == 1
    assert str(engine.directory) == web_db.engine.url.database + ".search"


def test_a_body_over_the_limit_is_413_before_anyone_is_asked_who_sent_it(make_app):
    from fastapi.testclient import TestClient

    client = TestClient(make_app(max_body_bytes=10_000))
    response = client.patch("/api/events/1", content=b'{"summary": "' + b"x" * 20_000 + b'"}',
                            headers={"content-type": "application/json"})  # fmt: skip
    assert response.status_code == 413
    assert response.json() == {"error": "the request is larger than the 10,000 bytes this "
                                        "server accepts"}  # fmt: skip


def test_json_and_forms_meet_the_same_limit(make_app):
    from tests.web.conftest import ACCOUNTS, Browser

    editor = Browser(make_app(max_body_bytes=10_000)).sign_in(ACCOUNTS["editor"])
    json_edit = editor.patch("/api/events/1", json={"summary": "y" * 20_000},
                             headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert json_edit.status_code == 413
    form_edit = editor.submit("/events/1/edit", {"summary": "y" * 20_000})
    assert form_edit.status_code == 413 and "The request is too large" in form_edit.text
    small = editor.patch("/api/events/1", json={"summary": "A short summary."},
                         headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert small.status_code == 200 and small.json()["summary"] == "A short summary."


def test_a_chunked_body_is_cut_off_at_the_limit(make_app):
    from fastapi.testclient import TestClient

    def chunks():  # no Content-Length: the body is counted as it comes
        for _ in range(100):
            yield b"x" * 1000

    client = TestClient(make_app(max_body_bytes=10_000))
    form = {"content-type": "application/x-www-form-urlencoded"}
    response = client.post("/login", content=chunks(), headers=form)
    assert response.status_code == 413


def test_field_lengths_are_one_sentence_from_the_api_and_the_form(browser, web_db):
    from tests.web.conftest import event_id_matching

    event_id = event_id_matching(web_db, "")
    editor = browser("editor")
    before = editor.get(f"/api/events/{event_id}").json()
    response = editor.patch(f"/api/events/{event_id}", json={"summary": "z" * 20_001},
                            headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert response.status_code == 422
    assert response.json() == {"error": "summary: 20,001 characters long; it takes at most "
                                        "20,000", "field": "body.summary"}  # fmt: skip
    form = editor.submit(f"/events/{event_id}/edit", {"title": "t" * 501, "date": "2023-05-01"})
    assert form.status_code == 400 and "an event&#39;s title takes at most 500" in form.text
    assert editor.get(f"/api/events/{event_id}").json() == before  # nothing changed


def test_signed_in_answers_are_not_stored_by_caches(browser):
    viewer = browser("viewer")
    for path in ("/events", "/api/events", "/account", "/nope"):
        assert viewer.get(path).headers["cache-control"] == "no-store", path
    assert "cache-control" not in viewer.get("/static/app.css").headers
    anonymous = browser(None)
    assert anonymous.get("/login").headers["cache-control"] == "no-store"  # sets the cookie


def test_hsts_only_over_https(app):
    from fastapi.testclient import TestClient

    secure = TestClient(app, base_url="https://testserver").get("/login")
    assert secure.headers["strict-transport-security"] == "max-age=31536000"
    assert "strict-transport-security" not in TestClient(app).get("/login").headers
