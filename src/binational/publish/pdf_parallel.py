"""Print a report's parts at the same time in worker processes, then join them.

Workers are forked (where the platform can), so they inherit the already imported
WeasyPrint instead of each paying about a second to import it. A new pool is made for
each report and closed with it: reports are rendered rarely, idle workers would hold
memory, and the workers' CPU time is then counted in the caller's children (the
benchmark reports it).
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from binational.publish.document import ReportDocument
from binational.publish.html import render_part_html_text
from binational.publish.pdf_merge import merge_parts
from binational.publish.pdf_print import fork_lock, load_weasyprint, print_html
from binational.publish.pdf_split import split_document
from binational.publish.pdf_stamp import stamp_page_numbers


class PoolUnavailable(RuntimeError):
    """Worker processes could not be started or died: print in one pass instead."""


def _context() -> multiprocessing.context.BaseContext:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def print_part(html: str) -> bytes:
    """A worker's job: one part's page as PDF, without the page footer."""
    return print_html(html, page_footer=False)


def print_in_workers(pages: Sequence[str]) -> list[bytes]:
    """Each HTML page of ``pages`` printed by its own worker process, in order.

    Raises ``PoolUnavailable`` when workers cannot be had (a daemon process may not
    start children; fork can fail for lack of memory; a worker can be killed);
    WeasyPrint's own errors are raised as they are."""
    if multiprocessing.current_process().daemon:
        raise PoolUnavailable("a daemon process cannot start worker processes")
    load_weasyprint()
    try:
        with ProcessPoolExecutor(max_workers=len(pages), mp_context=_context()) as pool:
            with fork_lock:  # a fork pool starts all its workers at the first submit
                futures = [pool.submit(print_part, page) for page in pages]
            return [future.result() for future in futures]
    except (BrokenProcessPool, OSError) as error:
        raise PoolUnavailable(str(error)) from error


def render_pdf_in_parts(doc: ReportDocument, parts: int) -> bytes:
    """``doc`` printed as ``parts`` parts side by side, joined, numbered "Page N of M".

    Raises ``PoolUnavailable`` (see ``print_in_workers``) and ``MergeError`` (the
    parts' bookmarks do not match the report)."""
    report_parts = split_document(doc, parts)
    pdfs = print_in_workers([render_part_html_text(part) for part in report_parts])
    writer = merge_parts(pdfs, report_parts)
    stamp_page_numbers(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
