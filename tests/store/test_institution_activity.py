"""Each institution's linked events: removed links, rejected events and candidates
are not activity; the same answer from SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from binational.store.institution_activity import LinkedEvent, institution_activity
from binational.store.models import Event, EventInstitution


def add_event(session, title, date, status, slugs=(), removed=()):
    event = Event(title=title, date_value=date, status=status, summary="", implications="")
    for slug in slugs:
        event.institution_links.append(EventInstitution(slug=slug, origin="analyst"))
    for slug in removed:
        event.institution_links.append(EventInstitution(slug=slug, removed=True))
    session.add(event)
    session.flush()
    return event.id


def test_activity_per_slug_oldest_first(database) -> None:
    with database.transaction() as session:
        late = add_event(session, "Late", dt.date(2026, 3, 1), "published", ["hled", "nadd"])
        early = add_event(session, "Early", dt.date(2021, 9, 9), "draft", ["hled"])
        add_event(session, "Rejected", dt.date(2025, 1, 1), "rejected", ["hled"])
        add_event(session, "Candidate", dt.date(2025, 2, 1), "candidate", ["hled"])
        add_event(session, "Removed", dt.date(2025, 3, 1), "published", ["nadd"], ["hled"])
        reviewed = add_event(session, "Reviewed", dt.date(2025, 3, 1), "reviewed", ["usmca"])
    with database.connect() as connection:
        activity = institution_activity(connection)
        only = institution_activity(connection, ["usmca", "nowhere"])
    assert activity["hled"] == (
        LinkedEvent(early, dt.date(2021, 9, 9), "Early", "draft"),
        LinkedEvent(late, dt.date(2026, 3, 1), "Late", "published"),
    )
    assert [event.title for event in activity["nadd"]] == ["Removed", "Late"]
    assert only == {"usmca": (LinkedEvent(reviewed, dt.date(2025, 3, 1), "Reviewed", "reviewed"),)}


def test_no_events_no_activity(database) -> None:
    with database.connect() as connection:
        assert institution_activity(connection) == {}
