"""What every layout has around its items: a header line with the period, an intro,
numbered items, and sometimes lines before the header (a masthead, the organization's
name) or a contents list that numbers the items once before the report does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from binational.domain import Period
from binational.intake.extracted import TextLine
from binational.intake.marks import ITEM, header_period, parse_period
from binational.intake.parsed import ParsedItem, ParsedReport, ReportFormatError

LAYOUT_HINTS = (
    "seed2023 (a 'Report | April-June 2023' header over items '1) Title' with a date line) "
    "or newsletter2022 (a 'REPORT | October - December 2022' header over items "
    "'1) Title (10.24.22) Learn more')"
)


@dataclass(frozen=True)
class Frame:
    header: str
    period: Period
    body: list[tuple[int, TextLine]]  # (1-based line number, non-blank line) after the header

    def report(
        self, intro: list[str], items: list[ParsedItem], warnings: list[str], name: str,
        layout: str,
    ) -> ParsedReport:  # fmt: skip
        """The parsed report once a layout has read its items: a contents list dropped,
        the numbering checked (both add to ``warnings``)."""
        items = drop_contents_list(items, warnings)
        check_numbering(items, name, warnings)
        return ParsedReport(
            header=self.header,
            period=self.period,
            intro="\n".join(intro),
            items=tuple(items),
            warnings=tuple(warnings),
            layout=layout,
        )


def not_a_report(name: str) -> ReportFormatError:
    return ReportFormatError(
        f"{name} is not a quarterly report in a layout binational knows: {LAYOUT_HINTS}"
    )


def find_frame(lines: Sequence[TextLine], name: str) -> Frame:
    """The header (the first header line before any numbered item) and the lines
    after it; one sentence when the text has no header, or items but no header."""
    numbered = [(index + 1, line) for index, line in enumerate(lines) if line.text]
    if not numbered:
        raise ReportFormatError(f"{name} is empty")
    for position, (line_number, line) in enumerate(numbered):
        if ITEM.match(line.text):
            raise ReportFormatError(
                f"{name}, line {line_number}: the numbered item comes before any report "
                "header like 'Report | April-June 2023'"
            )
        period_text = header_period(line.text)
        if period_text is None:
            continue
        try:
            period = parse_period(period_text)
        except ReportFormatError as error:
            raise ReportFormatError(f"{name}, line {line_number}: {error}") from None
        return Frame(line.text, period, numbered[position + 1 :])
    raise not_a_report(name)


def drop_contents_list(items: list[ParsedItem], warnings: list[str]) -> list[ParsedItem]:
    """Items numbered again after a run of bare titles: the bare run was a contents
    list (the titles without text), not items."""
    for index in range(1, len(items)):
        if items[index].number <= items[index - 1].number:
            before = items[:index]
            if all(not (i.summary or i.implications or i.context) for i in before):
                warnings.append(
                    f"the {len(before)} numbered lines before line {items[index].line} are a "
                    "contents list; skipped"
                )
                return items[index:]
            break
    return items


def check_numbering(items: list[ParsedItem], name: str, warnings: list[str]) -> None:
    if not items:
        raise ReportFormatError(f"{name} has a report header but no numbered items like '1) Title'")
    first = items[0].number
    if [item.number for item in items] != list(range(first, first + len(items))):
        warnings.append("item numbers are not consecutive")
