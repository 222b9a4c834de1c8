"""The events pages: search with facets, one event, editing with validation and
revisions, links; and what the public may see."""

import re

import pytest
from tests.web.conftest import event_id_matching


def test_search_finds_fentanyl_events_ranked_with_facets(browser):
    page = browser("viewer").get("/events?q=fentanyl")
    assert page.status_code == 200
    assert re.search(r"\d+ events", page.text)
    assert "fentanyl" in page.text.lower()
    assert 'role="search"' in page.text and 'aria-labelledby="facets-heading"' in page.text
    data = browser("viewer").get("/api/events?q=fentanyl").json()
    assert data["total"] >= 2
    assert all("fentanyl" in (e["title"] + e["summary"] + e["implications"]).lower()
               for e in data["events"])  # fmt: skip
    assert {f["value"] for f in data["facets"]["quarter"]} == {"2023Q2"}
    assert data["facets"]["status"] == [{"value": "published", "count": data["total"]}]


def test_facets_narrow_the_list(browser):
    client = browser("viewer")
    everything = client.get("/api/events").json()
    assert everything["total"] == 14
    institution = everything["facets"]["institution"][0]
    narrowed = client.get(f"/api/events?institution={institution['value']}").json()
    assert narrowed["total"] == institution["count"]
    category = everything["facets"]["category"][0]
    by_category = client.get(f"/api/events?category={category['value']}").json()
    assert by_category["total"] == category["count"]
    may = client.get("/api/events?month=5").json()
    assert may["total"] == {f["value"]: f["count"] for f in everything["facets"]["month"]}["5"]
    assert all(event["date"].startswith("2023-05") for event in may["events"])
    page = client.get(f"/events?institution={institution['value']}")
    assert "Remove filter" in page.text


def test_bad_filters_are_one_sentence_errors(browser):
    client = browser("viewer")
    response = client.get("/api/events?quarter=2023Q5")
    assert response.status_code == 422 and response.json()["error"].startswith("quarter: ")
    assert client.get("/events?status=done").status_code == 400
    assert client.get("/api/events?month=13").json()["field"] == "query.month"
    reversed_range = client.get("/api/events?quarter=2023-06..2023-01")
    assert reversed_range.status_code == 400 and "cannot come before" in reversed_range.text


def test_the_event_page_shows_links_with_their_mentions_and_topics(browser, web_db):
    event_id = event_id_matching(web_db, "")
    page = browser("viewer").get(f"/events/{event_id}")
    assert page.status_code == 200
    record = browser("viewer").get(f"/api/events/{event_id}").json()
    for link in record["institutions"]:
        assert f'href="/institutions/{link["slug"]}"' in page.text
        if link["mention"]:
            assert link["mention"] in page.text.replace("&#39;", "'")
    assert "Revision history" in page.text


def test_missing_event_is_404(browser):
    assert browser("viewer").get("/events/99999").status_code == 404
    assert browser("viewer").get("/api/events/99999").json()["error"].startswith("there is no")


def test_edit_writes_a_revision_shown_on_the_page(browser, web_db):
    event_id = event_id_matching(web_db, "")
    editor = browser("editor")
    form = editor.get(f"/events/{event_id}/edit").text
    assert 'name="implications"' in form and 'type="date"' in form
    # the precision and status choices read as words, not as the stored values
    assert re.search(r'<option value="month"( selected)?>Month</option>', form)
    assert re.search(r'<option value="published"( selected)?>Published</option>', form)
    record = editor.get(f"/api/events/{event_id}").json()
    response = editor.submit(
        f"/events/{event_id}/edit",
        {"title": record["title"], "date": "2023-04-18", "date_precision": "month",
         "summary": record["summary"], "implications": "A new analysis <b>bold</b>.",
         "url": record["url"] or "", "status": "reviewed", "topics_shown": "1",
         "topics": ["security", "migration"]},
    )  # fmt: skip
    assert response.status_code == 303
    page = editor.get(response.headers["location"]).text
    assert "A new analysis &lt;b&gt;bold&lt;/b&gt;." in page
    assert "editor@example.org" in page and "Revision history" in page
    after = editor.get(f"/api/events/{event_id}").json()
    assert after["date"] == "2023-04" and after["status"] == "reviewed"
    assert {t["slug"] for t in after["topics"]} == {"security", "migration"}
    actions = [r["action"] for r in after["revisions"]]
    assert actions[:2] == ["topics", "edit"]
    edit = after["revisions"][1]
    assert edit["before"]["status"] == "published" and edit["after"]["status"] == "reviewed"
    assert edit["author"] == "editor@example.org"


