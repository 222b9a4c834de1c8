"""The scorecard as plain data, ready for any renderer: how each institution of the
registry is doing over a period, with the evidence behind every mark.

``scorecard/build.py`` computes it (the continuity rules are in ``scorecard/marks.py``);
renderers (``scorecard_markdown``, ``scorecard_html``, ``scorecard_pdf``,
``scorecard_docx``) only decide how it looks, in the document's language, with the
words of ``scorecard_words``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from binational.domain import Period
from binational.publish.logo import Logo


class Mark(StrEnum):
    """An institution's continuity as of the scorecard's day (the rules: marks.py)."""

    ON_CADENCE = "on_cadence"
    OVERDUE = "overdue"
    LAPSED = "lapsed"
    NEW = "new"
    NO_CADENCE = "no_cadence"
    ENDED = "ended"


# The order rows are listed in within a category: what needs attention first.
MARK_ORDER = (Mark.LAPSED, Mark.OVERDUE, Mark.ON_CADENCE, Mark.NEW, Mark.NO_CADENCE, Mark.ENDED)
# The marks' colours in pictures and pages; each mark is also written out, so the
# colour is never the only sign.
MARK_COLOURS = {
    Mark.ON_CADENCE: "#1a7f37", Mark.OVERDUE: "#9a6700", Mark.LAPSED: "#a40e26",
    Mark.NEW: "#0b5cad", Mark.NO_CADENCE: "#57606a", Mark.ENDED: "#24292f",
}  # fmt: skip


class Trend(StrEnum):
    """Events in the period against the mean of the covered periods before it."""

    RISING = "rising"
    FALLING = "falling"
    STEADY = "steady"
    QUIET = "quiet"  # no events in the period nor in any covered period before
    UNKNOWN = "unknown"  # the data covers none of the periods before


@dataclass(frozen=True)
class EventLink:
    """An event as evidence: its id, date (ISO, to its precision), title, source URL."""

    id: int
    date: str
    title: str
    url: str | None = None


@dataclass(frozen=True)
class StatusStep:
    """A step of the registry's status history as evidence."""

    date: str  # as the registry writes it: '2017', '2021-09-09'
    status: str
    note: str = ""
    source: str | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Reason:
    """Why a mark was given: a key of ``scorecard_words.REASONS`` and the values its
    sentence is filled with, so that every language says the same thing."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def value(self, name: str) -> str:
        return dict(self.values)[name]


@dataclass(frozen=True)
class ScorecardRow:
    slug: str
    name_en: str
    name_es: str
    category: str
    subtype: str
    status: str  # as of the scorecard's day, from the status history
    status_step: StatusStep | None  # the step the status rests on (None: undated status)
    cadence: str | None
    meets: bool  # whether its linked events are read as meetings
    counts: tuple[int, ...]  # events in the four periods before and in the period
    events: tuple[EventLink, ...]  # the events in the period
    last_activity: EventLink | None
    last_meeting: EventLink | None  # the first event of the last meeting (meets only)
    days_since_last: int | None  # from the last meeting (or activity) to the day
    median_interval_days: float | None  # between meetings (or occasions of activity)
    occasions: int  # meetings (or occasions of activity) up to the day
    mark: Mark
    reason: Reason
    trend: Trend
    evidence_events: tuple[EventLink, ...]  # what the mark rests on
    evidence_steps: tuple[StatusStep, ...]

    def name(self, language: str) -> str:
        return self.name_es if language == "es" and self.name_es else self.name_en

    @property
    def events_in_period(self) -> int:
        return self.counts[-1] if self.counts else 0


@dataclass(frozen=True)
class Omitted:
    """An institution left out: established after the scorecard's day."""

    slug: str
    name_en: str
    name_es: str
    established: str

    def name(self, language: str) -> str:
        return self.name_es if language == "es" and self.name_es else self.name_en


@dataclass(frozen=True)
class ScorecardRules:
    """The continuity rules' numbers, stated in the document's method."""

    overdue_factor: float = 1.5
    lapsed_factor: float = 3.0
    new_within_months: int = 12
    same_meeting_days: int = 14  # linked events closer than this are one meeting


@dataclass(frozen=True)
class ScorecardDocument:
    organization: str
    period: Period
    as_of: dt.date
    periods: tuple[Period, ...]  # the four before and the period, oldest first
    covered: tuple[bool, ...]  # whether the database holds any event in each
    coverage: tuple[Period, ...]  # the spans of months that hold events
    coverage_events: int
    rows: tuple[ScorecardRow, ...]
    omitted: tuple[Omitted, ...] = ()  # institutions established after as_of
    category: str | None = None
    rules: ScorecardRules = ScorecardRules()
    language: str = "en"
    statuses: tuple[str, ...] = ("reviewed", "published")  # the events it counts
    logo: Logo | None = None  # beside the organization's name in html, pdf and docx

    def count(self, mark: Mark) -> int:
        return sum(1 for row in self.rows if row.mark is mark)

    def by_category(self) -> list[tuple[str, tuple[ScorecardRow, ...]]]:
        """(category, its rows) in the rows' order, categories as they first appear."""
        groups: dict[str, list[ScorecardRow]] = {}
        for row in self.rows:
            groups.setdefault(row.category, []).append(row)
        return [(category, tuple(rows)) for category, rows in groups.items()]
