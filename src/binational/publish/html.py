"""HTML rendering: one self-contained, accessible, printable page.

The page has no external resources (CSS is inlined), so it can be mailed or archived
as one file. Everything from the database is escaped by the template's autoescape;
this module only adds the few values the template cannot compute itself (anchors,
machine-readable dates).
"""

from __future__ import annotations

from collections.abc import Sequence

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
    """The report as an HTML document string."""
    return _render(
        doc,
        front_matter=True,
        contents=True,
        sections=[(section, True) for section in doc.sections],
    )


def render_html(doc: ReportDocument) -> bytes:
    """The report as one UTF-8 HTML file."""
    return render_html_text(doc).encode("utf-8")
