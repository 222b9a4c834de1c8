"""The overview that opens a report longer than a quarter (an annual report, a
June-October report): plain data, counted by ``reports/overview.py`` and drawn by
every renderer after the introduction.

Counts are of the report's own items. An event linked to institutions of several
categories counts once in each category; ``unlinked`` counts the items linked to
none. ``changes`` are the registry's dated status steps that fall in the period
(established, relaunched, suspended, ended) and the lapses the scorecard finds in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from binational.domain import MONTH_NAMES

CHANGE_KINDS = ("established", "relaunched", "suspended", "ended", "lapsed")


@dataclass(frozen=True)
class MonthCount:
    year: int
    month: int
    events: int

    @property
    def name(self) -> str:
        """'January 2023'."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class CategoryCount:
    category: str  # agreement, organization, dialogue_mechanism, program
    label: str  # 'Dialogue mechanisms'
    events: int


@dataclass(frozen=True)
class InstitutionCount:
    slug: str
    name: str
    events: int


@dataclass(frozen=True)
class InstitutionChange:
    """A change in an institution's life dated within the period, with what it rests
    on: the registry's note and source for a status step, the scorecard's reason for a
    lapse."""

    slug: str
    name: str
    change: str  # one of CHANGE_KINDS
    date: str  # as the registry writes it ('2021-09-09', '2017'), or a day for a lapse
    note: str = ""
    source: str | None = None


@dataclass(frozen=True)
class Overview:
    events: int
    months: tuple[MonthCount, ...]
    categories: tuple[CategoryCount, ...]
    unlinked: int
    most_active: tuple[InstitutionCount, ...]
    changes: tuple[InstitutionChange, ...]

    @property
    def month_rows(self) -> list[tuple[int, int, int]]:
        """(year, month, events) per month, as the bar picture takes them."""
        return [(row.year, row.month, row.events) for row in self.months]
