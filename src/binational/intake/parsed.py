"""What a layout parser reads out of a report: plain values, no database.

Every layout (``seed2023``, ``newsletter2022``) returns the same ``ParsedReport``, so
the importer and the store do not care which layout a file was in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from binational.domain import DatePrecision, DateSource, PartialDate, Period
from binational.errors import UserError


class ReportFormatError(UserError):
    """The file is not a report in a layout binational knows (one sentence)."""


@dataclass(frozen=True)
class ParsedItem:
    """One numbered item of a report, as printed."""

    number: int
    title: str
    month_section: str | None  # the month heading it sits under, as written ('APRIL')
    date: PartialDate | None  # None: the report gives no date and none can be inferred
    date_source: DateSource | None
    summary: tuple[str, ...]  # paragraphs
    implications: tuple[str, ...]
    context: tuple[str, ...] = ()  # background paragraphs ("Institutional context")
    link_text: str | None = None
    url: str | None = None
    truncated: bool = False
    line: int = 0  # 1-based line (paragraph) of the "N) Title" line
    section: tuple[int, int] | None = None  # (year, month) of month_section

    def stored_date(self, period: Period) -> tuple[PartialDate, DateSource]:
        """The date an event keeps: the item's, or, when the report gives none, the
        quarter the report's period starts in (inferred), since every event has one."""
        if self.date is not None:
            return self.date, self.date_source or DateSource.STATED
        return PartialDate(period.start, DatePrecision.QUARTER), DateSource.INFERRED


@dataclass(frozen=True)
class ParsedReport:
    header: str
    period: Period
    intro: str
    items: tuple[ParsedItem, ...]
    warnings: tuple[str, ...] = field(default=())
    layout: str = ""
