"""The events list (web/views/event_list.py): filters, paging, facets; on SQLite and
PostgreSQL; the same ranking as ``binational events --search``."""

import json

import pytest
from typer.testing import CliRunner

from binational.config import Settings
from binational.errors import UserError
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
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


@pytest.fixture
def web(database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    return create_app(Settings(), database).state.web


def test_listing_and_facets_agree(database, web):
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


def test_an_edit_shows_in_the_next_listing(database, web):
    from binational.store.events import get_event, update_event

    with database.connect() as connection:
        before = list_events(connection, EventFilters(q="fentanyl"), None, web)
    with database.transaction() as session:
        update_event(
            session, get_event(session, before["events"][0]["id"]), {"status": "draft"}, "a"
        )
    with database.connect() as connection:
        after = list_events(connection, EventFilters(q="fentanyl"), None, web)
    statuses = {f["value"]: f["count"] for f in after["facets"]["status"]}
    assert statuses["draft"] == 1 and after["total"] == before["total"]


QUERIES = [
    ("fentanyl", {}), ("Fentanyl TRAFFICKING", {}), ("lopez obrador", {}),
    ("López Obrador", {}), ("mexico", {}), ("united states", {}), ('"United States"', {}),
    ("border", {"quarter": "2023Q2"}), ("border", {"quarter": "2023-05"}),
    ("mexico", {"status": "published"}), ("mexico", {"institution": "usmca"}),
    ("mexico", {"topic": "security"}), ("security cooperation", {}), ("water", {}),
    ("labor", {"quarter": "2023"}), ("nothing-like-this-anywhere", {}),
    ("mexico", {"institution": "no-such-institution"}), ("commission", {}),
    ("migration", {}), ("economic dialogue", {}), ("HLED", {}), ("arms trafficking", {}),
]  # fmt: skip
CLI_OPTIONS = {"quarter": "--period", "status": "--status", "institution": "--institution",
               "topic": "--topic"}  # fmt: skip


def test_the_command_line_and_the_web_search_rank_alike(database, web, tmp_path):
    """``binational events --search X`` and the events page give the same ids in the
    same order, for the same words and filters (one search service, one ranking)."""
    from binational.cli import app as cli

    url = database.engine.url.render_as_string(hide_password=False)
    matched = 0
    for text, filters in QUERIES:
        with database.connect() as connection:
            listing = list_events(connection, EventFilters(q=text, **filters), None, web)
        options = [arg for name, value in filters.items() for arg in (CLI_OPTIONS[name], value)]
        result = CliRunner().invoke(
            cli, ["events", "--search", text, *options, "--limit", "25", "--json", "--db", url]
        )
        assert result.exit_code == 0, result.output
        by_command = [record["id"] for record in json.loads(result.output)]
        assert by_command == [event["id"] for event in listing["events"]], (text, filters)
        matched += bool(by_command)
    assert matched >= 15
