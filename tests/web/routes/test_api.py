"""The JSON API: each page's twin, API tokens, the update endpoint, and the docs."""

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import ACCOUNTS, event_id_matching

from binational.accounts.users import find_user, issue_token, set_active
from binational.store.events import get_event, update_event

TWINS = [
    ("/events?q=fentanyl", "/api/events?q=fentanyl"),
    ("/institutions", "/api/institutions"),
    ("/institutions/usmca", "/api/institutions/usmca"),
    ("/reports", "/api/reports"),
    ("/reports/2023Q2", "/api/reports/2023Q2"),
    ("/candidates", "/api/candidates"),
    ("/users", "/api/users"),
]


@pytest.mark.parametrize(("page", "twin"), TWINS)
def test_every_page_has_a_json_twin_it_links_to(browser, page, twin):
    admin = browser("admin")
    html = admin.get(page)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    data = admin.get(twin)
    assert data.status_code == 200
    assert data.headers["content-type"] == "application/json; charset=utf-8"
    assert f'href="{twin.replace("&", "&amp;")}' in html.text or f'href="{twin}' in html.text


def test_event_twin_has_the_same_facts(browser, web_db):
    event_id = event_id_matching(web_db, "")
    client = browser("viewer")
    record = client.get(f"/api/events/{event_id}").json()
    page = client.get(f"/events/{event_id}").text
    assert f'href="/api/events/{event_id}"' in page
    assert record["date"] in page and record["quarter"] == "2023Q2"
    assert set(record) >= {"id", "title", "date", "summary", "implications", "institutions",
                           "topics", "status", "sources", "reports", "revisions"}  # fmt: skip


@pytest.fixture
def token(web_db):
    with web_db.transaction() as session:
        return issue_token(session, find_user(session, ACCOUNTS["editor"]), "script")


def test_scripts_read_and_write_with_a_token(browser, token, web_db):
    client = browser(None)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/me", headers=headers).json()["via"] == "token"
    event_id = event_id_matching(web_db, "")
    current = {
        t["slug"] for t in client.get(f"/api/events/{event_id}", headers=headers).json()["topics"]
    }
    topics = sorted(current ^ {"security"})
    response = client.patch(
        f"/api/events/{event_id}", headers=headers,
        json={"implications": "From a script.", "topics": topics,
              "add_institutions": ["nadbank"]},
    )  # fmt: skip
    assert response.status_code == 200
    record = response.json()
    assert record["implications"] == "From a script."
    assert "nadbank" in {link["slug"] for link in record["institutions"]}
    assert {r["action"] for r in record["revisions"]} == {"edit", "topics", "link"}
    assert all(r["author"] == ACCOUNTS["editor"] for r in record["revisions"])
    assert client.get("/api/reports/2023Q2.pdf", headers=headers).content.startswith(b"%PDF")


def test_a_token_of_a_deactivated_user_stops_working(browser, token, web_db):
    with web_db.transaction() as session:
        set_active(session, find_user(session, ACCOUNTS["editor"]), False)
    response = browser(None).get("/api/events", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_a_viewer_token_cannot_write(browser, web_db):
    with web_db.transaction() as session:
        viewer_token = issue_token(session, find_user(session, ACCOUNTS["viewer"]))
    response = browser(None).patch("/api/events/1", json={"title": "x"},
                                   headers={"Authorization": f"Bearer {viewer_token}"})  # fmt: skip
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"status": "done"}, 422, "status: Input should be"),
        ({"date": "April"}, 422, "date: "),
        ({"date": "2023-02-30"}, 400, "day is out of range"),
        ({"url": "ftp://x"}, 422, "url: "),
        ({"title": None}, 422, "title: "),
        ({"topics": ["astrology"]}, 400, "not a topic"),
        ({"add_institutions": ["nope"]}, 400, "not an institution"),
        ({"remove_institutions": ["nadbank"]}, 409, "is not linked to nadbank"),
        ({"colour": "red"}, 422, "colour"),
    ],
)
def test_bad_updates_are_refused_whole(browser, token, web_db, body, status, message):
    event_id = event_id_matching(web_db, "")
    client = browser(None)
    headers = {"Authorization": f"Bearer {token}"}
    response = client.patch(f"/api/events/{event_id}", headers=headers,
                            json={"implications": "Should not stay.", **body})  # fmt: skip
    assert response.status_code == status and message in response.json()["error"]
    record = client.get(f"/api/events/{event_id}", headers=headers).json()
    assert record["implications"] != "Should not stay." and record["revisions"] == []


def test_openapi_and_docs(browser):
    client = browser(None)
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/institutions",
                 "/api/candidates", "/api/reports/{period}.{fmt}", "/api/users"):  # fmt: skip
        assert path in paths
    assert "patch" in paths["/api/events/{event_id}"]
    assert not any(path.startswith("/events") for path in paths)  # pages are not API
    docs = client.get("/docs").text
    # The path may break after each slash on a phone (<wbr>), nowhere else.
    assert "<code>/<wbr>api/<wbr>events/<wbr>{event_id}</code>" in docs
    assert "EventUpdate" in docs


def test_health_says_whether_the_search_index_is_current(make_app, web_db):
    with TestClient(make_app()) as client:  # starting up builds the index
        assert client.get("/api/health").json() == {"status": "ok", "search_index": "ready"}
        with web_db.transaction() as session:
            update_event(session, get_event(session, 1), {"title": "Renamed"}, "analyst")
        assert client.get("/api/health").json()["search_index"] == "stale"
        client.get("/api/events", params={"q": "renamed"})  # no session: refused, no search
        assert client.get("/api/health").json()["search_index"] == "stale"


def test_a_slug_named_twice_is_named_once(browser, token, web_db):
    event_id = event_id_matching(web_db, "")
    client = browser(None)
    headers = {"Authorization": f"Bearer {token}"}
    response = client.patch(f"/api/events/{event_id}", headers=headers, json={
        "add_institutions": ["nadbank", "nadbank"], "remove_institutions": ["nadbank", "nadbank"],
    })  # fmt: skip
    assert response.status_code == 200, response.text
    assert "nadbank" not in {link["slug"] for link in response.json()["institutions"]}
