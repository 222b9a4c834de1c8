"""The marks both layouts share: the header and its period, month headings, printed
dates, the labelled parts of an item, source links, and the day named in a body.

Every pattern here runs on a line already stripped of surrounding whitespace and is
written so that Python's backtracking engine stays linear: anchored matches, no nested
or adjacent overlapping repetition, bounded repetition where a prefix is searched.
A 1 MB line is read in milliseconds.
"""

from __future__ import annotations

import re

from binational.domain import (
    MAX_YEAR,
    MIN_YEAR,
    DatePrecision,
    PartialDate,
    Period,
    Quarter,
    month_number,
)
from binational.intake.parsed import ReportFormatError

MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|"
    r"octubre|noviembre|diciembre|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
# 'Report | April-June 2023', 'REPORT | October - December 2022', 'Informe|2023'.
HEADER = re.compile(r"(?P<prefix>[^|\d]{1,40})\|(?P<period>[^|]{1,80})")
HEADER_WORDS = frozenset(
    {"report", "reporte", "informe", "newsletter", "boletín", "boletin", "quarterly report",
     "annual report", "informe trimestral", "informe anual"}
)  # fmt: skip
MONTH_HEADING = re.compile(rf"(?P<month>{MONTHS})\.?(?:\s+(?P<year>\d{{4}}))?", re.IGNORECASE)
ITEM = re.compile(r"(?P<number>\d{1,3})\)\s*(?P<title>\S.*)")
DATE_EN = re.compile(
    rf"(?P<month>{MONTHS})\.?\s+(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year>\d{{4}})"
    r"(?!\d)",
    re.IGNORECASE,
)
DATE_ES = re.compile(
    rf"(?P<day>\d{{1,2}})\s+de\s+(?P<month>{MONTHS})\s+(?:de\s+|del\s+)?(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
DATE_QUARTER = re.compile(r"Q(?P<quarter>[1-4])\s+(?P<year>\d{4})(?!\d)", re.IGNORECASE)
IMPLICATIONS = re.compile(r"Institutional\s+Implications\b\s*[:\-–—]?", re.IGNORECASE)
CONTEXT = re.compile(r"Institutional\s+context\b\s*[:\-–—]?", re.IGNORECASE)
BULLET = re.compile(r"[•·▪●◦‣∙]\s*")
BRACKETED_URL = re.compile(r"<(?P<url>(?:https?|mailto):[^<>]{1,2000})>", re.IGNORECASE)
BARE_URL = re.compile(r"(?:https?|mailto):[^\s<>]{1,2000}", re.IGNORECASE)
BODY_DATE_EN = re.compile(
    rf"\b(?P<month>{MONTHS})\s{{1,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,\s{0,3}(?P<year>\d{4}))?",
    re.IGNORECASE,
)
BODY_DATE_ES = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s{{1,3}}de\s{{1,3}}(?P<month>{MONTHS})\b"
    r"(?:\s{1,3}de\s{1,3}(?P<year>\d{4}))?",
    re.IGNORECASE,
)
# How much of each paragraph is searched for the day an undated item happened: the
# day is named early ("On April 13, ..."), and a bound keeps a huge paragraph cheap.
BODY_DATE_SPAN = 2000
TRUNCATED_NOTE = "This item is incomplete: its source text ends here."
_CLOSERS = "\"'”’)]»"
_CONNECTORS = frozenset({"to", "a", "al", "de", "del", "through", "thru", "until", "y", "and"})
_PERIOD_TOKEN = re.compile(r"(?P<quarter>Q[1-4])\b|(?P<word>[^\W\d_]+)|(?P<number>\d+)", re.I)
PERIOD_EXAMPLES = "'April-June 2023', 'June - October 2022', 'May 2023', '2023' or 'Q2 2023'"


def strip_bullet(text: str) -> str:
    match = BULLET.match(text)
    return text[match.end() :] if match else text


def header_period(line: str) -> str | None:
    """The period text of a header line ('Report | April-June 2023' -> 'April-June
    2023'), or None when the line is not a header."""
    match = HEADER.fullmatch(line)
    if not match or match.group("prefix").strip().lower() not in HEADER_WORDS:
        return None
    return match.group("period").strip()


