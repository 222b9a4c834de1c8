"""Pure value types shared by every part of binational.

Nothing here touches a disk, a socket or a clock: these are the words the rest of the
package speaks (dates that are only known to the month, quarters, statuses,
categories), so that parsers, renderers and the store agree on them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_NAMES_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip


def month_number(name: str) -> int | None:
    """1-12 for an English or Spanish month name or its 3-letter abbreviation."""
    key = name.strip().strip(".").lower()
    for names in (MONTH_NAMES, MONTH_NAMES_ES):
        for index, full in enumerate(names, start=1):
            if key == full.lower() or (len(key) >= 3 and full.lower().startswith(key)):
                return index
    if key == "setiembre":
        return 9
    return None


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"


class DateSource(StrEnum):
    """Where a date came from: printed in the source, read from the text, taken from
    the month section the item sits in, or set by an analyst."""

    STATED = "stated"
    INFERRED = "inferred"
    SECTION = "section"
    ANALYST = "analyst"


class EventStatus(StrEnum):
    CANDIDATE = "candidate"
    DRAFT = "draft"
    REVIEWED = "reviewed"
    PUBLISHED = "published"
    REJECTED = "rejected"


class InstitutionLabel(NamedTuple):
    """How a registry slug is shown next to an event: its name and category
    ('agency' for a government agency)."""

    name: str
    category: str


@dataclass(frozen=True)
class LinkProposal:
    """The best mention of one institution or agency in an event's text: what the
    linker proposes and the store keeps (with the field and offsets that justify it)."""

    slug: str
    kind: str
    mention: str
    field: str
    start: int
    end: int
    confidence: float


@dataclass(frozen=True)
class TopicProposal:
    """A topic of the taxonomy that an event's text touches, with the terms that fired."""

    slug: str
    terms: tuple[str, ...]


class Category(StrEnum):
    AGREEMENT = "agreement"
    ORGANIZATION = "organization"
    DIALOGUE_MECHANISM = "dialogue_mechanism"
    PROGRAM = "program"


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    _PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"a quarter is numbered 1 to 4, not {self.number}")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read '2023Q2' (also '2023-Q2', '2023q2')."""
        match = cls._PATTERN.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a quarter; write it like 2023Q2")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def months(self) -> tuple[int, int, int]:
        first = 3 * (self.number - 1) + 1
        return (first, first + 1, first + 2)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.months[0], 1)

    @property
    def end(self) -> dt.date:
        last = self.months[2]
        return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def label(self) -> str:
        """'April-June 2023', as the center's reports head their period."""
        first, _, last = self.months
        return f"{MONTH_NAMES[first - 1]}-{MONTH_NAMES[last - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}Q{self.number}"  # four digits, as parse reads


# Years a period or a report may name: wide enough for the oldest institutions (the
# boundary commission dates from 1889), narrow enough to catch a typed "0000" or "9999".
MIN_YEAR = 1800
MAX_YEAR = 2999

PERIOD_FORMS = (
    "a quarter (2023Q2), a year (2023), a month (2023-05) or a month range (2022-06..2022-10)"
)

_PERIOD_QUARTER = re.compile(r"(\d{4})\s*-?\s*[Qq](\d)")
_PERIOD_YEAR = re.compile(r"(\d{4})")
_PERIOD_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_PERIOD_RANGE = re.compile(r"(\d{4})-(\d{1,2})\s*\.\.\s*(\d{4})-(\d{1,2})")


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    YEAR = "year"
    MONTH = "month"
    RANGE = "range"


