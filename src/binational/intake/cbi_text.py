"""Parser of the center's quarterly report in its plain-text layout.

The layout (see ``data/samples/cbi-report-2023-q2.txt``)::

    Report | April-June 2023
    <intro paragraph>
    APRIL
    1) <title>
    April 12, 2023 Link            <- date line, then the hyperlink's text (optional)
    <summary paragraph>            <- one paragraph per line
    Institutional Implications:    <- alone, or followed by the first paragraph
    <implications paragraph>
    2) ...

Items may lack the date line (the day is then inferred from the body, e.g. "On April
13", else the month of the section) and the file may end mid-item (kept, flagged
truncated). ``parse_report`` is pure: text in, ``ParsedReport`` out, or a
``ReportFormatError`` that says in one sentence why the text is not such a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from binational.domain import DatePrecision, DateSource, PartialDate, Quarter, month_number
from binational.errors import UserError

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
    r"octubre|noviembre|diciembre)"
)
HEADER = re.compile(r"^\s*(report)\s*\|\s*(?P<period>.+?)\s*$", re.IGNORECASE)
PERIOD = re.compile(
    rf"^(?P<first>{_MONTHS})\s*(?:-|–|—|to|a)\s*(?P<last>{_MONTHS})\s*,?\s*(?P<year>\d{{4}})$",
    re.IGNORECASE,
)
MONTH_SECTION = re.compile(rf"^\s*(?P<month>{_MONTHS})(?:\s+(?P<year>\d{{4}}))?\s*$", re.IGNORECASE)
ITEM = re.compile(r"^\s*(?P<number>\d{1,3})\)\s+(?P<title>\S.*?)\s*$")
DATE_LINE = re.compile(
    rf"^\s*(?P<month>{_MONTHS})\s+(?:(?P<day>\d{{1,2}}),\s*)?(?P<year>\d{{4}})\b\s*(?P<rest>.*?)\s*$",
    re.IGNORECASE,
)
IMPLICATIONS = re.compile(
    r"^\s*Institutional\s+Implications\s*:\s*(?P<rest>.*?)\s*$", re.IGNORECASE
)
URL = re.compile(r"<?(?P<url>https?://[^\s<>]+)>?")
# A date named in a body: "On April 13", "April 13, 2023", "el 13 de abril".
BODY_DATE_EN = re.compile(
    rf"\b(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,\s*(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
BODY_DATE_ES = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+de\s+(?P<month>{_MONTHS})\b(?:\s+de\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


class ReportFormatError(UserError):
    """The text is not a report in the center's layout."""


@dataclass(frozen=True)
class ParsedItem:
    number: int
    title: str
    month_section: str | None
    date: PartialDate
    date_source: DateSource
    summary: tuple[str, ...]
    implications: tuple[str, ...]
    link_text: str | None = None
    url: str | None = None
    truncated: bool = False
    line: int = 0  # 1-based line of the "N) Title" line


@dataclass(frozen=True)
class ParsedReport:
    header: str
    quarter: Quarter
    intro: str
    items: tuple[ParsedItem, ...]
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Draft:
    """An item being read; turned into a ParsedItem when the next one starts."""

    number: int
    title: str
    line: int
    section: tuple[str, int] | None  # (heading as written, month number)
    date_line: tuple[PartialDate, str] | None = None
    summary: list[str] = field(default_factory=list)
    implications: list[str] = field(default_factory=list)
    in_implications: bool = False
    lines_read: int = 0


