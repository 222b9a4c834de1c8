"""The overview that opens a report longer than a quarter, from plain data: the
report's included lines, each institution's linked events, the registry and the
data's coverage. Pure.

- **By month**: the report's items in each month of the period (every month, zeros
  included).
- **By category**: items linked to at least one institution of each category (an
  item counts once in each of its categories); items linked to no institution apart.
- **Most active**: the institutions linked to the most items (ties by name).
- **Changes**: the registry's status steps dated in the period (the first day of the
  date, as the registry writes it, falls in the period): established (the
  ``established`` date, or a first step), relaunched, suspended, ended or superseded;
  and the institutions the scorecard finds lapsed at the period's end whose gap
  crossed three times their cadence within the period.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from binational.domain import Category, Period
from binational.publish.overview import (
    CategoryCount,
    InstitutionChange,
    InstitutionCount,
    MonthCount,
    Overview,
)
from binational.publish.scorecard_document import Mark
from binational.publish.scorecard_words import category_word, reason_sentence
from binational.registry.entries import Institution
from binational.scorecard.activity import LinkedEventLike, institution_activity
from binational.scorecard.marks import continuity
from binational.store.reports import ReportLine

MOST_ACTIVE = 10
STEP_CHANGES = {"relaunched": "relaunched", "suspended": "suspended", "ended": "ended",
                "superseded": "ended"}  # fmt: skip


def needs_overview(period: Period) -> bool:
    """A report longer than a quarter opens with an overview."""
    return period.month_count > 3


def slugs_by_event(linked: Mapping[str, Sequence[LinkedEventLike]]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for slug, events in linked.items():
        for event in events:
            found.setdefault(event.id, set()).add(slug)
    return found


def registry_changes(institution: Institution, period: Period) -> list[InstitutionChange]:
    """The institution's status steps (and establishment) dated in the period."""
    changes = []
    steps = sorted(institution.status_history, key=lambda step: step.date.first_day)
    established = institution.established or (steps[0].date if steps else None)
    if established is not None and period.contains(established.first_day):
        first = steps[0] if steps and steps[0].status == "active" else None
        changes.append(InstitutionChange(
            institution.slug, institution.name_en, "established", established.text,
            first.note if first else "", provenance_source(first),
        ))  # fmt: skip
    for step in steps:
        change = STEP_CHANGES.get(step.status)
        if change and period.contains(step.date.first_day):
            changes.append(InstitutionChange(
                institution.slug, institution.name_en, change, step.date.text, step.note,
                provenance_source(step),
            ))  # fmt: skip
    return changes


def provenance_source(step: object) -> str | None:
    provenance = getattr(step, "provenance", None)
    return provenance.source if provenance else None


def lapse(
    institution: Institution, linked: Sequence[LinkedEventLike], period: Period,
    as_of: dt.date, coverage_start: dt.date,
) -> InstitutionChange | None:  # fmt: skip
    """A lapse by the cadence rule that happened in the period and holds at its end."""
    if institution.cadence is None or institution.cadence.months is None:
        return None
    activity = institution_activity(institution, linked, period, as_of)
    found = continuity(institution, activity, as_of, coverage_start)
    if found.mark is not Mark.LAPSED or found.lapses_on is None:
        return None
    if not period.contains(found.lapses_on):
        return None
    note = reason_sentence(found.reason, "en", as_of)
    return InstitutionChange(
        institution.slug, institution.name_en, "lapsed", found.lapses_on.isoformat(), note
    )


def build_overview(
    lines: Sequence[ReportLine],
    period: Period,
    institutions: Sequence[Institution],
    linked: Mapping[str, Sequence[LinkedEventLike]],
    as_of: dt.date,
    coverage_start: dt.date,
    most_active: int = MOST_ACTIVE,
) -> Overview:
    """``lines``: the report's included lines; ``linked``: slug -> linked events."""
    by_slug = {institution.slug: institution for institution in institutions}
    slugs = slugs_by_event(linked)
    per_month = Counter((line.date.value.year, line.date.value.month) for line in lines)
    per_category: Counter[str] = Counter()
    per_institution: Counter[str] = Counter()
    unlinked = 0
    for line in lines:
        found = [by_slug[slug] for slug in slugs.get(line.event_id, ()) if slug in by_slug]
        if not found:
            unlinked += 1
        per_category.update({str(institution.category) for institution in found})
        per_institution.update(institution.slug for institution in found)
    top = sorted(per_institution.items(), key=lambda item: (-item[1], by_slug[item[0]].name_en))
    changes = [change for institution in institutions
               for change in registry_changes(institution, period)]  # fmt: skip
    for institution in institutions:
        lapsed = lapse(institution, linked.get(institution.slug, ()), period, as_of,
                       coverage_start)  # fmt: skip
        if lapsed is not None:
            changes.append(lapsed)
    return Overview(
        events=len(lines),
        months=tuple(MonthCount(y, m, per_month.get((y, m), 0)) for y, m in period.months()),
        categories=tuple(
            CategoryCount(
                category.value,
                category_word(category.value, "en"),
                per_category.get(category.value, 0),
            )
            for category in Category
        ),  # fmt: skip
        unlinked=unlinked,
        most_active=tuple(
            InstitutionCount(slug, by_slug[slug].name_en, count)
            for slug, count in top[:most_active]
        ),
        changes=tuple(sorted(changes, key=lambda change: (change.date, change.name))),
    )
