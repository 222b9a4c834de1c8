"""Reading an edit form into changes (web/views/event_page.py)."""

import pytest

from binational.config import Settings
from binational.curation.edits import EventChanges, apply_changes
from binational.errors import UserError
from binational.intake.importer import import_reports
from binational.store.events import get_event
from binational.web.app import create_app
from binational.web.views.event_page import compose_date, form_changes, vocabulary


@pytest.mark.parametrize(
    ("day", "precision", "iso"),
    [
        ("2023-05-12", "day", "2023-05-12"),
        ("2023-05-12", "month", "2023-05"),
        ("2023-05-12", "quarter", "2023Q2"),
        ("2023-12-31", "quarter", "2023Q4"),
        ("2023-05", "month", "2023-05"),
        ("0999-05-12", "month", "0999-05"),
        ("0999-05-12", "quarter", "0999Q2"),
    ],
)
def test_compose_date(day, precision, iso):
    assert compose_date(day, precision) == iso


@pytest.mark.parametrize(
    ("day", "precision", "message"),
    [
        ("2023-05-12", "year", "not a date precision"),
        ("May 12", "day", "is not a date"),
        ("2023-05", "day", "not a whole date"),
        ("2023-13-01", "day", "is not a date|month must be"),
    ],
)
def test_compose_date_refuses(day, precision, message):
    with pytest.raises((UserError, ValueError), match=message):
        compose_date(day, precision)


def test_form_changes_take_only_editable_fields():
    changes = form_changes(
        {"title": "T", "date": "2023-05-12", "date_precision": "month", "csrf_token": "x",
         "id": "9", "implications": "I"},
        ["security"],
    )  # fmt: skip
    assert dict(changes.fields) == {"title": "T", "implications": "I", "date": "2023-05"}
    assert changes.topics == ("security",)
    assert form_changes({"title": "T"}, None).topics is None


def test_editing_the_summary_links_what_it_now_mentions(database, sample_report_path):
    """The web edit runs the registry linker on the changed text (issue 3: import,
    ingestion and editing all link)."""
    [outcome] = import_reports(database, [sample_report_path])
    web = create_app(Settings(secret_key="k" * 32), database).state.web
    event_id = outcome.event_ids[4]  # the Southeast governors' meeting: no binational link
    with database.transaction() as session:
        event = get_event(session, event_id)
        before = {link.slug for link in event.institution_links if not link.removed}
        assert "ibwc" not in before
        changes = EventChanges(fields={"summary": event.summary + "\nThe IBWC also met."})
        apply_changes(session, event, changes, "ana@example.org", vocabulary(web), web.annotator)
    with database.sessions() as session:
        after = {link.slug for link in get_event(session, event_id).institution_links}
    assert "ibwc" in after


def test_the_api_and_the_cli_give_an_event_the_same_fields_and_values(browser, web_db):
    import json
    import subprocess
    import sys
    from pathlib import Path

    from_api = browser("viewer").get("/api/events/1").json()
    cli = Path(sys.executable).with_name("binational")
    shown = subprocess.run(
        [str(cli), "events", "show", "1", "--json", "--db", str(web_db.engine.url.database)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    from_cli = json.loads(shown.stdout)
    assert from_api["number"] == from_cli["number"] == 1
    shared = {key: from_cli[key] for key in from_cli if key != "revisions"}
    assert {key: from_api[key] for key in shared} == shared
    assert sorted(r["id"] for r in from_api["revisions"]) == sorted(
        r["id"] for r in from_cli["revisions"]
    )


def test_an_event_pages_number_follows_an_edit_to_its_quarter(browser):
    """The quarter's daily counts are kept per data version: an event moved into a
    quarter before another renumbers it on its next view."""
    viewer, editor = browser("viewer"), browser("editor")

    def move(event_id: int, day: str) -> None:
        edit = editor.patch(f"/api/events/{event_id}", json={"date": day},
                            headers={"X-CSRF-Token": editor.csrf()})  # fmt: skip
        assert edit.status_code == 200, edit.text

    move(1, "2023-07-10")  # out of the 2023Q2 report, alone in 2023Q3
    assert viewer.get("/api/events/1").json()["number"] == 1
    move(2, "2023-07-05")
    assert [viewer.get(f"/api/events/{i}").json()["number"] for i in (1, 2)] == [2, 1]


def test_an_event_pages_number_follows_its_report_being_rearranged(browser):
    """A quarter's report shape (its items too) is kept per data version: moving an
    item up, or excluding one, renumbers the events on their next view, on their
    pages as in their JSON records."""
    viewer, editor = browser("viewer"), browser("editor")

    def numbers() -> dict[int, int | None]:
        items = viewer.get("/api/reports/2023Q2").json()["items"][:3]
        return {item["event_id"]: viewer.get(f"/api/events/{item['event_id']}").json()["number"]
                for item in items}  # fmt: skip

    first, second, third = numbers()
    assert numbers() == {first: 1, second: 2, third: 3}
    assert editor.submit(f"/reports/2023Q2/items/{second}", {"action": "up"}).status_code == 303
    assert numbers() == {second: 1, first: 2, third: 3}
    page = viewer.get(f"/events/{first}").text
    assert '<a href="/reports/2023Q2">2023Q2</a>, item 2</dd>' in page
    editor.submit(f"/reports/2023Q2/items/{second}", {"action": "exclude"})
    assert viewer.get(f"/api/events/{second}").json()["number"] is None
    assert viewer.get(f"/api/events/{first}").json()["number"] == 1
