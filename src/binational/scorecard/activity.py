"""An institution's activity over a period, from the events linked to it: pure, plain
data in and out (the events come from ``store/institution_activity.py``).

- **Which events**: linked events with a status the caller counts (reviewed and
  published, as a report does; published only for an anonymous reader), dated on or
  before the scorecard's day.
- **Meetings**: for a body that meets (every dialogue mechanism; summits, committees,
  working groups, dialogues, conferences and parliamentary meetings of any category)
  each linked event is read as a meeting. Events less than ``same_meeting_days`` apart
  are one meeting (a summit reported on two days, a meeting and its communiqué), dated
  by the first. For other institutions the same grouping gives its occasions of
  activity, so that intervals mean the same thing.
- **Intervals**: days from the last meeting (or occasion) to the day, and the median
  of the intervals between consecutive ones over the whole history in the database.
- **Counts**: events in the period and in each of the four periods of the same
  length before it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from binational.domain import Category, Period
from binational.registry.entries import Cadence, Institution

REPORTABLE = ("reviewed", "published")
PERIODS_BEFORE = 4
SAME_MEETING_DAYS = 14
MEETING_SUBTYPES = frozenset(
    {"dialogue", "summit", "committee", "working_group", "conference", "parliamentary_meeting"}
)


class LinkedEventLike(Protocol):
    """What activity reads of a linked event (``store.institution_activity.LinkedEvent``)."""

    @property
    def id(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def title(self) -> str: ...
    @property
    def status(self) -> str: ...


@dataclass(frozen=True)
class Occasion:
    """A meeting (or an occasion of activity): its day and the events that report it."""

    day: dt.date
    events: tuple[LinkedEventLike, ...]


@dataclass(frozen=True)
class Activity:
    slug: str
    meets: bool
    cadence: Cadence | None
    events: tuple[LinkedEventLike, ...]  # counted, up to the day, oldest first
    in_period: tuple[LinkedEventLike, ...]
    occasions: tuple[Occasion, ...]  # up to the day, oldest first
    counts: tuple[int, ...]  # the four periods before, then the period
    days_since_last: int | None
    median_interval_days: float | None

    @property
    def meetings(self) -> tuple[Occasion, ...]:
        """The meetings, for a body that meets; none for other institutions."""
        return self.occasions if self.meets else ()

    @property
    def last_activity(self) -> LinkedEventLike | None:
        return self.events[-1] if self.events else None

    @property
    def last_occasion(self) -> Occasion | None:
        return self.occasions[-1] if self.occasions else None


def meets(institution: Institution) -> bool:
    """Whether the institution's linked events are read as meetings."""
    return (
        institution.category == Category.DIALOGUE_MECHANISM
        or institution.subtype in MEETING_SUBTYPES
    )


def group_occasions(
    events: Sequence[LinkedEventLike], same_meeting_days: int = SAME_MEETING_DAYS
) -> tuple[Occasion, ...]:
    """Events (oldest first) grouped into occasions: an event less than
    ``same_meeting_days`` after the first of the current occasion joins it."""
    occasions: list[Occasion] = []
    for event in events:
        last = occasions[-1] if occasions else None
        if last is not None and (event.date - last.day).days < same_meeting_days:
            occasions[-1] = Occasion(last.day, (*last.events, event))
        else:
            occasions.append(Occasion(event.date, (event,)))
    return tuple(occasions)


def median_interval(days: Sequence[dt.date]) -> float | None:
    """The median number of days between consecutive days; None for fewer than two."""
    if len(days) < 2:
        return None
    return float(statistics.median((b - a).days for a, b in zip(days, days[1:], strict=False)))


def period_counts(
    events: Sequence[LinkedEventLike], period: Period, before: int = PERIODS_BEFORE
) -> tuple[int, ...]:
    """Events in each of the ``before`` periods before ``period``, then in it."""
    periods = [period.shifted(-offset) for offset in range(before, -1, -1)]
    return tuple(sum(1 for e in events if p.contains(e.date)) for p in periods)


def institution_activity(
    institution: Institution,
    linked: Sequence[LinkedEventLike],
    period: Period,
    as_of: dt.date,
    statuses: Sequence[str] = REPORTABLE,
    same_meeting_days: int = SAME_MEETING_DAYS,
) -> Activity:
    """The institution's activity as of ``as_of`` (``linked``: its linked events)."""
    events = tuple(
        sorted(
            (e for e in linked if e.status in statuses and e.date <= as_of),
            key=lambda e: (e.date, e.id),
        )
    )
    occasions = group_occasions(events, same_meeting_days)
    last = occasions[-1].day if occasions else None
    return Activity(
        slug=institution.slug,
        meets=meets(institution),
        cadence=institution.cadence,
        events=events,
        in_period=tuple(e for e in events if period.contains(e.date)),
        occasions=occasions,
        counts=period_counts(events, period),
        days_since_last=(as_of - last).days if last else None,
        median_interval_days=median_interval([o.day for o in occasions]),
    )
