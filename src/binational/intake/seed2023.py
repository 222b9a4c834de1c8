"""The center's 2023 layout (``data/samples/cbi-report-2023-q2.txt``), which is also
the layout binational writes in every format::

    Report | April-June 2023
    <intro paragraph>
    APRIL                          <- month headings (optional)
    1) <title>
    April 12, 2023 Link            <- date line, then the hyperlink's text (optional)
    <summary paragraph>            <- one paragraph per line
    Institutional context:         <- optional: background, alone or inline
    <context paragraph>
    Institutional Implications:    <- alone, or followed by the first paragraph
    <implications paragraph>
    2) ...

Items may lack the date line (the day is then inferred from the body, e.g. "On April
13", else the month of the section) and the file may end mid-item (kept, flagged
truncated). ``parse_lines`` is pure: lines in, ``ParsedReport`` out, or a
``ReportFormatError`` that says in one sentence why the text is not such a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from binational.domain import DateSource, PartialDate, Period
from binational.intake.extracted import TextLine, lines_of_text
from binational.intake.frame import find_frame
from binational.intake.marks import (
    CONTEXT,
    IMPLICATIONS,
    ITEM,
    OVERVIEW,
    TRUNCATED_NOTE,
    body_date,
    ends_a_sentence,
    labelled,
    month_heading,
    printed_date,
    quarter_heading,
    section_of,
    source_link,
)
from binational.intake.parsed import ParsedItem, ParsedReport, ReportFormatError

NAME = "seed2023"
# A date line ends with a link's text at most this long; a longer rest makes the line
# a paragraph that opens with a date.
MAX_LINK_TEXT = 120


@dataclass
class _Draft:
    """An item being read; turned into a ParsedItem when the next one starts."""

    number: int
    title: str
    line: int
    title_links: tuple[str, ...]
    section: tuple[str, tuple[int, int]] | None  # (heading as written, (year, month))
    date_line: tuple[PartialDate, str, tuple[str, ...]] | None = None
    parts: dict[str, list[str]] = field(
        default_factory=lambda: {"summary": [], "context": [], "implications": []}
    )
    part: str = "summary"
    lines_read: int = 0
    marked_truncated: bool = False


def _finish(draft: _Draft, period: Period, at_end: bool, warnings: list[str]) -> ParsedItem:
    section_name, section = draft.section if draft.section else (None, None)
    summary, context, implications = (
        draft.parts[k] for k in ("summary", "context", "implications")
    )
    link_text = url = None
    date: PartialDate | None
    source: DateSource | None
    if draft.date_line:
        date, rest, links = draft.date_line
        source = DateSource.STATED
        link_text, url = source_link(rest, links or draft.title_links)
    else:
        if draft.title_links:
            url = draft.title_links[0]
        date = body_date(summary + context + implications, period, section)
        source = DateSource.INFERRED if date else None
        if date is None and section is not None:
            date, source = PartialDate.month(*section), DateSource.SECTION
        if date is None:
            warnings.append(f"item {draft.number} has no date and no month section")
    truncated = draft.marked_truncated
    if at_end and not truncated:
        last = (implications or context or summary or [draft.title])[-1]
        if draft.part != "implications" or not ends_a_sentence(last):
            truncated = True
            warnings.append(
                f"item {draft.number} looks cut off (the file ends mid-item); kept and "
                "flagged truncated"
            )
    elif not at_end and not implications:
        warnings.append(f"item {draft.number} has no 'Institutional Implications:' part")
    return ParsedItem(
        number=draft.number,
        title=draft.title,
        month_section=section_name,
        date=date,
        date_source=source,
        summary=tuple(summary),
        implications=tuple(implications),
        context=tuple(context),
        link_text=link_text,
        url=url,
        truncated=truncated,
        line=draft.line,
        section=section,
    )


def _read_body_line(draft: _Draft, text: str, links: tuple[str, ...]) -> None:
    first = draft.lines_read == 0
    draft.lines_read += 1
    if first:
        dated = printed_date(text)
        if dated and len(source_link(dated[1], ())[0] or "") <= MAX_LINK_TEXT:
            draft.date_line = (dated[0], dated[1], links)
            return
    if text == TRUNCATED_NOTE:
        draft.marked_truncated = True
        return
    for part, pattern in (("implications", IMPLICATIONS), ("context", CONTEXT)):
        if draft.part == part:
            continue
        rest = labelled(pattern, text)
        if rest is not None:
            draft.part = part
            if rest:
                draft.parts[part].append(rest)
            return
    draft.parts[draft.part].append(text)


def starts_item(number: int, previous: int, next_text: str) -> bool:
    """Whether a numbered line after item ``previous`` starts an item: it carries the
    next number, or a date line follows it (numbers a report skipped). Otherwise it is
    a paragraph that opens with a number ('5) results were...')."""
    if number == previous + 1:
        return True
    try:
        return printed_date(next_text) is not None
    except ReportFormatError:
        return True


def parse_lines(lines: Sequence[TextLine], name: str = "the text") -> ParsedReport:
    """Parse a report in this layout; ``name`` (usually the file name) is used in
    error messages."""
    frame = find_frame(lines, name)
    period = frame.period
    warnings: list[str] = []
    intro: list[str] = []
    items: list[ParsedItem] = []
    section: tuple[str, tuple[int, int]] | None = None
    draft: _Draft | None = None

    body = frame.body
    in_overview = False  # an annual report's computed overview: read past, not kept
    for index, (line_number, line) in enumerate(body):
        text = line.text
        if draft is None and not items and OVERVIEW.fullmatch(text):
            in_overview = True
            continue
        # Like a month heading, a quarter heading is read only where it cannot be the
        # item's date line ('July-September 2021' dates an item known to the quarter).
        if (draft is None or draft.lines_read > 0) and quarter_heading(text, period):
            in_overview = False
            if draft:
                items.append(_finish(draft, period, False, warnings))
                draft = None
            continue
        item = ITEM.match(text)
        if (
            item
            and draft
            and draft.lines_read
            and not starts_item(
                int(item.group("number")),
                draft.number,
                body[index + 1][1].text if index + 1 < len(body) else "",
            )
        ):
            warnings.append(
                f"line {line_number}: {text[:20]!r}... does not follow item {draft.number}; "
                "read as its text"
            )
            item = None
        if item:
            if draft:
                items.append(_finish(draft, period, False, warnings))
            number = int(item.group("number"))
            draft = _Draft(number, item.group("title").strip(), line_number, line.links, section)
            in_overview = False
            continue
        heading = month_heading(text) if draft is None or draft.lines_read > 0 else None
        # The overview ends at the first quarter's heading, or (where a format prints
        # no quarter headings) at the first month's, which a report writes in capitals
        # ('APRIL'; the overview's own rows read 'April 2023: 8').
        if in_overview and not (heading and text.isupper()):
            continue
        in_overview = False
        if heading:
            year_month = section_of(heading, period, section[1] if section else None)
            if year_month not in period.months():
                warnings.append(f"line {line_number}: month {text!r} is outside {period}")
            section = (text, year_month)
            if draft:
                items.append(_finish(draft, period, False, warnings))
                draft = None
            continue
        if draft is None:
            intro.append(text)
            continue
        try:
            _read_body_line(draft, text, line.links)
        except ReportFormatError as error:
            raise ReportFormatError(f"{name}, line {line_number}: {error}") from None

    if draft:
        items.append(_finish(draft, period, True, warnings))
    return frame.report(intro, items, warnings, name, NAME)


def parse_report(text: str, name: str = "the text") -> ParsedReport:
    """Parse plain text in this layout (see ``parse_lines``)."""
    if not text.strip():
        raise ReportFormatError(f"{name} is empty")
    if "\x00" in text:
        raise ReportFormatError(f"{name} is a binary file, not a text report")
    return parse_lines(lines_of_text(text), name)
