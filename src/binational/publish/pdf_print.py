"""One HTML page printed to PDF by WeasyPrint: the only place that calls it.

WeasyPrint is imported on first use (it takes about a second to load), not when this
module is imported.
"""

from __future__ import annotations

# Hides the "Page N of M" footer of ``report.css``. Passed to WeasyPrint as a user
# stylesheet, which loses to the page's own (author) rules unless ``!important``.
NO_PAGE_FOOTER_CSS = "@page { @bottom-center { content: none !important } }"


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
