"""The report builder pages and the report downloads."""

import pytest

from binational.web.http.security_headers import PREVIEW_POLICY


def test_builder_lists_items_in_order_with_downloads_and_preview(browser):
    page = browser("viewer").get("/reports/2023Q2")
    assert page.status_code == 200
    for name in ("md", "html", "pdf", "docx"):
        assert f'href="/reports/2023Q2/download/{name}" download>' in page.text
    assert '<iframe class="preview" src="/reports/2023Q2/preview"' in page.text
    assert "Exclude" not in page.text  # viewers see no curation buttons
    view = browser("viewer").get("/api/reports/2023Q2").json()
    assert [item["number"] for item in view["items"]] == list(range(1, 15))


def test_choosing_a_period(browser):
    client = browser("viewer")
    index = client.get("/reports")
    assert "2023Q2" in index.text
    response = client.get("/reports?quarter=2023-q2", follow_redirects=False)
    assert response.headers["location"] == "/reports/2023Q2"
    assert client.get("/reports/2023Q9").status_code == 404
    assert client.get("/api/reports").json()[0]["period"] == "2023Q2"


def test_exclude_include_and_move_persist_and_write_revisions(browser):
    editor = browser("editor")
    view = editor.get("/api/reports/2023Q2").json()
    first, second = view["items"][0], view["items"][1]
    assert first["month"] == second["month"]
    assert editor.submit(f"/reports/2023Q2/items/{second['event_id']}",
                         {"action": "up"}).status_code == 303  # fmt: skip
    view = editor.get("/api/reports/2023Q2").json()
    assert [i["event_id"] for i in view["items"][:2]] == [second["event_id"], first["event_id"]]
    editor.submit(f"/reports/2023Q2/items/{first['event_id']}", {"action": "exclude"})
    view = editor.get("/api/reports/2023Q2").json()
    assert len(view["items"]) == 13
    assert [e["event_id"] for e in view["excluded"]] == [first["event_id"]]
    markdown = editor.get("/api/reports/2023Q2.md").text
    assert first["title"] not in markdown and second["title"] in markdown
    editor.submit(f"/reports/2023Q2/items/{first['event_id']}", {"action": "include"})
    assert len(editor.get("/api/reports/2023Q2").json()["items"]) == 14
    history = editor.get(f"/api/events/{first['event_id']}").json()["revisions"]
    assert [r["action"] for r in history] == ["report-include", "report-exclude"]
    moved = editor.get(f"/api/events/{second['event_id']}").json()["revisions"]
    assert moved[0]["before"] == {"report": "2023Q2", "number": 2}
    assert moved[0]["after"] == {"report": "2023Q2", "number": 1}


def test_moving_past_the_edge_of_a_month_is_refused(browser):
    editor = browser("editor")
    first = editor.get("/api/reports/2023Q2").json()["items"][0]
    response = editor.submit(f"/reports/2023Q2/items/{first['event_id']}", {"action": "up"})
    assert response.status_code == 400 and "already the first item" in response.text


def test_api_item_action(browser):
    editor = browser("editor")
    first = editor.get("/api/reports/2023Q2").json()["items"][0]
    view = editor.post(f"/api/reports/2023Q2/items/{first['event_id']}", json={"action": "exclude"},
                       headers={"X-CSRF-Token": editor.csrf()}).json()  # fmt: skip
    assert first["event_id"] in [e["event_id"] for e in view["excluded"]]
    bad = editor.post(f"/api/reports/2023Q2/items/{first['event_id']}", json={"action": "fly"},
                      headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert bad.status_code == 422 and "action" in bad.json()["error"]


def test_preview_is_the_html_report_under_its_own_policy(browser):
    response = browser("viewer").get("/reports/2023Q2/preview")
    assert response.status_code == 200 and "<html" in response.text
    assert response.headers["content-security-policy"] == PREVIEW_POLICY
    assert "script" not in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    ("fmt", "start", "media"),
    [
        ("md", b"#", "text/markdown"),
        ("html", b"<!", "text/html"),
        ("pdf", b"%PDF", "application/pdf"),
        ("docx", b"PK", "application/vnd.openxmlformats"),
        ("txt", b"", "text/plain"),
    ],
)
def test_downloads(browser, fmt, start, media):
    response = browser("viewer").get(f"/api/reports/2023Q2.{fmt}")
    assert response.status_code == 200
    assert response.content.startswith(start)
    assert response.headers["content-type"].startswith(media)
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="report-2023Q2.{fmt}"'


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/reports/2023Q2.exe", 422),  # not a period (nor a format): checked, 422
        ("/api/reports/..%2F..%2Fetc.md", 404),
        ("/api/reports/2023Q5.pdf", 422),
        ("/api/reports/2024Q1.md", 404),  # a quarter without events has no report
    ],
)
def test_bad_download_names_are_refused(browser, path, status):
    response = browser("viewer").get(path)
    assert response.status_code == status
    assert "error" in response.json()


def test_the_builder_heads_months_with_their_year_across_years(browser, web_db):
    """A period across years groups its items by (year, month): January 2023 after
    December 2022, each heading with its year."""
    import datetime as dt

    from binational.store.models import Event

    with web_db.transaction() as session:
        for day in ("2022-12-08", "2023-01-05"):
            session.add(Event(title=f"Event of {day}", status="reviewed", summary="",
                              implications="", date_value=dt.date.fromisoformat(day)))  # fmt: skip
    page = browser("viewer").get("/reports/2022-12..2023-01").text
    assert page.index("<h3>December 2022</h3>") < page.index("<h3>January 2023</h3>")
    assert "<h3>April</h3>" in browser("viewer").get("/reports/2023Q2").text


def test_the_builder_preview_of_a_year_opens_with_the_overview(browser):
    client = browser("viewer")
    preview = client.get("/reports/2023/preview")
    assert preview.status_code == 200
    assert '<section class="overview" id="overview"' in preview.text
    assert preview.text.count("<svg") == 1 and "Events per month: January 2023: 0" in preview.text
    quarter = client.get("/reports/2023Q2/preview").text
    assert "overview" not in quarter and "<svg" not in quarter


def test_periods_are_named_in_the_pages_language(browser):
    viewer = browser("viewer")
    viewer.cookies.set("lang", "es")
    assert "2023Q2 — abril-junio de 2023</a>" in viewer.get("/reports").text
    assert "(abril-junio de 2023)" in viewer.get("/reports/2023Q2").text
    assert "2023Q2 — April-June 2023</a>" in browser("viewer").get("/reports").text
