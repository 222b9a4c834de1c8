"""Statuses the event store contradicts: suggestions for an analyst, with the evidence.

Pure: the registry, each slug's linked events (``store/institution_activity.py``)
and today's date come in; suggested status changes go out. Three rules:

- **active, no activity**: an active institution with no linked event in the last
  ``inactive_years`` years. Agreements are left out: a treaty in force needs no
  events to stay in force.
- **suspended, but met**: a suspended institution with linked events after it was
  suspended, within the last ``inactive_years`` years.
- **overdue for its cadence**: an active institution with a cadence whose last
  linked event is older than the cadence allows (its interval times
  ``cadence_grace``, rounded up to whole months; ad hoc has no interval). Not
  repeated when the first rule fired.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from binational.domain import Category
from binational.registry.entries import Institution

Rule = Literal["active_without_activity", "suspended_but_met", "overdue_for_cadence"]


class LinkedEventLike(Protocol):
    """What a check reads of a linked event (``store.institution_activity.LinkedEvent``)."""

    @property
    def id(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...


@dataclass(frozen=True)
class Evidence:
    event_id: int
    date: dt.date
    title: str


@dataclass(frozen=True)
class Suggestion:
    slug: str
    rule: Rule
    status: str
    suggested_status: str
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class CheckRules:
    inactive_years: int = 3
    cadence_grace: float = 1.5


def check_statuses(
    institutions: Sequence[Institution],
    activity: Mapping[str, Sequence[LinkedEventLike]],
    today: dt.date,
    rules: CheckRules = CheckRules(),
) -> tuple[Suggestion, ...]:
    """Suggested status changes, in the order of ``institutions``."""
    suggestions: list[Suggestion] = []
    for institution in institutions:
        linked = activity.get(institution.slug, ())
        events = sorted(linked, key=lambda event: (event.date, event.id))
        found = _check_one(institution, events, today, rules)
        if found is not None:
            suggestions.append(found)
    return tuple(suggestions)


def _check_one(
    institution: Institution, events: list[LinkedEventLike], today: dt.date, rules: CheckRules
) -> Suggestion | None:
    window_start = months_before(today, 12 * rules.inactive_years)
    last = events[-1] if events else None
    if institution.status == "active":
        quiet = last is None or last.date < window_start
        if quiet and institution.category != Category.AGREEMENT:
            when = f"since {last.date.isoformat()}" if last else "at all"
            return _suggest(
                institution, "active_without_activity", "suspended",
                f"active, but no linked event {when} (none in the last {rules.inactive_years} "
                "years)", events[-1:],
            )  # fmt: skip
        return _overdue(institution, last, today, rules)
    if institution.status == "suspended":
        since = _suspended_since(institution)
        recent = [e for e in events if e.date >= window_start and (since is None or e.date > since)]
        if recent:
            suspended = f"suspended since {since.isoformat()}" if since else "suspended"
            return _suggest(
                institution, "suspended_but_met", "active",
                f"{suspended}, but {len(recent)} linked event(s) in the last "
                f"{rules.inactive_years} years, the last on {recent[-1].date.isoformat()}",
                recent,
            )  # fmt: skip
    return None


def _overdue(
    institution: Institution, last: LinkedEventLike | None, today: dt.date, rules: CheckRules
) -> Suggestion | None:
    months = institution.cadence.months if institution.cadence else None
    if months is None:
        return None
    allowed = math.ceil(months * rules.cadence_grace)
    if last is not None and last.date >= months_before(today, allowed):
        return None
    when = f"the last linked event is of {last.date.isoformat()}" if last else "no linked event"
    return _suggest(
        institution, "overdue_for_cadence", "suspended",
        f"expected {institution.cadence.value} activity, but {when} "
        f"(more than {allowed} months ago)",
        [last] if last else [],
    )  # fmt: skip


def suggestion_record(suggestion: Suggestion) -> dict[str, Any]:
    """A suggestion as a JSON-ready record (``registry check --json``, the web page)."""
    return {
        "slug": suggestion.slug,
        "rule": suggestion.rule,
        "status": suggestion.status,
        "suggested_status": suggestion.suggested_status,
        "reason": suggestion.reason,
        "evidence": [
            {"event_id": e.event_id, "date": e.date.isoformat(), "title": e.title}
            for e in suggestion.evidence
        ],
    }


def _suspended_since(institution: Institution) -> dt.date | None:
    """The first day of the last suspension step, when the history records it."""
    for step in reversed(institution.status_history):
        if step.status == "suspended":
            return step.date.first_day
    return None


def _suggest(
    institution: Institution,
    rule: Rule,
    suggested: str,
    reason: str,
    events: Sequence[LinkedEventLike],
) -> Suggestion:
    evidence = tuple(Evidence(event.id, event.date, event.title) for event in events)
    return Suggestion(institution.slug, rule, institution.status, suggested, reason, evidence)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
