"""The scorecard and the institutions' timelines on the site, from the published
events already read for the site (no query of their own). Pure.

The scorecard covers the twelve months up to the build's day, as of that day, and
counts published events only (what an anonymous reader of the web app's scorecard
sees). Its page shows the method, each category's continuity grid and table, and
each mark's evidence, linking the institutions' and the events' pages of the site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from binational.domain import EventStatus, Period
from binational.publish.scorecard_document import EventLink, ScorecardDocument
from binational.publish.scorecard_method import (
    coverage_paragraphs,
    mark_meanings,
    method_paragraphs,
)
from binational.publish.scorecard_rows import (
    anchor,
    as_of_line,
    category_parts,
    columns,
    evidence,
    step_text,
    table_row,
    title,
)
from binational.publish.scorecard_words import long_date, period_label, word
from binational.registry.loader import Registry
from binational.scorecard.build import build_scorecard
from binational.scorecard.service import default_period, scored_day
from binational.store.institution_activity import LinkedEvent
from binational.store.public_reads import PublicEvent

PUBLISHED = (EventStatus.PUBLISHED.value,)
# A timeline reaches back at most this many years (as the web app's does): a strip
# from 1889 to now would squeeze a decade of events into a few pixels.


def linked_events(events: Sequence[PublicEvent]) -> dict[str, list[LinkedEvent]]:
    """slug -> its published events as the scorecard reads them, oldest first."""
    linked: dict[str, list[LinkedEvent]] = defaultdict(list)
    for event in sorted(events, key=lambda e: (e.date.value, e.id)):
        primary = next((s.url for s in event.sources if s.role == "primary"), None)
        found = LinkedEvent(event.id, event.date.value, event.title, PUBLISHED[0],
                            event.date.precision.value, primary)  # fmt: skip
        for slug in dict.fromkeys(link.slug for link in event.links):
            linked[slug].append(found)
    return linked


@dataclass(frozen=True)
class SiteScorecard:
    """The site's scorecard before it is scored: its period and day, what it is
    scored from (``key``: the page's content key), and the document, scored once,
    when first asked, in the language asked."""

    period: Period
    as_of: dt.date
    key: Any = field(repr=False)
    scored: Callable[[], ScorecardDocument] = field(repr=False)

    def document(self, language: str) -> ScorecardDocument:
        # The language only picks the words the renderers use.
        return dataclasses.replace(self.scored(), language=language)

    def title(self, language: str) -> str:
        """'Scorecard | December 2025-November 2026' (as ``scorecard_rows.title``)."""
        return f"{word('title', language)} | {period_label(self.period, language)}"

    def as_of_text(self, language: str) -> str:
        return word("as_of", language, date=long_date(self.as_of, language))


def site_scorecard(
    events: Sequence[PublicEvent], registry: Registry, organization: str, today: dt.date
) -> SiteScorecard | None:
    """The scorecard of the twelve months up to ``today``; None without published
    events (there is nothing to score with)."""
    if not events:
        return None
    linked = linked_events(events)
    months = Counter((e.date.value.year, e.date.value.month) for e in events)
    coverage = [(year, month, count) for (year, month), count in sorted(months.items())]
    period = default_period(today)
    as_of = scored_day(period, today)

    @functools.cache
    def scored() -> ScorecardDocument:
        return build_scorecard(
            registry.institutions, linked, period, as_of, coverage,
            organization=organization, statuses=PUBLISHED,
        )  # fmt: skip

    key = (repr(registry.institutions), linked, coverage, str(period), as_of, organization)
    return SiteScorecard(period, as_of, key, scored)


def scorecard_context(
    document: ScorecardDocument,
    institution_href: Callable[[str], str],
    event_href: Callable[[int], str | None],
) -> dict[str, Any]:
    """What the site's scorecard page shows, as plain data (its content key)."""
    language = document.language

    def event(link: EventLink) -> dict[str, Any]:
        return {"date": link.date, "title": " ".join(link.title.split()),
                "href": event_href(link.id)}  # fmt: skip

    parts = [
        {
            "category": part.category, "heading": part.heading,
            "grid": {"svg": part.grid.svg, "alt": part.grid.alt},
            "rows": [
                {"cells": list(table_row(row, document)), "mark": row.mark.value,
                 "href": institution_href(row.slug), "anchor": anchor(row)}
                for row in part.rows
            ],
        }
        for part in category_parts(document)
    ]  # fmt: skip
    return {
        "heading": title(document),
        "as_of": as_of_line(document),
        "marks": [
            {"mark": mark.value, "name": name, "meaning": meaning, "count": document.count(mark)}
            for mark, name, meaning in mark_meanings(document)
        ],
        "method": method_paragraphs(document),
        "coverage": coverage_paragraphs(document),
        "columns": list(columns(document)),
        "parts": parts,
        "evidence": [
            {
                "anchor": anchor(found.row),
                "heading": found.heading,
                "reason": found.reason,
                "href": institution_href(found.row.slug),
                "rests_on_events": [event(link) for link in found.rests_on_events],
                "rests_on_steps": [
                    {"text": step_text(step, language), "source": step.source}
                    for step in found.rests_on_steps
                ],
                "period_events": [event(link) for link in found.period_events],
            }
            for found in evidence(document)
        ],  # fmt: skip
        "words": {
            key: word(key, language)
            for key in (
                "summary",
                "method",
                "marks_heading",
                "coverage",
                "grid",
                "evidence",
                "mark_rests_on",
                "source",
            )
        },  # fmt: skip
        "events_heading": word(
            "events_in", language, period=period_label(document.period, language)
        ),
    }
