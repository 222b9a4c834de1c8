"""PDF rendering: the report laid out by Typst from ``templates/report.typ``.

The template (page, typography, header, months, items) receives the report as JSON
data (``pdf_data``) through Typst's ``sys.inputs``, never as markup, so no field can
run Typst code; the compile root is the templates folder, so the template reads no
other file. Typst makes the headings (report, months, items) the PDF's bookmarks and
the source links clickable, and writes a tagged PDF under its PDF/UA-1 profile (Typst
refuses to export what breaks the rules of the standard that it checks).

Fonts: DejaVu Serif and Sans, as ``report.css`` and the HTML page; Typst finds them
among the machine's fonts (Debian's fonts-dejavu-core, which ``.ci/run`` installs). A
machine without them gets Typst's bundled Libertinus Serif, which also has every
Spanish letter, and a warning in the log.

Typst (the ``typst`` package, the compiler itself, no system libraries) lays out a
quarter of 200 items (about 150 pages) in about 0.4 s of CPU; it is imported on first
use so that importing the format registry stays cheap.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from binational.publish.document import ReportDocument
from binational.publish.pdf_data import report_json

TEMPLATES = Path(__file__).with_name("templates")
TEMPLATE = TEMPLATES / "report.typ"
# PDF/UA-1: tagged, with a title shown as the window title, the language set, and
# headings, paragraphs and links in reading order for screen readers.
PDF_STANDARDS = ("ua-1",)

log = logging.getLogger(__name__)


def render_pdf(doc: ReportDocument) -> bytes:
    """The report as PDF bytes. The same document always gives the same bytes (the
    PDF carries no creation date)."""
    import typst

    pdf, warnings = typst.compile_with_warnings(
        TEMPLATE,
        root=TEMPLATES,
        sys_inputs={"report": report_json(doc)},
        pdf_standards=list(PDF_STANDARDS),
    )
    # e.g. "unknown font family: dejavu serif" (Libertinus Serif is used instead),
    # reported once per use of the font: logged once each.
    for message in dict.fromkeys(warning.message for warning in warnings):
        log.warning("PDF layout: %s", message)
    return cast(bytes, pdf)  # bytes, as no output path was given
