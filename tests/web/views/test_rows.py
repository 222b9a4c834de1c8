"""web/rows.py: the list's rows escape every value they write."""

from html import escape
from html.parser import HTMLParser

import pytest

from binational.registry.loader import load_registry
from binational.web.i18n.page_labels import PageLabels
from binational.web.i18n.translator import Translator
from binational.web.views.rows import event_cards, facet_items, snippet

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


@pytest.fixture(scope="module")
def labels():
    return PageLabels(Translator("en"), load_registry(), {})


def test_event_cards_escape_every_value(labels):
    card = {"id": 7, "title": EVIL, "date": EVIL, "status": "draft", "summary": EVIL,
            "institutions": [{"slug": EVIL}, {"slug": "usmca"}], "language": EVIL}  # fmt: skip
    html = str(event_cards([card], labels))
    page = parsed(html)
    assert "script" not in page.tags and "<script>" not in html
    assert page.tags == ["li", "h3", "a", "p", "time", "span", "a", "a", "p"]
    assert page.texts.count(EVIL) == 4  # title, date, institution (unknown: its slug), snippet
    assert Translator("en")("status_draft") in page.texts
    assert ("class", "badge status-draft") in page.attributes
    assert ("href", "/events/7") in page.attributes and ("datetime", EVIL) in page.attributes
    assert ("href", f"/institutions/{EVIL}") in page.attributes
    assert ("href", "/institutions/usmca") in page.attributes
    assert page.attributes.count(("lang", EVIL)) == 2  # the title and the snippet


def test_event_cards_name_at_most_four_institutions(labels):
    card = {"id": 1, "title": "t", "date": "2023-05-01", "status": "published", "summary": "s",
            "institutions": [{"slug": f"x{n}"} for n in range(6)], "language": "en"}  # fmt: skip
    assert parsed(str(event_cards([card], labels))).tags.count("a") == 1 + 4


@pytest.mark.parametrize("current", [EVIL, None])
def test_facet_items_escape_every_value(labels, current):
    values = [{"value": EVIL, "count": 12}]
    href_html = escape(f"/events?q={EVIL}")  # as views.facet_hrefs(..., html=True) gives it
    html = str(facet_items("quarter", values, [href_html], current, labels))
    page = parsed(html)
    assert page.tags == ["li", "a", "span"] and "<script>" not in html
    assert page.texts == [EVIL, " ", "12"]
    assert ("href", f"/events?q={EVIL}") in page.attributes
    assert (("aria-current", "true") in page.attributes) is (current is not None)


def test_no_rows_no_html(labels):
    assert event_cards([], labels) == "" and facet_items("topic", [], [], None, labels) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("short", "short"), ("word " * 60, ("word " * 44).rstrip() + "…")],
)
def test_snippet(text, expected):
    assert snippet(text) == expected

