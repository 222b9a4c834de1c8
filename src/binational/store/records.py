"""Stored things as plain JSON records: the one shape shared by ``--json`` output
and the web API, with stable field names and ISO dates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from binational.domain import InstitutionLabel
from binational.store.models import Event


def event_record(
    event: Event,
    number: int | None = None,
    labels: Mapping[str, InstitutionLabel] | None = None,
) -> dict[str, Any]:
    labels = labels or {}
    institutions = []
    for link in event.institution_links:
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
    topics = [
        {"slug": topic.slug, "terms": list(topic.terms or []), "origin": topic.origin}
        for topic in event.topics
        if not topic.removed
    ]
    return {
        "id": event.id,
        "number": number,
        "title": event.title,
        "date": event.date.iso(),
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "quarter": str(event.date.quarter),
        "url": event.url,
        "summary": event.summary,
        "implications": event.implications,
        "truncated": event.truncated,
        "status": event.status,
        "origin": event.origin,
        "origin_ref": event.origin_ref,
        "institutions": institutions,
        "topics": topics,
        "updated_at": event.updated_at.isoformat(timespec="seconds") if event.updated_at else None,
    }


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
