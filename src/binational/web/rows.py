"""The events list's repeated rows (event cards, facet values) as HTML, built here
rather than in the template.

A search page has about a hundred rows and five hundred values in them. Through
Jinja, each value costs a markupsafe ``Markup`` object (about 1.5 µs); escaped with
``html.escape`` and joined once, the rows cost a fifth of that, which is a fifth of
a new search's time (docs/benchmarks.md). The page's structure stays in the
templates; every value written here goes through ``escape``, and
tests/web/test_rows.py feeds markup through each one.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

if TYPE_CHECKING:
    from binational.web.views import EventRow, FacetItem

_CURRENT = ' aria-current="true"'


def event_cards(events: Iterable[EventRow]) -> Markup:
    """``<li class="event-card">`` of each event: title, date, status, up to four
    institutions, snippet."""
    cards = []
    for event in events:
        institutions = ", ".join(
            f'<a href="/institutions/{escape(slug)}">{escape(name)}</a>'
            for slug, name in event.institutions
        )
        date = escape(event.date)
        cards.append(
            '<li class="event-card">'
            f'<h3><a href="/events/{int(event.id)}">{escape(event.title)}</a></h3>'
            f'<p class="meta"><time datetime="{date}">{date}</time> '
            f'<span class="badge status-{escape(event.status)}">{escape(event.status_label)}</span>'
            + (f" · {institutions}" if institutions else "")
            + f'</p><p class="snippet">{escape(event.snippet)}</p></li>'
        )
    return Markup("\n".join(cards))


def facet_items(items: Iterable[FacetItem]) -> Markup:
    """``<li>`` of each value of a facet: its link, and its count beside it."""
    return Markup(
        "\n".join(
            f'<li><a href="{escape(item.href)}"{_CURRENT if item.current else ""}>'
            f'{escape(item.label)}</a> <span class="count">{int(item.count)}</span></li>'
            for item in items
        )
    )
