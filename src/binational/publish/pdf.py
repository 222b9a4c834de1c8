"""PDF rendering: the HTML page printed by WeasyPrint.

The page layout (Letter, margins, "Page N of M" footer, keeping an item's title and
date with its text) lives in the print rules of ``templates/report.css``, so a
browser's "Print" and this PDF agree. WeasyPrint turns ``<a href>`` into clickable
link annotations and the headings (report, months, items) into PDF bookmarks, which
serve as the PDF's table of contents (the HTML's contents list is not printed).
"""

from __future__ import annotations

from binational.publish.document import ReportDocument
from binational.publish.html import render_html_text


def render_pdf(doc: ReportDocument) -> bytes:
    """The report as PDF bytes (WeasyPrint is imported here, on first use: it takes
    about a second to load)."""
    from weasyprint import HTML

    # No base URL: the page is self-contained, so nothing may be fetched while printing.
    return HTML(string=render_html_text(doc)).write_pdf()