@dataclass(frozen=True, order=True)
class Period:
    """A span of whole months that a report, a filter or a scorecard covers.

    Stored as its first and last month (``(year, month)`` pairs). A span that is
    exactly a calendar quarter, year or single month is that quarter, year or month:
    ``2023-04..2023-06`` and ``2023Q2`` are the same period, written ``2023Q2``.
    """

    first: tuple[int, int]
    last: tuple[int, int]

    def __post_init__(self) -> None:
        for year, month in (self.first, self.last):
            if not MIN_YEAR <= year <= MAX_YEAR:
                raise ValueError(f"years run {MIN_YEAR} to {MAX_YEAR}, not {year}")
            if not 1 <= month <= 12:
                raise ValueError(f"months run 1 to 12, not {month}")
        if self.last < self.first:
            raise ValueError("a period's last month cannot come before its first")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read 2023Q2, 2023, 2023-05 or 2022-06..2022-10 (one sentence when not)."""
        raw = str(text).strip()
        try:
            if match := _PERIOD_QUARTER.fullmatch(raw):
                number = int(match.group(2))
                if not 1 <= number <= 4:
                    raise ValueError(f"quarters run Q1 to Q4, not Q{number}")
                return cls.of_quarter(Quarter(int(match.group(1)), number))
            if match := _PERIOD_YEAR.fullmatch(raw):
                return cls.year(int(match.group(1)))
            if match := _PERIOD_MONTH.fullmatch(raw):
                return cls.month(int(match.group(1)), int(match.group(2)))
            if match := _PERIOD_RANGE.fullmatch(raw):
                y1, m1, y2, m2 = (int(part) for part in match.groups())
                return cls((y1, m1), (y2, m2))
        except ValueError as error:
            raise ValueError(f"{raw!r} is not a period ({error}); write {PERIOD_FORMS}") from None
        raise ValueError(f"{raw!r} is not a period; write {PERIOD_FORMS}")

    @classmethod
    def of_quarter(cls, quarter: Quarter) -> Period:
        first, _, last = quarter.months
        return cls((quarter.year, first), (quarter.year, last))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls((year, 1), (year, 12))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls((year, month), (year, month))

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """The whole months from ``start``'s to ``end``'s."""
        return cls((start.year, start.month), (end.year, end.month))

    @property
    def kind(self) -> PeriodKind:
        (y1, m1), (y2, m2) = self.first, self.last
        if (y1, m1) == (y2, m2):
            return PeriodKind.MONTH
        if y1 == y2 and m1 == 1 and m2 == 12:
            return PeriodKind.YEAR
        if y1 == y2 and m1 % 3 == 1 and m2 == m1 + 2:
            return PeriodKind.QUARTER
        return PeriodKind.RANGE

    @property
    def quarter(self) -> Quarter | None:
        """The quarter this period is, if it is one."""
        if self.kind is not PeriodKind.QUARTER:
            return None
        return Quarter(self.first[0], (self.first[1] - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.first[0], self.first[1], 1)

    @property
    def end(self) -> dt.date:
        year, month = self.last
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    @property
    def month_count(self) -> int:
        return (self.last[0] - self.first[0]) * 12 + self.last[1] - self.first[1] + 1

    def months(self) -> list[tuple[int, int]]:
        """Every ``(year, month)`` of the period, in order."""
        year, month = self.first
        out = []
        for _ in range(self.month_count):
            out.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def quarters(self) -> list[Quarter]:
        """The quarters the period touches, in order."""
        seen: list[Quarter] = []
        for year, month in self.months():
            quarter = Quarter(year, (month - 1) // 3 + 1)
            if not seen or seen[-1] != quarter:
                seen.append(quarter)
        return seen

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def shifted(self, periods: int) -> Period:
        """The period of the same length ``periods`` lengths later (earlier when
        negative): the year before 2023 is 2022, the quarter before 2023Q1 is 2022Q4."""
        offset = periods * self.month_count

        def move(year: int, month: int) -> tuple[int, int]:
            index = year * 12 + (month - 1) + offset
            return (index // 12, index % 12 + 1)

        return Period(move(*self.first), move(*self.last))

    @property
    def label(self) -> str:
        """As a report heads its period: 'April-June 2023', 'May 2023', '2023',
        'June-October 2022', 'November 2022-February 2023'."""
        (y1, m1), (y2, m2) = self.first, self.last
        kind = self.kind
        if kind is PeriodKind.YEAR:
            return str(y1)
        if kind is PeriodKind.MONTH:
            return f"{MONTH_NAMES[m1 - 1]} {y1}"
        if y1 == y2:
            return f"{MONTH_NAMES[m1 - 1]}-{MONTH_NAMES[m2 - 1]} {y1}"
        return f"{MONTH_NAMES[m1 - 1]} {y1}-{MONTH_NAMES[m2 - 1]} {y2}"

    def __str__(self) -> str:
        (y1, m1), (y2, m2) = self.first, self.last
        kind = self.kind
        if kind is PeriodKind.QUARTER:
            return f"{y1}Q{(m1 - 1) // 3 + 1}"
        if kind is PeriodKind.YEAR:
            return str(y1)
        if kind is PeriodKind.MONTH:
            return f"{y1}-{m1:02d}"
        return f"{y1}-{m1:02d}..{y2}-{m2:02d}"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the quarter.

    ``value`` is the first day of the period it names, so partial dates sort before
    the days they contain (an event "in May" sorts before "May 2").
    """

    value: dt.date
    precision: DatePrecision = DatePrecision.DAY

    def __post_init__(self) -> None:
        day = self.value
        if self.precision is DatePrecision.MONTH and day.day != 1:
            object.__setattr__(self, "value", day.replace(day=1))
        elif self.precision is DatePrecision.QUARTER:
            object.__setattr__(self, "value", Quarter.containing(day).start)

    @classmethod
    def day(cls, year: int, month: int, day: int) -> PartialDate:
        return cls(dt.date(year, month, day), DatePrecision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        return cls(dt.date(year, month, 1), DatePrecision.MONTH)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the ISO forms ``iso()`` writes: 2023-05-12, 2023-05, 2023Q2."""
        text = text.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return cls(dt.date.fromisoformat(text), DatePrecision.DAY)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = (int(part) for part in text.split("-"))
            if not 1 <= month <= 12:
                raise ValueError(f"{text!r} names month {month}; months run 1 to 12")
            return cls.month(year, month)
        try:
            return cls(Quarter.parse(text).start, DatePrecision.QUARTER)
        except ValueError:
            raise ValueError(
                f"{text!r} is not a date; write 2023-05-12, 2023-05 or 2023Q2"
            ) from None

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.value)

    def iso(self) -> str:
        if self.precision is DatePrecision.DAY:
            return self.value.isoformat()
        if self.precision is DatePrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"  # strftime: no zeros
        return str(self.quarter)

    def display(self) -> str:
        """As the report prints it: 'April 12, 2023', 'May 2023', 'Q2 2023'."""
        month = MONTH_NAMES[self.value.month - 1]
        if self.precision is DatePrecision.DAY:
            return f"{month} {self.value.day}, {self.value.year}"
        if self.precision is DatePrecision.MONTH:
            return f"{month} {self.value.year}"
        return f"Q{self.quarter.number} {self.value.year}"

    def __str__(self) -> str:
        return self.iso()
