"""A period's report as plain data, ready for any renderer.

Assembling a report (choosing events, ordering and numbering them, grouping them by
month) is done once, in ``reports/document.py``; every renderer receives the same
``ReportDocument`` and only decides how it looks.

A report longer than a quarter carries an ``overview`` (``publish/overview.py``):
renderers print it after the introduction and group the months under their quarters
(``quarter_groups``). A report without one (a quarter, a month) renders exactly as
the quarterly report always has.

The organization's ``logo`` (``publish/logo.py``), when there is one, is printed
beside its name at the top of the html, pdf and docx reports; md and txt stay text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from binational.domain import MONTH_NAMES, PartialDate, Period, Quarter
from binational.publish.logo import Logo
from binational.publish.overview import Overview


@dataclass(frozen=True)
class ReportEntry:
    """One numbered item of the report."""

    number: int
    title: str
    date: PartialDate
    url: str | None
    summary: tuple[str, ...]  # paragraphs
    implications: tuple[str, ...]  # paragraphs
    context: tuple[str, ...] = ()  # paragraphs of background ("Institutional context")
    link_text: str | None = "Link"  # the hyperlink's text after the date
    truncated: bool = False

    @property
    def date_line(self) -> str:
        """The printed date: 'April 12, 2023', or 'May 2023' when only the month
        is known."""
        return self.date.display()


@dataclass(frozen=True)
class MonthSection:
    month: int  # 1-12
    year: int
    entries: tuple[ReportEntry, ...]

    @property
    def heading(self) -> str:
        """'APRIL', as the center's reports write month headings."""
        return MONTH_NAMES[self.month - 1].upper()

    @property
    def name(self) -> str:
        return MONTH_NAMES[self.month - 1]


@dataclass(frozen=True)
class QuarterGroup:
    """The months of one quarter, as a report longer than a quarter groups them."""

    quarter: Quarter
    sections: tuple[MonthSection, ...]

    @property
    def heading(self) -> str:
        """'April-June 2023'."""
        return self.quarter.label

    @property
    def anchor(self) -> str:
        """'quarter-2023Q2'."""
        return f"quarter-{self.quarter}"


@dataclass(frozen=True)
class ReportDocument:
    organization: str
    period: Period
    intro: str
    sections: tuple[MonthSection, ...]
    title_prefix: str = "Report"
    language: str = "en"
    extra: dict[str, str] = field(default_factory=dict)
    overview: Overview | None = None
    logo: Logo | None = None  # beside the organization's name in html, pdf and docx

    @property
    def header(self) -> str:
        """'Report | April-June 2023'."""
        return f"{self.title_prefix} | {self.period.label}"

    @property
    def entries(self) -> tuple[ReportEntry, ...]:
        return tuple(entry for section in self.sections for entry in section.entries)

    @property
    def quarter_groups(self) -> tuple[QuarterGroup, ...]:
        """The sections grouped by quarter, in order."""
        groups: list[QuarterGroup] = []
        for section in self.sections:
            quarter = Quarter(section.year, (section.month - 1) // 3 + 1)
            if groups and groups[-1].quarter == quarter:
                last = groups.pop()
                groups.append(QuarterGroup(quarter, (*last.sections, section)))
            else:
                groups.append(QuarterGroup(quarter, (section,)))
        return tuple(groups)
