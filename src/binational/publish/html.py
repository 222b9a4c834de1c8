"""HTML rendering: one self-contained, accessible, printable page.

The page has no external resources (CSS is inlined), so it can be mailed or archived
as one file; the PDF renderer prints this same page with WeasyPrint. Everything from
the database is escaped by the template's autoescape; this module only adds the few
values the template cannot compute itself (anchors, machine-readable dates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from binational.domain import DatePrecision, PartialDate
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.links import link_target
from binational.publish.templating import template_environment
from binational.publish.wording import (
    CONTENTS_LABEL,
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    TRUNCATED_NOTE,
    paragraphs,
)

TEMPLATE_NAME = "report.html.j2"


def section_anchor(section: MonthSection) -> str:
    """'month-2023-04': stable, so links to a month survive re-publishing."""
    return f"month-{section.year:04d}-{section.month:02d}"


def entry_anchor(entry: ReportEntry) -> str:
    """'item-7', matching the number printed before the title."""
    return f"item-{entry.number}"


def machine_date(date: PartialDate) -> str:
    """A valid ``<time datetime>`` value: '2023-04-12', '2023-05', or the year for a
    date known only to the quarter (HTML has no quarter syntax)."""
    if date.precision is DatePrecision.QUARTER:
        return f"{date.value.year:04d}"
    return date.iso()


@dataclass(frozen=True)
class ReportPart:
    """Consecutive entries of a report, printed on their own.

    The PDF renderer prints a long report as several parts at once and joins the PDFs
    (see ``pdf.py``). Only the first part carries the front matter (organization,
    header, intro); a part that starts in the middle of a month does not repeat the
    month's heading. No part has the contents list (it is not printed anyway).
    """

    document: ReportDocument
    sections: tuple[MonthSection, ...]  # the part's entries, grouped by month
    front_matter: bool
    continues_month: bool  # its first section's heading is in the part before

    @property
    def entries(self) -> tuple[ReportEntry, ...]:
        return tuple(entry for section in self.sections for entry in section.entries)

    def shows_heading(self, index: int) -> bool:
        """Whether the heading of ``sections[index]`` is printed in this part."""
        return index > 0 or not self.continues_month


def _render(
    doc: ReportDocument,
    *,
    front_matter: bool,
    contents: bool,
    sections: Sequence[tuple[MonthSection, bool]],
) -> str:
    template = template_environment().get_template(TEMPLATE_NAME)
    return template.render(
        doc=doc,
        front_matter=front_matter,
        contents=contents,
        sections=sections,
        labels={
            "contents": CONTENTS_LABEL,
            "context": CONTEXT_LABEL,
            "implications": IMPLICATIONS_LABEL,
            "truncated": TRUNCATED_NOTE,
        },
        paragraphs=paragraphs,
        section_anchor=section_anchor,
        entry_anchor=entry_anchor,
        machine_date=machine_date,
        link_target=link_target,
    )


def render_html_text(doc: ReportDocument) -> str:
    """The report as an HTML document string (the PDF renderer starts from this)."""
    return _render(
        doc,
        front_matter=True,
        contents=True,
        sections=[(section, True) for section in doc.sections],
    )


def render_part_html_text(part: ReportPart) -> str:
    """One part of the report as an HTML document string, for the PDF renderer: the
    same page (head, styles, markup of each item) with only the part's entries."""
    return _render(
        part.document,
        front_matter=part.front_matter,
        contents=False,
        sections=[
            (section, part.shows_heading(index)) for index, section in enumerate(part.sections)
        ],
    )


def render_html(doc: ReportDocument) -> bytes:
    """The report as one UTF-8 HTML file."""
    return render_html_text(doc).encode("utf-8")