def parse_period(text: str) -> Quarter:
    """'April-June 2023' -> 2023Q2; also '2023Q2' and 'Q2 2023'."""
    text = text.strip()
    match = PERIOD.match(text)
    if match:
        first = month_number(match.group("first"))
        last = month_number(match.group("last"))
        year = int(match.group("year"))
        if first and last and last - first == 2 and first % 3 == 1:
            return Quarter(year, (first - 1) // 3 + 1)
        raise ReportFormatError(f"the period {text!r} is not a calendar quarter")
    flipped = re.fullmatch(r"[Qq]([1-4])\s+(\d{4})", text)
    if flipped:
        return Quarter(int(flipped.group(2)), int(flipped.group(1)))
    try:
        return Quarter.parse(text)
    except ValueError:
        raise ReportFormatError(
            f"the header's period {text!r} should read like 'April-June 2023'"
        ) from None


def _split_link(rest: str) -> tuple[str | None, str | None]:
    """The text after a date line's date: link text and, when written out, the URL."""
    url_match = URL.search(rest)
    url = url_match.group("url") if url_match else None
    text = URL.sub("", rest).strip() if url_match else rest.strip()
    return (text or None), url


def _body_date(paragraphs: list[str], quarter: Quarter, month: int | None) -> PartialDate | None:
    """First day named in the body that falls in the item's month (or quarter)."""
    for paragraph in paragraphs:
        for pattern in (BODY_DATE_EN, BODY_DATE_ES):
            for match in pattern.finditer(paragraph):
                named_month = month_number(match.group("month"))
                year = int(match.group("year")) if match.group("year") else quarter.year
                if named_month is None or year != quarter.year:
                    continue
                if month is not None and named_month != month:
                    continue
                if month is None and named_month not in quarter.months:
                    continue
                try:
                    return PartialDate.day(year, named_month, int(match.group("day")))
                except ValueError:
                    continue
    return None


def _finish(draft: _Draft, quarter: Quarter, at_end: bool, warnings: list[str]) -> ParsedItem:
    section_name = draft.section[0] if draft.section else None
    section_month = draft.section[1] if draft.section else None
    link_text = url = None
    if draft.date_line:
        date, rest = draft.date_line
        source = DateSource.STATED
        link_text, url = _split_link(rest)
    else:
        inferred = _body_date(draft.summary + draft.implications, quarter, section_month)
        if inferred:
            date, source = inferred, DateSource.INFERRED
        elif section_month:
            date, source = PartialDate.month(quarter.year, section_month), DateSource.SECTION
        else:
            date = PartialDate(quarter.start, DatePrecision.QUARTER)
            source = DateSource.INFERRED
            warnings.append(f"item {draft.number} has no date and no month section")
    truncated = False
    if at_end:
        last = (draft.implications or draft.summary or [draft.title])[-1]
        if not draft.in_implications or not SENTENCE_END.search(last):
            truncated = True
            warnings.append(
                f"item {draft.number} looks cut off (the file ends mid-item); kept and "
                "flagged truncated"
            )
    elif not draft.in_implications:
        warnings.append(f"item {draft.number} has no 'Institutional Implications:' part")
    return ParsedItem(
        number=draft.number,
        title=draft.title,
        month_section=section_name,
        date=date,
        date_source=source,
        summary=tuple(draft.summary),
        implications=tuple(draft.implications),
        link_text=link_text,
        url=url,
        truncated=truncated,
        line=draft.line,
    )


def _check_text(text: str, name: str) -> list[str]:
    if not text.strip():
        raise ReportFormatError(f"{name} is empty")
    if "\x00" in text:
        raise ReportFormatError(f"{name} is a binary file, not a text report")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return [line.rstrip() for line in text.split("\n")]


def parse_report(text: str, name: str = "the text") -> ParsedReport:
    """Parse a report; ``name`` (usually the file name) is used in error messages."""
    lines = _check_text(text, name)
    numbered = [(index + 1, line) for index, line in enumerate(lines) if line.strip()]
    first_line_number, first_line = numbered[0]
    header = HEADER.match(first_line)
    if not header:
        raise ReportFormatError(
            f"{name} is not a quarterly report: line {first_line_number} should be a header "
            "like 'Report | April-June 2023'"
        )
    try:
        quarter = parse_period(header.group("period"))
    except ReportFormatError as error:
        raise ReportFormatError(f"{name}, line {first_line_number}: {error}") from None

    warnings: list[str] = []
    intro: list[str] = []
    items: list[ParsedItem] = []
    section: tuple[str, int] | None = None
    draft: _Draft | None = None

    for line_number, line in numbered[1:]:
        stripped = line.strip()
        item = ITEM.match(line)
        month_line = MONTH_SECTION.match(line)
        if item:
            if draft:
                items.append(_finish(draft, quarter, False, warnings))
            draft = _Draft(int(item.group("number")), item.group("title"), line_number, section)
            continue
        if month_line and (draft is None or draft.lines_read > 0):
            month = month_number(month_line.group("month"))
            if month not in quarter.months:
                warnings.append(f"line {line_number}: month {stripped!r} is outside {quarter}")
            section = (stripped, month or 0)
            if draft:
                items.append(_finish(draft, quarter, False, warnings))
                draft = None
            continue
        if draft is None:
            intro.append(stripped)
            continue
        date_line = DATE_LINE.match(line) if draft.lines_read == 0 else None
        draft.lines_read += 1
        if date_line and month_number(date_line.group("month")):
            month = month_number(date_line.group("month")) or 1
            year = int(date_line.group("year"))
            day = date_line.group("day")
            try:
                date = (
                    PartialDate.day(year, month, int(day))
                    if day
                    else PartialDate.month(year, month)
                )
            except ValueError:
                raise ReportFormatError(
                    f"{name}, line {line_number}: {stripped!r} is not a real date"
                ) from None
            draft.date_line = (date, date_line.group("rest"))
            continue
        marker = IMPLICATIONS.match(line)
        if marker and not draft.in_implications:
            draft.in_implications = True
            if marker.group("rest"):
                draft.implications.append(marker.group("rest"))
            continue
        (draft.implications if draft.in_implications else draft.summary).append(stripped)

    if draft:
        items.append(_finish(draft, quarter, True, warnings))
    if not items:
        raise ReportFormatError(f"{name} has a report header but no numbered items like '1) Title'")
    expected = list(range(items[0].number, items[0].number + len(items)))
    if [i.number for i in items] != expected:
        warnings.append("item numbers are not consecutive")
    return ParsedReport(
        header=first_line.strip(),
        quarter=quarter,
        intro="\n".join(intro),
        items=tuple(items),
        warnings=tuple(warnings),
    )


def decode_report_bytes(data: bytes, name: str) -> str:
    """Strict UTF-8 (a BOM is allowed); anything else is refused in one sentence."""
    if not data.strip():
        raise ReportFormatError(f"{name} is empty")
    if b"\x00" in data[:4096]:
        raise ReportFormatError(f"{name} is a binary file, not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFormatError(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8 and import it again"
        ) from None
