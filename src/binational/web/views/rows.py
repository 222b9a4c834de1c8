"""The events list's repeated rows (event cards, facet values) as HTML, built here
rather than in the template.

A search page has about a hundred rows and five hundred values in them. Through
Jinja, each value costs a markupsafe ``Markup`` object; escaped with ``html.escape``
and joined once, the rows cost a fraction of that, a visible share of a new search's
time (docs/benchmarks.md, the web benchmark). Names from a fixed vocabulary (statuses,
institutions, facet values) come escaped from ``PageLabels``, made once, and facet
links from ``views.facet_hrefs(..., html=True)``. The page's structure stays in the
templates; every other value is escaped here, and tests/web/test_rows.py feeds
markup through each one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from markupsafe import Markup

from binational.web.i18n.page_labels import PageLabels
from binational.web.i18n.text_language import lang_attribute

CARD_INSTITUTIONS = 4  # institutions named on a card
SNIPPET = 220  # characters of the summary on a card
_CURRENT = ' aria-current="true"'


def snippet(text: str, limit: int = SNIPPET) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def event_cards(cards: Iterable[Mapping[str, Any]], labels: PageLabels) -> Markup:
    """``<li class="event-card">`` of each event card (``store.records.event_card``):
    title, date, status, up to four institutions, the summary's start; the title and
    the summary carry ``lang`` when they are not in the page's language."""
    rows = []
    page_language = labels.t.language
    for card in cards:
        lang = lang_attribute(card["language"], page_language)
        institutions = ", ".join(
            labels.institution_link(link["slug"])
            for link in card["institutions"][:CARD_INSTITUTIONS]
        )
        date = escape(card["date"])
        rows.append(
            '<li class="event-card">'
            f'<h3{lang}><a href="/events/{int(card["id"])}">{escape(card["title"])}</a></h3>'
            f'<p class="meta"><time datetime="{date}">{date}</time> '
            + labels.status_badge(card["status"])
            + (f" · {institutions}" if institutions else "")
            + f'</p><p class="snippet"{lang}>{escape(snippet(card["summary"]))}</p></li>'
        )
    return Markup("\n".join(rows))


def facet_items(
    facet: str,
    values: Sequence[Mapping[str, Any]],
    hrefs_html: Sequence[str],
    current: str | None,
    labels: PageLabels,
) -> Markup:
    """``<li>`` of each value of a facet (``{"value", "count"}``, with its link,
    already escaped: ``views.facet_hrefs(..., html=True)``): the link, marked when
    it is the filter in use, and the count beside it."""
    return Markup(
        "\n".join(
            f'<li><a href="{href}"{_CURRENT if item["value"] == current else ""}>'
            f"{labels.facet_html(facet, item['value'])}</a> "
            f'<span class="count">{int(item["count"])}</span></li>'
            for item, href in zip(values, hrefs_html, strict=True)
        )
    )
