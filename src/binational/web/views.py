"""What the events list page shows, computed in Python rather than in the template:
labels in the visitor's language and the links of every facet value, active filter
and page (the page has a hundred of them, and template macros are slow)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple
from urllib.parse import quote_plus, urlencode

from markupsafe import Markup

from binational.web.context import WebContext
from binational.web.i18n import Translator
from binational.web.listing import FILTER_NAMES, EventFilters
from binational.web.rows import event_cards, facet_items

# What quote_plus leaves as it is: most facet values (slugs, quarters, months).
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]+")
FACET_ORDER = ("status", "quarter", "month", "category", "institution", "topic")
SNIPPET = 220


class FacetItem(NamedTuple):
    label: str
    count: int
    href: str
    current: bool


class Facet(NamedTuple):
    name: str
    label: str
    items: list[FacetItem]
    open: bool

    @property
    def items_html(self) -> Markup:
        return facet_items(self.items)


class Link(NamedTuple):
    label: str
    href: str


class EventRow(NamedTuple):
    id: int
    title: str
    date: str
    status: str
    status_label: str
    institutions: list[tuple[str, str]]
    snippet: str


def entry_label(web: WebContext, t: Translator, slug: str) -> str:
    entry = web.entry(slug)
    return t.pick(entry.name_en, entry.name_es) if entry else slug


def facet_label(web: WebContext, t: Translator, facet: str, value: str) -> str:
    if facet == "month":
        return t.month(int(value))
    if facet in ("status", "category"):
        return t(f"{facet}_{value}")
    if facet == "institution":
        return entry_label(web, t, value)
    if facet == "topic":
        names = web.topic_names.get(value)
        return t.pick(*names) if names else value
    return value


def events_href(params: dict[str, str]) -> str:
    return "/events?" + urlencode(params) if params else "/events"


def facet_hrefs(filters: EventFilters, facet: str, values: list[str]) -> list[str]:
    """The link of each value of one facet: the current filters with that value
    (page reset), as ``events_href`` would write them. The other filters are
    encoded once for all the values: a page links to about a hundred."""
    params = filters.query_params(**{facet: ""})
    names = list(FILTER_NAMES)
    position = names.index(facet)
    before = [f"{k}={quote_plus(v)}" for k, v in params.items() if names.index(k) < position]
    after = [f"{k}={quote_plus(v)}" for k, v in params.items() if names.index(k) > position]
    head = "/events?" + "".join(part + "&" for part in before) + facet + "="
    tail = "".join("&" + part for part in after)
    return [head + (v if _URL_SAFE.fullmatch(v) else quote_plus(v)) + tail for v in values]


def snippet(text: str, limit: int = SNIPPET) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def events_page(
    listing: dict[str, Any], filters: EventFilters, t: Translator, web: WebContext
) -> dict[str, Any]:
    facets = []
    for facet in FACET_ORDER:
        current = getattr(filters, facet)
        values = listing["facets"][facet]
        hrefs = facet_hrefs(filters, facet, [item["value"] for item in values])
        items = [
            FacetItem(
                facet_label(web, t, facet, item["value"]),
                item["count"],
                href,
                current is not None and str(current) == item["value"],
            )
            for item, href in zip(values, hrefs, strict=True)
        ]
        if items:
            is_open = facet in FACET_ORDER[:3] or current is not None
            facets.append(Facet(facet, t(f"facet_{facet}"), items, is_open))
    chips = [
        Link(f"{t('facet_' + name)}: {facet_label(web, t, name, value)}",
             events_href(filters.query_params(**{name: None})))
        for name, value in filters.query_params().items()
        if name != "page"
    ]  # fmt: skip
    events = [
        EventRow(
            event["id"], event["title"], event["date"], event["status"],
            t(f"status_{event['status']}"),
            [(i["slug"], entry_label(web, t, i["slug"])) for i in event["institutions"][:4]],
            snippet(event["summary"]),
        )
        for event in listing["events"]
    ]  # fmt: skip
    page, pages = listing["page"], listing["pages"]
    return {
        "facets": facets,
        "chips": chips,
        "events": events,
        "cards": event_cards(events),
        "previous": events_href(filters.query_params(page=page - 1)) if page > 1 else None,
        "next": events_href(filters.query_params(page=page + 1)) if page < pages else None,
        "json": "/api/events?" + urlencode(filters.query_params(page=page)),
        "hidden": filters.query_params(q=None),
    }
