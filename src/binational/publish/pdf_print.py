"""One HTML page printed to PDF by WeasyPrint: the only place that calls it.

WeasyPrint is imported on first use (it takes about a second to load), not when this
module is imported.
"""

from __future__ import annotations

import threading

# Hides the "Page N of M" footer of ``report.css``. Passed to WeasyPrint as a user
# stylesheet, which loses to the page's own (author) rules unless ``!important``.
NO_PAGE_FOOTER_CSS = "@page { @bottom-center { content: none !important } }"


# WeasyPrint's native libraries (fontconfig, Pango, HarfBuzz) take locks of their own.
# A PDF worker forked while another thread of this process (a web request) is inside
# them could inherit a lock that no thread will release in the worker, and hang. So
# in-process printing and the forking of workers take this lock; a worker never takes
# it (it is forked while its parent holds it).
fork_lock = threading.Lock()


def load_weasyprint() -> None:
    """Import WeasyPrint now (before forking workers, so that they inherit it)."""
    import weasyprint  # noqa: F401


def print_html(html: str, *, page_footer: bool = True) -> bytes:
    """``html`` as PDF bytes. ``page_footer=False`` leaves the bottom margin empty:
    the parallel renderer stamps page numbers after joining the parts."""
    from weasyprint import CSS, HTML

    stylesheets = [] if page_footer else [CSS(string=NO_PAGE_FOOTER_CSS)]
    # No base URL: the page is self-contained, so nothing may be fetched while printing.
    return HTML(string=html).write_pdf(stylesheets=stylesheets)


def print_html_here(html: str) -> bytes:
    """``html`` as PDF bytes, with the page footer, printed in this process (holding
    ``fork_lock``, so no worker is forked meanwhile)."""
    with fork_lock:
        return print_html(html)
