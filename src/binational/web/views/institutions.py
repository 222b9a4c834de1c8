"""The institutions registry for the web: entries as JSON records, grouped by
category, and one institution's timeline of events, with each fact's provenance and
the status check's suggestions (``registry/check.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from binational.domain import Category, PartialDate
from binational.registry.check import check_statuses, suggestion_record
from binational.registry.entries import Institution
from binational.registry.records import entry_record
from binational.scorecard.timelines import timeline_picture
from binational.store.events import EventQuery, find_events
from binational.store.institution_activity import institution_activity
from binational.store.records import event_record
from binational.web.context import WebContext
from binational.web.http.errors import NotFound

TIMELINE_LIMIT = 500


def summary_record(entry: Institution) -> dict[str, Any]:
    return {
        "slug": entry.slug,
        "category": entry.category,
        "subtype": entry.subtype,
        "name_en": entry.name_en,
        "name_es": entry.name_es,
        "acronyms": list(entry.acronyms),
        "status": entry.status,
        "established": str(entry.established) if entry.established else None,
    }


def registry_by_category(web: WebContext, category: str | None = None) -> dict[str, list[dict]]:
    """Institutions grouped by category, in the registry's order."""
    categories = [c.value for c in Category]
    if category is not None:
        if category not in categories:
            raise NotFound(f"there is no category {category}")
        categories = [category]
    return {
        name: [summary_record(entry) for entry in web.registry.by_category(name)]
        for name in categories
    }


def implications_view(entry: Institution, language: str) -> dict[str, Any] | None:
    """The institution's implications as the page shows them: in Spanish for a Spanish
    reader when the registry has them in Spanish, else in English (``lang`` says which,
    for the page's ``lang`` attribute), one paragraph a line; None when not written."""
    text, lang = (
        (entry.implications_es, "es")
        if language == "es" and entry.implications_es
        else (entry.implications_en, "en")
    )
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    return {"lang": lang, "paragraphs": paragraphs} if paragraphs else None


def institution_detail(
    session: Session, slug: str, statuses: tuple[str, ...] | None, web: WebContext,
    language: str = "en",
) -> dict[str, Any]:  # fmt: skip
    """The registry entry, its children, its events (oldest first) and, for an
    institution seen by a signed-in analyst (``statuses`` None: every event), the
    status changes its linked events suggest as of today: their evidence may be
    drafts, which anonymous readers do not see."""
    entry = web.registry.get(slug)
    if entry is None:
        raise NotFound(f"there is no institution or agency {slug}")
    record = entry_record(entry)
    record["children"] = [summary_record(child) for child in web.registry.children(slug)]
    events = find_events(
        session, EventQuery(institution=slug, statuses=statuses, limit=TIMELINE_LIMIT)
    )
    record["events"] = [event_record(event, None, web.labels) for event in events]
    if isinstance(entry, Institution):
        record["implications"] = implications_view(entry, language)
    if isinstance(entry, Institution) and record["events"]:
        days = [PartialDate.parse(event["date"]).value for event in record["events"]]
        record["timeline"] = timeline_picture(entry, days, dt.date.today(), language)
    if isinstance(entry, Institution) and statuses is None:
        activity = institution_activity(session, [slug])
        suggestions = check_statuses([entry], activity, dt.date.today())
        record["suggestions"] = [suggestion_record(found) for found in suggestions]
    return record
