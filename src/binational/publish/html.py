"""HTML rendering: one self-contained, accessible, printable page.

The page has no external resources (CSS is inlined), so it can be mailed or archived
as one file. Everything from the database is escaped by the template's autoescape;
this module only adds the few values the template cannot compute itself (anchors,
machine-readable dates).

A report longer than a quarter opens with its overview (``report_overview.html.j2``):
the events-per-month bars as inline SVG (with its ``<title>`` and ``<desc>``, the text
alternative), then its tables; the months follow under quarter headings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from binational.domain import DatePrecision, PartialDate
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.links import link_target
from binational.publish.overview import Overview
from binational.publish.overview_rows import overview_tables, summary_sentence
from binational.publish.pictures.bars import month_bars
from binational.publish.templating import template_environment
from binational.publish.wording import (
    BY_MONTH_LABEL,
    CONTENTS_LABEL,
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    OVERVIEW_LABEL,
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


def overview_context(overview: Overview, doc: ReportDocument) -> dict[str, Any]:
    """What the overview's template shows: its words, the bars picture, the tables."""
    return {
        "label": OVERVIEW_LABEL,
        "summary": summary_sentence(overview, doc.period),
        "bars": month_bars(overview.month_rows, ident="overview-bars"),
        "bars_caption": BY_MONTH_LABEL,
        "tables": overview_tables(overview),
    }


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
        overview=overview_context(doc.overview, doc) if doc.overview is not None else None,
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
