"""web/views.py: what the events list shows, computed before the template."""

from html import escape

import pytest

from binational.web.views.event_list import FILTER_NAMES, EventFilters
from binational.web.views.events_page import events_href, facet_hrefs

FILTERS = [
    EventFilters(),
    EventFilters(q='López & "Obrador"', page=3),
    EventFilters(
        q="water",
        quarter="2023Q2",
        month=5,
        institution="ibwc",
        category="commission",
        topic="water",
        status="draft",
        page=2,
    ),  # fmt: skip
    EventFilters(topic="security"),
]
VALUES = ["2023Q2", "usmca", "a b&c=d", "5", "<\"'>"]


@pytest.mark.parametrize("filters", FILTERS, ids=str)
@pytest.mark.parametrize("facet", [name for name in FILTER_NAMES if name != "q"])
def test_facet_hrefs_are_the_filters_with_each_value(filters, facet):
    expected = [events_href(filters.query_params(**{facet: value})) for value in VALUES]
    assert facet_hrefs(filters, facet, VALUES) == expected
    assert facet_hrefs(filters, facet, VALUES, html=True) == [escape(href) for href in expected]