def test_invalid_edit_is_refused_with_the_input_kept(browser, web_db):
    event_id = event_id_matching(web_db, "")
    editor = browser("editor")
    response = editor.submit(
        f"/events/{event_id}/edit",
        {"title": "   ", "date": "2023-04-18", "date_precision": "day",
         "implications": "kept text", "status": "published"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "an event needs a title" in response.text and "kept text" in response.text
    assert 'role="alert"' in response.text
    assert editor.get(f"/api/events/{event_id}").json()["revisions"] == []


def test_links_are_added_and_removed_with_revisions(browser, web_db):
    event_id = event_id_matching(web_db, "")
    editor = browser("editor")
    assert editor.submit(f"/events/{event_id}/links", {"slug": "nadbank"}).status_code == 303
    assert editor.submit(f"/events/{event_id}/links", {"slug": "no-such"}).status_code == 400
    record = editor.get(f"/api/events/{event_id}").json()
    assert "nadbank" in {link["slug"] for link in record["institutions"]}
    response = editor.submit(f"/events/{event_id}/links/nadbank/remove")
    assert response.status_code == 303
    record = editor.get(f"/api/events/{event_id}").json()
    assert "nadbank" not in {link["slug"] for link in record["institutions"]}
    assert [r["action"] for r in record["revisions"]][:2] == ["unlink", "link"]


def test_without_public_read_anonymous_visitors_are_sent_to_sign_in(browser):
    response = browser(None).get("/events?q=water", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/events%3Fq%3Dwater"
    assert browser(None).get("/api/events").status_code == 401


def test_public_read_shows_only_published_events_without_history(make_app, web_db):
    from tests.web.conftest import Browser

    editor = Browser(make_app()).sign_in("editor@example.org")
    draft_id = event_id_matching(web_db, "")
    editor.patch(f"/api/events/{draft_id}", json={"status": "draft"},
                 headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    public = Browser(make_app(public_read=True))
    listing = public.get("/api/events").json()
    assert listing["total"] == 13 and {e["status"] for e in listing["events"]} == {"published"}
    assert public.get(f"/events/{draft_id}").status_code == 404
    other = listing["events"][0]["id"]
    record = public.get(f"/api/events/{other}").json()
    assert "revisions" not in record
    assert "Revision history" not in public.get(f"/events/{other}").text
    assert public.get("/candidates", follow_redirects=False).status_code == 303
    assert public.get("/api/candidates").status_code == 401
    assert public.get("/api/reports/2023Q2.md").status_code == 401
    assert public.get("/institutions").status_code == 200


def test_pagination_links(browser):
    page = browser("viewer").get("/events?page=2").text
    assert "No events." in page
    assert browser("viewer").get("/events?page=0").status_code == 400


def test_the_cached_list_page_follows_edits_language_and_visibility(make_app, web_db):
    from tests.web.conftest import Browser

    app = make_app(public_read=True)
    editor, public = Browser(app).sign_in("editor@example.org"), Browser(app)
    event_id = event_id_matching(web_db, "fentanyl")
    title = editor.get(f"/api/events/{event_id}").json()["title"]
    assert title in editor.get("/events?q=fentanyl").text  # now cached for this version
    assert title in public.get("/events?q=fentanyl").text
    editor.patch(f"/api/events/{event_id}", json={"title": "Renamed for the cache test",
                 "status": "draft"}, headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    page = editor.get("/events?q=fentanyl").text
    assert "Renamed for the cache test" in page and title not in page
    assert "Renamed for the cache test" not in public.get("/events?q=fentanyl").text  # a draft
    english = editor.get("/events?q=fentanyl").text
    editor.get("/language/es?next=/events")
    spanish = editor.get("/events?q=fentanyl").text
    assert "Filters" in english and "Filters" not in spanish and 'lang="es"' in spanish




def test_english_event_texts_are_marked_in_spanish_pages(browser):
    client = browser("viewer")
    english_list = client.get("/events").text
    assert 'lang="en"' not in english_list.split("<main", 1)[1].split("<footer", 1)[0]
    client.get("/language/es?next=/events")
    spanish_list = client.get("/events").text
    assert '<h3 lang="en"><a href="/events/' in spanish_list
    assert '<p class="snippet" lang="en">' in spanish_list
    spanish_event = client.get("/events/3").text
    assert '<h1 id="event-title" lang="en">' in spanish_event


def test_an_english_edit_is_marked_in_the_spanish_history(browser):
    editor = browser("editor")
    editor.submit("/events/3/edit", {"implications": "The committee will meet again in the "
                                     "autumn, and the delegations agreed to share their data."})
    editor.get("/language/es?next=/events")
    page = editor.get("/events/3").text
    history = page.split('id="history"', 1)[1]
    assert '<dd lang="en">' in history
    assert '<span lang="en">' in page.split('id="links-h"', 1)[1]  # the mention


@pytest.mark.postgres
def test_on_postgresql_the_list_page_searches_and_follows_an_edit(
    postgres_database, sample_report_path, tmp_path
):
    """On a server database the listing runs in a worker thread (routes/events.py):
    the same page, and an edit shows in the next search."""
    from tests.web.conftest import Browser, build_sample_database, fast_passwords

    from binational.config import Settings
    from binational.web.app import create_app

    url = postgres_database.engine.url.render_as_string(hide_password=False)
    build_sample_database(url, sample_report_path)
    settings = Settings(db=url, secret_key="test-key", search_dir=str(tmp_path / "search"))
    editor = Browser(create_app(settings, postgres_database, passwords=fast_passwords()))
    editor.sign_in("editor@example.org")
    page = editor.get("/events?q=fentanyl")
    assert page.status_code == 200 and 'class="event-card"' in page.text
    event_id = editor.get("/api/events?q=fentanyl").json()["events"][0]["id"]
    edit = editor.patch(f"/api/events/{event_id}", json={"title": "Zanzibar clove accord"},
                        headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
    assert edit.status_code == 200, edit.text
    assert "Zanzibar clove accord" in editor.get("/events?q=zanzibar").text