def _check_year(year: int, text: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ReportFormatError(
            f"the period {text!r} names the year {year}; reports are dated {MIN_YEAR} to {MAX_YEAR}"
        )
    return year


def parse_period(text: str) -> Period:
    """A header's period: a quarter, a month range, a month or a year, in English or
    Spanish ('October - December 2022' is 2022Q4, 'June - October 2022' is
    2022-06..2022-10, 'November 2022 - February 2023', '2023', 'Q2 2023', '2023Q2')."""
    original = text.strip()
    compact = re.fullmatch(r"(\d{4})\s*-?\s*Q([1-4])", original, re.IGNORECASE)
    if compact:
        year = _check_year(int(compact.group(1)), original)
        return Period.of_quarter(Quarter(year, int(compact.group(2))))
    months: list[int] = []
    years: list[int] = []
    quarter: int | None = None
    shape = []  # 'm' month, 'y' year, 'q' quarter, in order
    for match in _PERIOD_TOKEN.finditer(original[:80]):
        if match.group("quarter"):
            quarter = int(match.group("quarter")[1])
            shape.append("q")
        elif match.group("number"):
            years.append(_check_year(int(match.group("number")), original))
            shape.append("y")
        else:
            word = match.group("word").lower()
            number = month_number(word)
            if number is not None and len(word) >= 3:
                months.append(number)
                shape.append("m")
            elif word not in _CONNECTORS:
                raise _period_error(original)
    form = "".join(shape)
    try:
        if form == "qy" and quarter:
            return Period.of_quarter(Quarter(years[0], quarter))
        if form == "y":
            return Period.year(years[0])
        if form == "my":
            return Period.month(years[0], months[0])
        if form == "mmy":
            first_year = years[0] - 1 if months[0] > months[1] else years[0]
            return Period((first_year, months[0]), (years[0], months[1]))
        if form == "mymy":
            return Period((years[0], months[0]), (years[1], months[1]))
    except ValueError as error:
        raise ReportFormatError(f"the period {original!r} is not a period: {error}") from None
    raise _period_error(original)


def _period_error(text: str) -> ReportFormatError:
    return ReportFormatError(f"the header's period {text!r} should read like {PERIOD_EXAMPLES}")


def printed_date(text: str) -> tuple[PartialDate, str] | None:
    """A date at the start of a line and the rest of the line: 'April 12, 2023 Link',
    'May 2023', '12 de abril de 2023', 'Q2 2023'. Raises when the date does not exist
    (April 31); None when the line does not start with a date."""
    match = DATE_EN.match(text) or DATE_ES.match(text)
    if match:
        month = month_number(match.group("month"))
        year = int(match.group("year"))
        day = match.group("day")
        if month is None or not MIN_YEAR <= year <= MAX_YEAR:
            return None
        try:
            date = PartialDate.day(year, month, int(day)) if day else PartialDate.month(year, month)
        except ValueError:
            raise ReportFormatError(f"{text[:60]!r} is not a real date") from None
        return date, text[match.end() :].strip()
    match = DATE_QUARTER.match(text)
    if match and MIN_YEAR <= int(match.group("year")) <= MAX_YEAR:
        quarter = Quarter(int(match.group("year")), int(match.group("quarter")))
        date = PartialDate(quarter.start, DatePrecision.QUARTER)
        return date, text[match.end() :].strip()
    return None


def source_link(rest: str, links: tuple[str, ...]) -> tuple[str | None, str | None]:
    """Link text and URL from what follows a date (or a title): the hyperlink the line
    carries, else a URL written out ('Link <https://...>' or a bare URL)."""
    url = links[0] if links else None
    text = rest
    bracketed = BRACKETED_URL.search(rest)
    if bracketed:
        url = url or bracketed.group("url").strip()
        text = rest[: bracketed.start()] + rest[bracketed.end() :]
    else:
        bare = BARE_URL.search(rest)
        if bare:
            url = url or bare.group(0)
            text = rest[: bare.start()] + rest[bare.end() :]
    text = text.strip()
    return (text or None), url


def ends_a_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in ".!?…"


def labelled(pattern: re.Pattern[str], text: str) -> str | None:
    """The text after a label ('Institutional Implications: ...'), '' when the label
    stands alone, None when the line does not start with the label."""
    match = pattern.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    if rest and match.group(0).rstrip()[-1:] not in ":-–—" and not rest[0].isspace():
        return None  # 'Institutional Implicationsfoo' is text, not the label
    return rest.strip()


# An annual report's computed overview, printed after the introduction: it is read
# past, not kept (binational computes it again from the events).
OVERVIEW = re.compile(r"(?:Overview|Resumen|Panorama)", re.IGNORECASE)


def quarter_heading(text: str, period: Period) -> bool:
    """Whether the line heads a quarter of a report longer than a quarter ('April-June
    2023', as the annual report groups its months): a section break, not text."""
    if period.quarter is not None or len(text) > 40 or not re.search(r"\d{4}\s*$", text):
        return False
    try:
        quarter = parse_period(text)
    except ReportFormatError:
        return False
    return quarter.quarter is not None and quarter.start >= period.start and (
        quarter.end <= period.end
    )


def month_heading(text: str) -> tuple[int, int | None] | None:
    """(month, year or None) when the line is a month heading ('APRIL', 'May 2023')."""
    if len(text) > 20:
        return None
    match = MONTH_HEADING.fullmatch(text)
    if not match:
        return None
    month = month_number(match.group("month"))
    if month is None:
        return None
    return month, int(match.group("year")) if match.group("year") else None


def section_of(
    heading: tuple[int, int | None], period: Period, after: tuple[int, int] | None
) -> tuple[int, int]:
    """The (year, month) a month heading stands for: its year if written, else the
    first such month of the period not before the previous section."""
    month, year = heading
    if year is not None:
        return year, month
    for candidate in period.months():
        if candidate[1] == month and (after is None or candidate >= after):
            return candidate
    for candidate in period.months():
        if candidate[1] == month:
            return candidate
    return period.first[0], month


def body_date(paragraphs: list[str], period: Period, section: tuple[int, int] | None):
    """The first day named in the body that falls in the item's month section (or, with
    no section, in the period): 'On April 13', 'April 13, 2023', 'el 13 de abril'."""
    for paragraph in paragraphs:
        head = paragraph[:BODY_DATE_SPAN]
        for pattern in (BODY_DATE_EN, BODY_DATE_ES):
            for match in pattern.finditer(head):
                month = month_number(match.group("month"))
                if month is None:
                    continue
                if match.group("year"):
                    year = int(match.group("year"))
                elif section is not None:
                    year = section[0]
                else:
                    year = next((y for y, m in period.months() if m == month), period.first[0])
                if (section is not None and (year, month) != section) or (
                    section is None and (year, month) not in period.months()
                ):
                    continue
                try:
                    return PartialDate.day(year, month, int(match.group("day")))
                except ValueError:
                    continue
    return None
