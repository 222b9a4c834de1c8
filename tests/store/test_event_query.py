"""A listing's filters as values and the named statement that takes them."""

import datetime as dt

import pytest

from binational.domain import Period
from binational.store.event_query import (
    EventQuery,
    command_line_listings,
    filter_values,
    listing_of,
    page_values,
)

Q2 = Period.parse("2023Q2")


@pytest.mark.parametrize(
    ("query", "values", "page"),
    [
        (EventQuery(), {}, {}),
        (EventQuery(period=Q2), {"period_start": dt.date(2023, 4, 1),
                                 "period_end": dt.date(2023, 6, 30)}, {}),
        (EventQuery(month=4, status="draft"), {"month": 4, "status": "draft"}, {}),
        (EventQuery(statuses=()), {"statuses": []}, {}),
        (EventQuery(statuses=("a", "b"), any_institution=("hled",)),
         {"statuses": ["a", "b"], "any_institution": ["hled"]}, {}),
        (EventQuery(institution="hled", topic="security", limit=3, offset=2),
         {"institution": "hled", "topic": "security"}, {"limit": 3, "offset": 2}),
        (EventQuery(limit=0), {}, {"limit": 0}),
    ],
)  # fmt: skip
def test_values(query, values, page):
    assert filter_values(query) == values
    assert page_values(query) == page
    statement, bound = listing_of(query)
    assert bound == {**values, **page}
    assert statement.args == (tuple(sorted(bound)),)


def test_the_same_filters_are_the_same_statement():
    first, _ = listing_of(EventQuery(period=Q2, status="draft"))
    second, _ = listing_of(EventQuery(period=Period.parse("2022"), status="published"))
    assert first == second
    assert first != listing_of(EventQuery(period=Q2))[0]


def test_the_command_line_listings_are_every_combination():
    listings = command_line_listings()
    assert len(set(listings)) == 2**5
    assert listing_of(EventQuery(period=Q2, topic="security", limit=5))[0] in listings
