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
        return f"{self.year}Q{self.number}"


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
            return self.value.strftime("%Y-%m")
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
