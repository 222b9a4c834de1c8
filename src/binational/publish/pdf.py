"""PDF rendering: the HTML page printed by WeasyPrint, in parts at once when long.

The page layout (Letter, margins, "Page N of M" footer, keeping an item's title and
date with its text) lives in the print rules of ``templates/report.css``, so a
browser's "Print" and this PDF agree. WeasyPrint turns ``<a href>`` into clickable
link annotations and the headings (report, months, items) into PDF bookmarks, which
serve as the PDF's table of contents (the HTML's contents list is not printed).

Why long reports are split, printed in parallel and stamped: issue 2 asks for a
quarter of 200 events in under 8 s on a 2-CPU machine. Printed in one pass it takes
11.7 to 15.3 s (149 Letter pages; about 12.5 s of CPU, of which about 9.5 s is layout
and 3 s PDF writing), and that cost is WeasyPrint's line-by-line Pango layout, not our
stylesheet (fonts, orphans/widows, kerning, font options were measured: no material
gain). So a report of more than ``PARALLEL_THRESHOLD`` items, on a machine with more
than one usable CPU, is cut into ``min(CPUs, MAX_PARTS)`` parts of about equal text
length (``pdf_split``), each printed by a forked worker (``pdf_parallel``), and the
PDFs are joined with pypdf (``pdf_merge``: pages, links, named destinations, the
bookmark tree rebuilt). A part cannot know its page numbers, so parts are printed
without the CSS footer and "Page N of M" is stamped on the joined pages
(``pdf_stamp``): 2 parts of about 5 s of CPU each, 0.2 to 0.6 s to join and stamp;
a median of 5.6 to 5.9 s with both CPUs free, 8.4 to 8.6 s when another job takes
one of them (docs/benchmarks.md, "Report rendering").

Differences from one pass: each part after the first starts on a new page, so the PDF
may have up to (parts - 1) more pages; the page numbers are set in Helvetica (a
standard PDF font) instead of DejaVu Sans. Shorter reports, a single CPU, or workers
that cannot be started give the one-pass PDF.
"""

from __future__ import annotations

import logging
import os

from binational.publish.document import ReportDocument
from binational.publish.html import render_html_text
from binational.publish.pdf_print import print_html_here

PARALLEL_THRESHOLD = 40  # items; a 14-item report prints in about a second in one pass
MAX_PARTS = 4

log = logging.getLogger(__name__)


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def render_pdf_single(doc: ReportDocument) -> bytes:
    """The report printed in one pass, with the CSS page footer."""
    return print_html_here(render_html_text(doc))


def render_pdf(
    doc: ReportDocument, *, threshold: int = PARALLEL_THRESHOLD, parts: int | None = None
) -> bytes:
    """The report as PDF bytes: in one pass, or, beyond ``threshold`` items, in
    ``parts`` parts printed at once (default: one per usable CPU, at most
    ``MAX_PARTS``). WeasyPrint (about a second) and pypdf are imported on first use,
    so that importing the format registry stays cheap."""
    count = min(usable_cpus(), MAX_PARTS) if parts is None else parts
    if len(doc.entries) <= threshold or count < 2:
        return render_pdf_single(doc)
    from binational.publish.pdf_merge import MergeError
    from binational.publish.pdf_parallel import PoolUnavailable, render_pdf_in_parts

    try:
        return render_pdf_in_parts(doc, count)
    except (PoolUnavailable, MergeError) as error:
        log.warning("printing the PDF in one pass: %s", error)
        return render_pdf_single(doc)
