"""The scorecard as a JSON record: the one shape of ``binational scorecard --json`` and
``/api/scorecard``, with stable field names and ISO dates. The reason of each mark is
given as its key and values and as a sentence in the document's language."""

from __future__ import annotations

import dataclasses
from typing import Any

from binational.publish.scorecard_document import (
    EventLink,
    Mark,
    ScorecardDocument,
    ScorecardRow,
    StatusStep,
)
from binational.publish.scorecard_words import reason_text

DAYS_PER_MONTH = 365.2425 / 12


def months(days: float | None) -> float | None:
    """Days as months (mean Gregorian month), one decimal."""
    return None if days is None else round(days / DAYS_PER_MONTH, 1)


def event_record(event: EventLink | None) -> dict[str, Any] | None:
    return None if event is None else dataclasses.asdict(event)


def step_record(step: StatusStep | None) -> dict[str, Any] | None:
    return None if step is None else dataclasses.asdict(step)


def row_record(row: ScorecardRow, document: ScorecardDocument) -> dict[str, Any]:
    return {
        "slug": row.slug,
        "name_en": row.name_en,
        "name_es": row.name_es,
        "category": row.category,
        "subtype": row.subtype,
        "status": row.status,
        "status_step": step_record(row.status_step),
        "cadence": row.cadence,
        "meets": row.meets,
        "events_in_period": row.events_in_period,
        "events_by_period": [
            {"period": str(period), "events": count, "covered": covered}
            for period, count, covered in zip(
                document.periods, row.counts, document.covered, strict=True
            )
        ],
        "events": [event_record(event) for event in row.events],
        "last_activity": event_record(row.last_activity),
        "last_meeting": event_record(row.last_meeting),
        "days_since_last": row.days_since_last,
        "months_since_last": months(row.days_since_last),
        "median_interval_days": row.median_interval_days,
        "median_interval_months": months(row.median_interval_days),
        "occasions": row.occasions,
        "mark": row.mark.value,
        "reason": {
            "key": row.reason.key,
            "values": dict(row.reason.values),
            "text": reason_text(row, document),
        },
        "trend": row.trend.value,
        "evidence": {
            "events": [event_record(event) for event in row.evidence_events],
            "status_history": [step_record(step) for step in row.evidence_steps],
        },
    }


def scorecard_record(document: ScorecardDocument) -> dict[str, Any]:
    return {
        "period": str(document.period),
        "label": document.period.label,
        "as_of": document.as_of.isoformat(),
        "category": document.category,
        "periods": [str(period) for period in document.periods],
        "coverage": {
            "spans": [str(span) for span in document.coverage],
            "events": document.coverage_events,
            "periods_covered": list(document.covered),
        },
        "rules": dataclasses.asdict(document.rules),
        "marks": {mark.value: document.count(mark) for mark in Mark},
        "omitted_not_yet_established": [dataclasses.asdict(o) for o in document.omitted],
        "institutions": [row_record(row, document) for row in document.rows],
    }
