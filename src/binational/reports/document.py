"""A report's lines turned into the ``ReportDocument`` every renderer receives:
ordered, numbered, grouped by month, with the organization's words around them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from binational.domain import Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.logo import Logo
from binational.publish.overview import Overview
from binational.reports.ordering import month_key, order_lines
from binational.store.reports import ReportLine


@dataclass(frozen=True)
class ReportStyle:
    """What the publishing organization puts around the items (from settings)."""

    organization: str
    intro: str
    title_prefix: str = "Report"
    logo: Logo | None = None


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def entry_of(line: ReportLine, number: int) -> ReportEntry:
    return ReportEntry(
        number=number, title=line.title, date=line.date, url=line.url,
        summary=paragraphs(line.summary), implications=paragraphs(line.implications),
        context=paragraphs(line.context),
        link_text=line.link_text if (line.link_text or not line.url) else "Link",
        truncated=line.truncated,
    )  # fmt: skip


def build_document(
    lines: Iterable[ReportLine], period: Period, style: ReportStyle,
    overview: Overview | None = None,
) -> ReportDocument:  # fmt: skip
    """The report: its included lines ordered, numbered and grouped by month, with the
    ``overview`` that opens a report longer than a quarter (``overview.py``)."""
    sections: list[MonthSection] = []
    number = 0
    for (year, month), group in groupby(order_lines(lines), key=month_key):
        entries = []
        for line in group:
            number += 1
            entries.append(entry_of(line, number))
        sections.append(MonthSection(month=month, year=year, entries=tuple(entries)))
    return ReportDocument(
        organization=style.organization, period=period, intro=style.intro,
        sections=tuple(sections), title_prefix=style.title_prefix, overview=overview,
        logo=style.logo,
    )  # fmt: skip
