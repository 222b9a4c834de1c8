"""The 500 of last resort (web/http/unexpected.py): an error id in the answer and in
the log, and the app goes on answering."""

import logging
import re

from sqlalchemy import text
from tests.web.conftest import Browser, event_id_matching


def break_events_table(database) -> None:
    """A real fault, not a stand-in: the table the pages read is gone."""
    with database.engine.begin() as connection:
        connection.execute(text("ALTER TABLE events RENAME TO events_gone"))


def test_an_unexpected_error_is_json_with_an_error_id_that_the_log_has(app, web_db, caplog):
    event_id = event_id_matching(web_db, "")
    browser = Browser(app).sign_in("viewer@example.org")
    break_events_table(web_db)
    with caplog.at_level(logging.ERROR, logger="binational.web"):
        response = browser.get(f"/api/events/{event_id}")
    assert response.status_code == 500
    body = response.json()
    assert set(body) == {"error", "error_id"} and re.fullmatch(r"[0-9a-f]{12}", body["error_id"])
    assert body["error"] == (
        f"something went wrong on the server; it was logged as error {body['error_id']}"
    )
    assert response.headers["cache-control"] == "no-store"
    logged = [r for r in caplog.records if body["error_id"] in r.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info is not None
    assert "no such table" in str(logged[0].exc_info[1])
    assert browser.get("/api/me").status_code == 200  # the app goes on


def test_an_unexpected_error_on_a_page_is_the_error_page(app, web_db):
    event_id = event_id_matching(web_db, "")
    browser = Browser(app).sign_in("viewer@example.org")
    break_events_table(web_db)
    response = browser.get(f"/events/{event_id}")
    assert response.status_code == 500 and response.headers["content-type"].startswith("text/html")
    assert "Something went wrong" in response.text
    assert re.search(r"it was logged as error [0-9a-f]{12}", response.text)
    assert response.headers["content-security-policy"]  # the security headers are on it too
