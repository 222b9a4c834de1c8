import datetime as dt

import pytest

from binational.errors import UserError
from binational.store.events import (
    EventQuery,
    count_events,
    find_events,
    get_event,
    update_event,
    validate_changes,
)
from binational.store.models import Event


@pytest.fixture
def event_id(database):
    with database.transaction() as session:
        event = Event(title="HLED review", summary="S.", implications="I.",
                      date_value=dt.date(2023, 4, 18), status="published")  # fmt: skip
        session.add(event)
        session.flush()
        return event.id


def test_update_records_a_revision_with_only_changed_fields(database, event_id):
    with database.transaction() as session:
        event = get_event(session, event_id)
        revision = update_event(
            session, event, {"implications": "New analysis.", "title": "HLED review"}, "ana@x.org"
        )
        assert revision.before == {"implications": "I."}
        assert revision.after == {"implications": "New analysis."}
    with database.sessions() as session:
        event = get_event(session, event_id)
        assert event.implications == "New analysis."
        assert [(r.author, r.action) for r in event.revisions] == [("ana@x.org", "edit")]


def test_date_change_marks_the_date_as_the_analysts(database, event_id):
    with database.transaction() as session:
        event = get_event(session, event_id)
        revision = update_event(session, event, {"date": "2023-05"}, "ana")
        assert revision.after == {"date": "2023-05", "date_source": "analyst"}
        assert event.date_precision == "month"


def test_no_change_no_revision(database, event_id):
    with database.transaction() as session:
        assert (
            update_event(session, get_event(session, event_id), {"title": "HLED review"}, "a")
            is None
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "needs a title"),
        ({"date": "April 2023"}, "is not a date"),
        ({"status": "done"}, "is not a status"),
        ({"url": "javascript:alert(1)"}, "is not a web address"),
        ({"id": 4}, "is not an editable field"),
    ],
)
def test_bad_changes_are_refused_and_change_nothing(database, event_id, changes, message):
    with pytest.raises(UserError, match=message), database.transaction() as session:
        update_event(session, get_event(session, event_id), changes, "a")
    with database.sessions() as session:
        event = get_event(session, event_id)
        assert (event.title, event.status, event.revisions) == ("HLED review", "published", [])


def test_missing_event(database):
    with pytest.raises(UserError, match="there is no event 99"), database.sessions() as session:
        get_event(session, 99)


def test_filters(database, event_id):
    from binational.domain import Period

    with database.sessions() as session:
        assert len(find_events(session, EventQuery(period=Period.parse("2023Q2")))) == 1
        assert find_events(session, EventQuery(period=Period.parse("2023Q3"))) == []
        assert len(find_events(session, EventQuery(month=4))) == 1
        assert find_events(session, EventQuery(status="draft")) == []
        assert find_events(session, EventQuery(institution="hled")) == []
        assert count_events(session, EventQuery()) == 1
        assert count_events(session, EventQuery(status="draft")) == 0
        assert [e.id for e in find_events(session, EventQuery(limit=1))] == [event_id]


def test_editing_the_text_runs_the_linker_again(database, event_id):
    from binational.registry.annotate import registry_annotator

    annotator = registry_annotator()
    with database.transaction() as session:
        event = get_event(session, event_id)
        update_event(session, event, {"summary": "The HLED met under the USMCA."}, "ana",
                     annotator=annotator)  # fmt: skip
    with database.sessions() as session:
        event = get_event(session, event_id)
        slugs = {link.slug for link in event.institution_links if not link.removed}
        assert {"hled", "usmca"} <= slugs


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "t" * 501},
         "the title is 501 characters long; an event's title takes at most 500"),
        ({"summary": "s" * 20_001},
         "the summary is 20,001 characters long; an event's summary takes at most 20,000"),
        ({"context": "c" * 20_001},
         "the context is 20,001 characters long; an event's context takes at most 20,000"),
        ({"implications": "i" * 30_000},
         "the implications is 30,000 characters long; an event's implications takes at most "
         "20,000"),
        ({"url": "https://x.example/" + "p" * 2_000},
         "the url is 2,018 characters long; an event's url takes at most 2,000"),
    ],
)  # fmt: skip
def test_field_lengths_are_limited_in_one_sentence(changes, message):
    with pytest.raises(UserError) as refused:
        validate_changes(changes)
    assert str(refused.value) == message


def test_the_longest_fields_allowed_pass():
    clean = validate_changes({"title": "t" * 500, "summary": "s" * 20_000})
    assert len(clean["title"]) == 500 and len(clean["summary"]) == 20_000
