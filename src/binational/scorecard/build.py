"""The ``ScorecardDocument`` from plain data: the registry's institutions, each one's
linked events, the period, the day it is scored as of and the data's coverage. Pure.

Each row: the status on the day (the registry's status history), events in the period
and in the four periods before, the last activity and meeting, the intervals, the
continuity mark with its reason and evidence (``marks.py``), and a trend: events in the
period against the mean of the periods before that the data covers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from binational.domain import Category, DatePrecision, PartialDate, Period
from binational.publish.logo import Logo
from binational.publish.scorecard_document import (
    MARK_ORDER,
    EventLink,
    Omitted,
    ScorecardDocument,
    ScorecardRow,
    ScorecardRules,
    StatusStep,
    Trend,
)
from binational.registry.entries import Institution, StatusChange
from binational.scorecard.activity import (
    PERIODS_BEFORE,
    REPORTABLE,
    Activity,
    LinkedEventLike,
    institution_activity,
)
from binational.scorecard.marks import Continuity, continuity, established_on, status_on

CATEGORY_ORDER = tuple(category.value for category in Category)


def event_link(event: LinkedEventLike) -> EventLink:
    precision = DatePrecision(getattr(event, "precision", "day") or "day")
    date = PartialDate(event.date, precision).iso()
    return EventLink(event.id, date, event.title, getattr(event, "url", None))


def status_step(step: StatusChange) -> StatusStep:
    provenance = step.provenance
    return StatusStep(
        date=step.date.text, status=step.status, note=step.note,
        source=provenance.source if provenance else None,
        unconfirmed=bool(provenance and provenance.unconfirmed),
    )  # fmt: skip


def coverage_spans(months: Sequence[tuple[int, int]]) -> tuple[Period, ...]:
    """Months that hold events, merged into spans of consecutive months."""
    spans: list[Period] = []
    for year, month in sorted(set(months)):
        if spans:
            last_year, last_month = spans[-1].last
            if year * 12 + month == last_year * 12 + last_month + 1:
                spans[-1] = Period(spans[-1].first, (year, month))
                continue
        spans.append(Period.month(year, month))
    return tuple(spans)


def trend(counts: Sequence[int], covered: Sequence[bool]) -> Trend:
    """Rising, falling or steady against the mean of the covered periods before;
    quiet when all are empty; unknown when the data covers the period or none before."""
    *before, now = counts
    earlier = [count for count, known in zip(before, covered[:-1], strict=True) if known]
    if not covered[-1] or not earlier:
        return Trend.UNKNOWN
    if now == 0 and not any(earlier):
        return Trend.QUIET
    mean = sum(earlier) / len(earlier)
    return Trend.RISING if now > mean else Trend.FALLING if now < mean else Trend.STEADY


def evidence_steps(found: Continuity, step: StatusChange | None) -> tuple[StatusStep, ...]:
    steps = [found.step] if found.step is not None else []
    if step is not None and step not in steps:
        steps.append(step)
    return tuple(status_step(s) for s in steps)


def scorecard_row(
    institution: Institution, activity: Activity, found: Continuity, as_of: dt.date,
    covered: Sequence[bool],
) -> ScorecardRow:  # fmt: skip
    status, step = status_on(institution, as_of)
    last_meeting = activity.meetings[-1].events[0] if activity.meetings else None
    evidence = found.occasion.events if found.occasion else ()
    return ScorecardRow(
        slug=institution.slug, name_en=institution.name_en, name_es=institution.name_es,
        category=str(institution.category), subtype=institution.subtype,
        status=status, status_step=status_step(step) if step else None,
        cadence=institution.cadence.value if institution.cadence else None,
        meets=activity.meets, counts=activity.counts,
        events=tuple(event_link(e) for e in activity.in_period),
        last_activity=event_link(activity.last_activity) if activity.last_activity else None,
        last_meeting=event_link(last_meeting) if last_meeting else None,
        days_since_last=activity.days_since_last,
        median_interval_days=activity.median_interval_days,
        occasions=len(activity.occasions), mark=found.mark, reason=found.reason,
        trend=trend(activity.counts, covered),
        evidence_events=tuple(event_link(e) for e in evidence),
        evidence_steps=evidence_steps(found, step),
    )  # fmt: skip


def row_order(row: ScorecardRow) -> tuple:
    category = CATEGORY_ORDER.index(row.category) if row.category in CATEGORY_ORDER else 99
    return (category, MARK_ORDER.index(row.mark), -row.events_in_period, row.name_en.lower())


def build_scorecard(
    institutions: Sequence[Institution],
    linked: Mapping[str, Sequence[LinkedEventLike]],
    period: Period,
    as_of: dt.date,
    coverage_months: Sequence[tuple[int, int, int]],
    *,
    organization: str,
    statuses: Sequence[str] = REPORTABLE,
    category: str | None = None,
    language: str = "en",
    rules: ScorecardRules = ScorecardRules(),
    logo: Logo | None = None,
) -> ScorecardDocument:
    """The scorecard of ``period`` as of ``as_of`` (see the module docstring);
    ``coverage_months``: (year, month, events) for each month holding counted events."""
    periods = tuple(period.shifted(-offset) for offset in range(PERIODS_BEFORE, -1, -1))
    coverage = coverage_spans([(year, month) for year, month, _ in coverage_months])
    covered = tuple(any(p.start <= s.end and s.start <= p.end for s in coverage) for p in periods)
    coverage_start = coverage[0].start if coverage else as_of
    rows, omitted = [], []
    for institution in institutions:
        if category is not None and institution.category != category:
            continue
        established = established_on(institution)
        if established is not None and established > as_of:
            text = institution.established.text if institution.established else str(established)
            omitted.append(
                Omitted(institution.slug, institution.name_en, institution.name_es, text)
            )
            continue
        activity = institution_activity(
            institution, linked.get(institution.slug, ()), period, as_of, statuses,
            rules.same_meeting_days,
        )  # fmt: skip
        found = continuity(institution, activity, as_of, coverage_start, rules)
        rows.append(scorecard_row(institution, activity, found, as_of, covered))
    return ScorecardDocument(
        organization=organization, period=period, as_of=as_of, periods=periods,
        covered=covered, coverage=coverage,
        coverage_events=sum(count for _, _, count in coverage_months),
        rows=tuple(sorted(rows, key=row_order)), omitted=tuple(omitted), category=category,
        rules=rules, language=language, statuses=tuple(statuses), logo=logo,
    )  # fmt: skip
