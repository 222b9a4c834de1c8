"""What the events list page shows, computed in Python rather than in the template:
labels in the visitor's language and the links of every facet value, active filter
and page (the page has a hundred of them, and template macros are slow)."""

from __future__ import annotations

import re
from html import escape
from typing import Any, NamedTuple
from urllib.parse import quote_plus, urlencode

from markupsafe import Markup

from binational.web.context import WebContext
from binational.web.i18n.translator import Translator
from binational.web.views.event_list import FILTER_NAMES, EventFilters
from binational.web.views.rows import event_cards, facet_items

# What quote_plus leaves as it is: most facet values (slugs, quarters, months).
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]+")
FACET_ORDER = ("status", "quarter", "month", "category", "institution", "topic")


class Facet(NamedTuple):
    name: str
    label: str
    items_html: Markup  # its values' <li> rows (web/rows.py)
    open: bool


class Link(NamedTuple):
    label: str
    href: str


def events_href(params: dict[str, str]) -> str:
    return "/events?" + urlencode(params) if params else "/events"


def facet_hrefs(
    filters: EventFilters, facet: str, values: list[str], html: bool = False
) -> list[str]:
    """The link of each value of one facet: the current filters with that value
    (page reset), as ``events_href`` would write them; with ``html``, escaped for
    an attribute. The other filters are encoded (and escaped) once for all the
    values: a page links to about a hundred. A value's own part needs no escaping:
    URL-encoded, it holds none of ``&<>"'``."""
    params = filters.query_params(**{facet: ""})
    names = list(FILTER_NAMES)
    position = names.index(facet)
    before = [f"{k}={quote_plus(v)}" for k, v in params.items() if names.index(k) < position]
    after = [f"{k}={quote_plus(v)}" for k, v in params.items() if names.index(k) > position]
    head = "/events?" + "".join(part + "&" for part in before) + facet + "="
    tail = "".join("&" + part for part in after)
    if html:
        head, tail = escape(head), escape(tail)
    return [head + (v if _URL_SAFE.fullmatch(v) else quote_plus(v)) + tail for v in values]


def events_page(
    listing: dict[str, Any], filters: EventFilters, t: Translator, web: WebContext
) -> dict[str, Any]:
    labels = web.page_labels[t.language]
    facets = []
    for facet in FACET_ORDER:
        values = listing["facets"][facet]
        if not values:
            continue
        current = getattr(filters, facet)
        hrefs = facet_hrefs(filters, facet, [item["value"] for item in values], html=True)
        rows = facet_items(facet, values, hrefs, None if current is None else str(current), labels)
        is_open = facet in FACET_ORDER[:3] or current is not None
        facets.append(Facet(facet, t(f"facet_{facet}"), rows, is_open))
    chips = [
        Link(f"{t('facet_' + name)}: {labels.facet(name, value)}",
             events_href(filters.query_params(**{name: None})))
        for name, value in filters.query_params().items()
        if name != "page"
    ]  # fmt: skip
    page, pages = listing["page"], listing["pages"]
    return {
        "facets": facets,
        "chips": chips,
        "events": listing["events"],
        "cards": event_cards(listing["events"], labels),
        "previous": events_href(filters.query_params(page=page - 1)) if page > 1 else None,
        "next": events_href(filters.query_params(page=page + 1)) if page < pages else None,
        "json": "/api/events?" + urlencode(filters.query_params(page=page)),
        "hidden": filters.query_params(q=None),
    }
