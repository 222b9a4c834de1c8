"""The events list service (web/listing.py): filters, paging, facets; on SQLite and
PostgreSQL, searching with the in-memory index and with the database alone."""

import itertools

import pytest

from binational.config import Settings
from binational.errors import UserError
from binational.index.live import LiveIndex
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.web.app import create_app
from binational.web.views.event_list import (
    EventFilters,
    list_events,
    page_count,
    parse_filters,
)


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({}, EventFilters()),
        ({"q": "  fentanyl ", "quarter": "2023-q2"}, EventFilters(q="fentanyl", quarter="2023Q2")),
        ({"month": "5", "page": "3"}, EventFilters(month=5, page=3)),
        ({"status": "draft", "category": "program", "topic": "security", "institution": "usmca"},
         EventFilters(status="draft", category="program", topic="security", institution="usmca")),
        ({"q": "", "month": ""}, EventFilters()),
    ],
)  # fmt: skip
def test_parse_filters(params, filters):
    assert parse_filters(params) == filters


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"quarter": "Q2"}, "not a period"),
        ({"month": "0"}, "month must be a number from 1 to 12"),
        ({"month": "may"}, "month must be"),
        ({"page": "-1"}, "page must be"),
        ({"status": "lost"}, "not a status"),
        ({"category": "treaty"}, "not a category"),
    ],
)
def test_parse_filters_refuses(params, message):
    with pytest.raises(UserError, match=message):
        parse_filters(params)


@pytest.mark.parametrize(
    ("changes", "params"),
    [
        ({}, {"q": "water", "month": "5"}),
        ({"month": None}, {"q": "water"}),
        ({"status": "draft"}, {"q": "water", "month": "5", "status": "draft"}),
        ({"page": 2}, {"q": "water", "month": "5", "page": "2"}),
    ],
)
def test_query_params_reset_the_page(changes, params):
    assert EventFilters(q="water", month=5, page=4).query_params(**changes) == params


@pytest.mark.parametrize(("total", "pages"), [(0, 1), (1, 1), (25, 1), (26, 2), (100_000, 4000)])
def test_page_count(total, pages):
    assert page_count(total) == pages


def make_web(database, searched_by):
    """The web context, searching with the in-memory index (built in the
    foreground, so that every search uses it) or with the database alone."""
    if searched_by == "index":
        index = LiveIndex(database, load_registry(), background=False)
        return create_app(Settings(), database, search_index=index).state.web
    return create_app(Settings(search_index=False), database).state.web


@pytest.fixture(params=["index", "database"])
def web(request, database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    return make_web(database, request.param)


FILTERS = [
    EventFilters(q="fentanyl"),
    EventFilters(q="Fentanyl TRAFFICKING"),
    EventFilters(q="lopez obrador"),
    EventFilters(q="López Obrador", month=5),
    EventFilters(q="border", quarter="2023Q2"),
    EventFilters(q="border", quarter="2023Q3"),
    EventFilters(q="mexico", status="published"),
    EventFilters(q="mexico", institution="usmca"),
    EventFilters(q="mexico", category="agreement"),
    EventFilters(q="mexico", topic="security"),
    EventFilters(q="mexico", page=2),
    EventFilters(q="nothing-like-this-anywhere"),
    EventFilters(q="mexico", institution="no-such-institution"),
]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_the_index_and_the_database_list_the_same(database, sample_report_path, filters):
    """Same totals, facets and pages with either search; on SQLite in the same order
    too (both rank by bm25), while PostgreSQL's own search ranks by ts_rank_cd."""
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    by_index, by_database = make_web(database, "index"), make_web(database, "database")
    for statuses, cards in itertools.product((None, ("published",)), (False, True)):
        with database.connect() as connection:
            listed = list_events(connection, filters, statuses, by_index, cards=cards)
            expected = list_events(connection, filters, statuses, by_database, cards=cards)
        if database.dialect == "postgresql":
            for listing in (listed, expected):
                listing["events"].sort(key=lambda event: event["id"])
        assert listed == expected
        assert by_index.results.misses and by_index.search_index.builds == 1


def test_listing_and_facets_agree_on_both_engines(database, web):
    with database.connect() as connection:
        everything = list_events(connection, EventFilters(), None, web)
        assert everything["total"] == 14 and len(everything["events"]) == 14
        months = {f["value"]: f["count"] for f in everything["facets"]["month"]}
        assert set(months) == {"4", "5", "6"} and sum(months.values()) == 14
        assert everything["facets"]["quarter"] == [{"value": "2023Q2", "count": 14}]
        for facet in ("institution", "category", "topic"):
            for value in everything["facets"][facet]:
                narrowed = list_events(
                    connection, EventFilters(**{facet: value["value"]}), None, web
                )
                assert narrowed["total"] == value["count"], (facet, value)
        found = list_events(connection, EventFilters(q="fentanyl"), None, web)
        assert 0 < found["total"] < 14
        for facet in ("institution", "category", "topic", "month"):
            for value in found["facets"][facet]:
                wanted = int(value["value"]) if facet == "month" else value["value"]
                both = EventFilters(q="fentanyl", **{facet: wanted})
                narrowed = list_events(connection, both, None, web)
                assert narrowed["total"] == value["count"], (facet, value)
        public = list_events(connection, EventFilters(), ("draft",), web)
        assert public["total"] == 0 and public["facets"]["status"] == []


def test_cached_listings_follow_every_change(database, web):
    from binational.store.events import get_event, update_event

    with database.connect() as connection:
        before = list_events(connection, EventFilters(q="fentanyl"), None, web)
    assert (web.results.hits, web.results.misses) == (0, 2)  # the search, its first page
    with database.connect() as connection:
        list_events(connection, EventFilters(q="fentanyl", page=2), None, web)
    assert (web.results.hits, web.results.misses) == (1, 3)  # the same search, a new page
    with database.transaction() as session:
        update_event(
            session, get_event(session, before["events"][0]["id"]), {"status": "draft"}, "a"
        )
    with database.connect() as connection:
        after = list_events(connection, EventFilters(q="fentanyl"), None, web)
    statuses = {f["value"]: f["count"] for f in after["facets"]["status"]}
    assert statuses["draft"] == 1 and web.results.misses == 5
