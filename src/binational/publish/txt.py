"""Plain-text rendering in the center's own layout (the layout of its past reports).

One line per element and no blank lines, exactly as ``cbi-report-2023-q2.txt``::

    Report | April-June 2023
    <intro>
    APRIL
    1) <title>
    April 12, 2023 Link <https://...>
    <summary paragraph>...
    Institutional context:          (when the event has background)
    <context paragraph>...
    Institutional Implications:
    <implications paragraph>...

The URL, when known, follows the link text in angle brackets so that it survives an
export and re-import (the center's own plain-text copies lost it).

A report longer than a quarter prints its overview after the introduction, one line
per row ("January 2023: 84", never a line that opens with "1)"), so that the importer
reads it as part of the introduction. Its months are not grouped under quarter
headings here: in this layout a line after an item is that item's text.
"""

from __future__ import annotations

from collections.abc import Iterator

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.overview import Overview
from binational.publish.overview_rows import overview_tables, summary_sentence
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    OVERVIEW_LABEL,
    paragraphs,
    single_line,
)


def date_line(entry: ReportEntry) -> str:
    """'April 12, 2023 Link <https://…>', 'May 2023', 'April 12, 2023 Link'."""
    parts = [entry.date_line]
    if entry.link_text:
        parts.append(single_line(entry.link_text))
    if entry.url:
        parts.append(f"<{single_line(entry.url)}>")
    return " ".join(parts)


def entry_lines(entry: ReportEntry) -> Iterator[str]:
    yield f"{entry.number}) {single_line(entry.title)}"
    yield date_line(entry)
    yield from paragraphs(entry.summary)
    context = paragraphs(entry.context)
    if context:
        yield CONTEXT_LABEL
        yield from context
    implications = paragraphs(entry.implications)
    if implications:
        yield IMPLICATIONS_LABEL
        yield from implications


def overview_lines(overview: Overview, doc: ReportDocument) -> Iterator[str]:
    yield OVERVIEW_LABEL
    yield summary_sentence(overview, doc.period)
    for table in overview_tables(overview):
        yield table.title
        if not table.rows and table.empty:
            yield table.empty
        for row in table.rows:
            if len(row) == 2:
                yield single_line(f"{row[0]}: {row[1]}")
            else:
                date, change, name, note = row
                yield single_line(f"{date}, {change}: {name}" + (f" ({note})" if note else ""))
        if table.note:
            yield table.note


def report_lines(doc: ReportDocument) -> Iterator[str]:
    yield single_line(doc.header)
    yield from paragraphs((doc.intro,))
    if doc.overview is not None:
        yield from overview_lines(doc.overview, doc)
    for section in doc.sections:
        yield section.heading
        for entry in section.entries:
            yield from entry_lines(entry)


def render_txt(doc: ReportDocument) -> bytes:
    """The report as UTF-8 text, one line per element, ending with a newline."""
    return ("\n".join(report_lines(doc)) + "\n").encode("utf-8")
