"""web/rows.py: the list's rows escape every value they write."""

from html.parser import HTMLParser

import pytest

from binational.web.rows import event_cards, facet_items
from binational.web.views import EventRow, FacetItem

EVIL = '<script>alert("x")</script>&\'"'


class Texts(HTMLParser):
    """The tags, attributes and texts of a piece of HTML, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.texts.append(data)


def parsed(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    return parser


def test_event_cards_escape_every_value():
    row = EventRow(7, EVIL, EVIL, EVIL, EVIL, [(EVIL, EVIL), ("usmca", "USMCA")], EVIL)
    html = str(event_cards([row]))
    page = parsed(html)
    assert "script" not in page.tags and "<script>" not in html
    assert page.tags == ["li", "h3", "a", "p", "time", "span", "a", "a", "p"]
    assert page.texts.count(EVIL) == 5  # title, date, status label, institution, snippet
    assert ("href", "/events/7") in page.attributes and ("datetime", EVIL) in page.attributes
    assert ("class", f"badge status-{EVIL}") in page.attributes
    assert ("href", f"/institutions/{EVIL}") in page.attributes


@pytest.mark.parametrize("current", [True, False])
def test_facet_items_escape_every_value(current):
    html = str(facet_items([FacetItem(EVIL, 12, f"/events?q={EVIL}", current)]))
    page = parsed(html)
    assert page.tags == ["li", "a", "span"] and "<script>" not in html
    assert page.texts == [EVIL, " ", "12"]
    assert ("href", f"/events?q={EVIL}") in page.attributes
    assert (("aria-current", "true") in page.attributes) is current


def test_no_rows_no_html():
    assert event_cards([]) == "" and facet_items([]) == ""
