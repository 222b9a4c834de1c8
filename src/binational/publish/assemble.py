"""Assembling a quarterly report: which events, in what order, with what numbers.

Pure functions over ``ReportLine`` values. The rules:

* excluded lines are left out;
* lines are grouped by the month of their date, months in calendar order;
* within a month, lines the analyst (or an imported report) placed keep their
  relative order, and the others are merged in by date;
* items are numbered 1..N across months.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from binational.domain import PartialDate, Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry


@dataclass(frozen=True)
class ReportLine:
    """One event as a report sees it: plain data, ready to be ordered and rendered."""

    event_id: int
    title: str
    date: PartialDate
    url: str | None
    link_text: str | None
    summary: str
    implications: str
    truncated: bool
    position: int | None
    excluded: bool
    context: str = ""


@dataclass(frozen=True)
class ReportStyle:
    """What the publishing organization puts around the items (from settings)."""

    organization: str
    intro: str
    title_prefix: str = "Report"


def paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _merge_month(lines: Sequence[ReportLine]) -> list[ReportLine]:
    placed = sorted((line for line in lines if line.position is not None), key=lambda x: x.position)
    loose = sorted(
        (line for line in lines if line.position is None),
        key=lambda line: (line.date.value, line.event_id),
    )
    merged: list[ReportLine] = []
    i = j = 0
    while i < len(placed) or j < len(loose):
        take_loose = j < len(loose) and (
            i == len(placed) or loose[j].date.value < placed[i].date.value
        )
        if take_loose:
            merged.append(loose[j])
            j += 1
        else:
            merged.append(placed[i])
            i += 1
    return merged


def order_lines(lines: Iterable[ReportLine]) -> list[ReportLine]:
    """The included lines in report order (see the module docstring)."""

    def month(line: ReportLine) -> tuple[int, int]:
        return (line.date.value.year, line.date.value.month)

    included = sorted((line for line in lines if not line.excluded), key=month)
    ordered: list[ReportLine] = []
    for _, group in groupby(included, key=month):
        ordered.extend(_merge_month(list(group)))
    return ordered


def report_numbers(lines: Iterable[ReportLine]) -> dict[int, int]:
    """event id -> its number in the report."""
    return {line.event_id: n for n, line in enumerate(order_lines(lines), start=1)}


def build_document(
    lines: Iterable[ReportLine], period: Period, style: ReportStyle
) -> ReportDocument:
    sections: list[MonthSection] = []
    ordered = order_lines(lines)
    number = 0
    for (year, month), group in groupby(
        ordered, key=lambda line: (line.date.value.year, line.date.value.month)
    ):
        entries = []
        for line in group:
            number += 1
            entries.append(
                ReportEntry(
                    number=number,
                    title=line.title,
                    date=line.date,
                    url=line.url,
                    summary=paragraphs(line.summary),
                    implications=paragraphs(line.implications),
                    context=paragraphs(line.context),
                    link_text=line.link_text if (line.link_text or not line.url) else "Link",
                    truncated=line.truncated,
                )
            )
        sections.append(MonthSection(month=month, year=year, entries=tuple(entries)))
    return ReportDocument(
        organization=style.organization,
        period=period,
        intro=style.intro,
        sections=tuple(sections),
        title_prefix=style.title_prefix,
    )
