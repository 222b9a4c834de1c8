"""The center's 2022 "newsletter" layout
(``data/samples/cbi-newsletter-2022-q4-excerpt.txt``)::

    REPORT | October - December 2022
    <intro paragraph>
    1) <title> (10.24.22) Learn more           <- US-order date; "Learn more" carried the link
      • Institutional context - <background>  <- -> context
      • <title> - <what happened>              <- the title repeated before ' - ' -> summary
    2) ...

Bullets and blank lines come and go; a paragraph is a line. The context may run over
several paragraphs until the one that repeats the title; when no paragraph repeats
it, the context is its first paragraph and the rest is the summary. Month headings
and an inline ``Institutional Implications:`` part are read as in the 2023 layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from binational.domain import DateSource, PartialDate, Period
from binational.intake.extracted import TextLine
from binational.intake.frame import find_frame
from binational.intake.marks import (
    CONTEXT,
    IMPLICATIONS,
    ITEM,
    TRUNCATED_NOTE,
    body_date,
    ends_a_sentence,
    labelled,
    month_heading,
    section_of,
    source_link,
    strip_bullet,
)
from binational.intake.parsed import ParsedItem, ParsedReport, ReportFormatError

NAME = "newsletter2022"
# '(10.24.22)', '(10/24/2022)', '(10-24-22)' at the end of the title.
TITLE_DATE = re.compile(r"\((?P<month>\d{1,2})[./-](?P<day>\d{1,2})[./-](?P<year>\d{2}|\d{4})\)")
LINK_WORDS = ("learn more", "read more", "link", "más información", "leer más", "ver más")
DASHES = ("-", "–", "—")


@dataclass
class _Draft:
    number: int
    title: str
    line: int
    date: PartialDate | None
    link_text: str | None
    url: str | None
    section: tuple[str, tuple[int, int]] | None
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    marked_truncated: bool = False


def split_item_line(rest: str, links: tuple[str, ...]):
    """'Otay II Border Crossing MoU (10.24.22) Learn more' -> title, date, link text, URL."""
    link_text, url = None, None
    text, written_url = source_link(rest, ())
    text = text or ""
    lowered = text.lower()
    for word in LINK_WORDS:
        if lowered.endswith(word) and (
            len(text) == len(word) or not text[-len(word) - 1].isalnum()
        ):
            link_text = text[len(text) - len(word) :]
            text = text[: len(text) - len(word)].rstrip()
            break
    if link_text or written_url:
        url = links[0] if links else written_url
    date = None
    stamps = list(TITLE_DATE.finditer(text))
    stamp = stamps[-1] if stamps else None
    if stamp and not text[stamp.end() :].strip():
        year = int(stamp.group("year"))
        year = year + 2000 if year < 100 else year
        try:
            date = PartialDate.day(year, int(stamp.group("month")), int(stamp.group("day")))
        except ValueError:
            raise ReportFormatError(f"{stamp.group(0)!r} is not a real date") from None
        text = text[: stamp.start()].rstrip()
    if url is None and links:
        url = links[0]
    return text, date, link_text, url


def _norm(text: str) -> str:
    return " ".join(text.replace("–", "-").replace("—", "-").casefold().split())


def repeated_title(title: str, paragraph: str) -> str | None:
    """The paragraph without its leading 'Title - ', if it starts by repeating the title."""
    wanted = _norm(title).rstrip(".:")
    if not wanted:
        return None
    limit = len(title) + 40
    for index, char in enumerate(paragraph[:limit]):
        if (
            char in DASHES
            and index > 0
            and paragraph[index - 1] == " "
            and _norm(paragraph[:index]).rstrip(".:") == wanted
        ):
            return paragraph[index + 1 :].strip()
    return None


def _split_parts(draft: _Draft) -> tuple[list[str], list[str], list[str]]:
    """Summary, context and implications paragraphs (see the module docstring)."""
    parts: dict[str, list[str]] = {"summary": [], "context": [], "implications": []}
    kinds = [kind for kind, _ in draft.paragraphs]
    last_repeat = max((i for i, kind in enumerate(kinds) if kind == "repeat"), default=-1)
    state = "summary"
    for index, (kind, text) in enumerate(draft.paragraphs):
        if kind in ("context", "implications"):
            state = kind
        elif kind == "repeat" or state == "context" and index > last_repeat:
            state = "summary"
        if text:
            parts[state].append(text)
    return parts["summary"], parts["context"], parts["implications"]


def _finish(draft: _Draft, period: Period, at_end: bool, warnings: list[str]) -> ParsedItem:
    summary, context, implications = _split_parts(draft)
    section_name, section = draft.section if draft.section else (None, None)
    date, source = draft.date, DateSource.STATED if draft.date else None
    if date is None:
        date = body_date(summary + context + implications, period, section)
        source = DateSource.INFERRED if date else None
    if date is None and section is not None:
        date, source = PartialDate.month(*section), DateSource.SECTION
    truncated = draft.marked_truncated
    if at_end and not truncated:
        paragraphs = implications or summary or context
        if not paragraphs or not ends_a_sentence(paragraphs[-1]):
            truncated = True
            warnings.append(
                f"item {draft.number} looks cut off (the file ends mid-item); kept and "
                "flagged truncated"
            )
    if date is None:
        warnings.append(f"item {draft.number} has no date")
    return ParsedItem(
        number=draft.number,
        title=draft.title,
        month_section=section_name,
        date=date,
        date_source=source,
        summary=tuple(summary),
        implications=tuple(implications),
        context=tuple(context),
        link_text=draft.link_text,
        url=draft.url,
        truncated=truncated,
        line=draft.line,
        section=section,
    )


def _classify(draft: _Draft, text: str) -> tuple[str, str] | None:
    if text == TRUNCATED_NOTE:
        draft.marked_truncated = True
        return None
    rest = labelled(IMPLICATIONS, text)
    if rest is not None:
        return "implications", rest
    rest = labelled(CONTEXT, text)
    if rest is not None:
        return "context", rest
    rest = repeated_title(draft.title, text)
    if rest is not None:
        return "repeat", rest
    return "text", text


def parse_lines(lines: Sequence[TextLine], name: str = "the text") -> ParsedReport:
    frame = find_frame(lines, name)
    period = frame.period
    warnings: list[str] = []
    intro: list[str] = []
    items: list[ParsedItem] = []
    section: tuple[str, tuple[int, int]] | None = None
    draft: _Draft | None = None
    for line_number, line in frame.body:
        text = strip_bullet(line.text)
        if not text:
            continue
        item = ITEM.match(text)
        if item and draft and draft.paragraphs and int(item.group("number")) != draft.number + 1:
            try:
                title_marks = split_item_line(item.group("title"), ())[1:3]
            except ReportFormatError:
                title_marks = (True, True)
            if title_marks == (None, None):
                warnings.append(
                    f"line {line_number}: {text[:20]!r}... does not follow item "
                    f"{draft.number}; read as its text"
                )
                item = None
        if item:
            if draft:
                items.append(_finish(draft, period, False, warnings))
            try:
                title, date, link_text, url = split_item_line(item.group("title"), line.links)
            except ReportFormatError as error:
                raise ReportFormatError(f"{name}, line {line_number}: {error}") from None
            number = int(item.group("number"))
            draft = _Draft(number, title, line_number, date, link_text, url, section)
            continue
        heading = month_heading(text)
        if heading:
            year_month = section_of(heading, period, section[1] if section else None)
            section = (text, year_month)
            if draft:
                items.append(_finish(draft, period, False, warnings))
                draft = None
            continue
        if draft is None:
            intro.append(text)
            continue
        classified = _classify(draft, text)
        if classified:
            draft.paragraphs.append(classified)
    if draft:
        items.append(_finish(draft, period, True, warnings))
    return frame.report(intro, items, warnings, name, NAME)
