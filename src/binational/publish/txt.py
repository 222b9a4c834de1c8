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
"""

from __future__ import annotations

from collections.abc import Iterator

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
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


def report_lines(doc: ReportDocument) -> Iterator[str]:
    yield single_line(doc.header)
    yield from paragraphs((doc.intro,))
    for section in doc.sections:
        yield section.heading
        for entry in section.entries:
            yield from entry_lines(entry)


def render_txt(doc: ReportDocument) -> bytes:
    """The report as UTF-8 text, one line per element, ending with a newline."""
    return ("\n".join(report_lines(doc)) + "\n").encode("utf-8")
