"""Stored things as plain JSON records: the one shape shared by ``--json`` output
and the web API, with stable field names and ISO dates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from binational.domain import DatePrecision, InstitutionLabel, PartialDate
from binational.language import written_language

if TYPE_CHECKING:
    from binational.store.models import Event


def event_record(
    event: Event | Any,
    number: int | None = None,
    labels: Mapping[str, InstitutionLabel] | None = None,
    *,
    links: Iterable[Any] | None = None,
    topics: Iterable[Any] | None = None,
) -> dict[str, Any]:
    """The event's JSON record. ``event`` is an ORM ``Event`` or a row of the events
    table (``store/event_reads.py``); for a row, its ``links`` and ``topics`` rows are
    passed along, for an ``Event`` they default to its relationships."""
    labels = labels or {}
    links = event.institution_links if links is None else links
    topics = event.topics if topics is None else topics
    date = PartialDate(event.date_value, DatePrecision(event.date_precision))
    institutions = []
    for link in links:
        if link.removed:
            continue
        label = labels.get(link.slug)
        institutions.append(
            {
                "slug": link.slug,
                "name": label.name if label else link.slug,
                "category": label.category if label else None,
                "kind": link.kind,
                "mention": link.mention,
                "field": link.field,
                "confidence": round(link.confidence, 3),
                "origin": link.origin,
            }
        )
    topic_records = [
        {"slug": topic.slug, "terms": list(topic.terms or []), "origin": topic.origin}
        for topic in topics
        if not topic.removed
    ]
    return {
        "id": event.id,
        "number": number,
        "title": event.title,
        "date": date.iso(),
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "quarter": str(date.quarter),
        "url": event.url,
        "summary": event.summary,
        "context": event.context,
        "implications": event.implications,
        "truncated": event.truncated,
        "status": event.status,
        "origin": event.origin,
        "origin_ref": event.origin_ref,
        "institutions": institutions,
        "topics": topic_records,
        "updated_at": event.updated_at.isoformat(timespec="seconds") if event.updated_at else None,
    }


# A card's summary is cut to this many characters: enough for a list's snippet.
CARD_SUMMARY = 240


def card_language(title: str, summary: str) -> str:
    """The language a card's texts are written in (its title and cut summary)."""
    return written_language(f"{title} {summary[:CARD_SUMMARY]}")


def event_card(
    event_id: int,
    title: str,
    date: str,
    status: str,
    summary: str,
    slugs: Iterable[str],
    language: str | None = None,
) -> dict[str, Any]:
    """An event's card, for lists: of its record, only ``id``, ``title``, ``date``,
    ``status``, the first ``CARD_SUMMARY`` characters of ``summary``, its
    ``institutions`` (slugs only, in slug order), and the ``language`` its texts are
    written in (``card_language``, worked out here unless the caller kept it)."""
    return {
        "id": event_id, "title": title, "date": date, "status": status,
        "summary": summary[:CARD_SUMMARY],
        "institutions": [{"slug": slug} for slug in sorted(slugs)],
        "language": language or card_language(title, summary),
    }  # fmt: skip


def revision_record(revision) -> dict[str, Any]:
    return {
        "id": revision.id,
        "event_id": revision.event_id,
        "at": revision.at.isoformat(timespec="seconds"),
        "author": revision.author,
        "action": revision.action,
        "before": revision.before,
        "after": revision.after,
    }
