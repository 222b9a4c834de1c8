"""Join the PDFs of a report's parts into one, with the single-pass PDF's bookmarks.

``PdfWriter.append`` copies each part's pages with their link annotations and named
destinations (``report.pdf#item-7`` still works). The parts' bookmarks are not copied
as they are: a part that starts in the middle of a month has no month heading, so its
first items would become top-level bookmarks. Instead the bookmarks of every part are
read in order, each is given its level from the report itself (report, month, item),
and the tree report → months → items is built again over the joined pages.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination, Fit, NameObject

from binational.publish.html import ReportPart

REPORT_LEVEL, MONTH_LEVEL, ITEM_LEVEL = 1, 2, 3  # h1, h2, h3


class MergeError(ValueError):
    """The parts' PDFs do not match the parts (e.g. bookmarks missing)."""


@dataclass(frozen=True)
class Bookmark:
    level: int
    title: str
    page: int  # index in the joined document
    left: float | None
    top: float | None


def outline_levels(part: ReportPart) -> list[int]:
    """The level of each bookmark WeasyPrint makes for ``part``, in order: the header
    (first part only), then each printed month heading and its items."""
    levels = [REPORT_LEVEL] if part.front_matter else []
    for index, section in enumerate(part.sections):
        if part.shows_heading(index):
            levels.append(MONTH_LEVEL)
        levels.extend(ITEM_LEVEL for _ in section.entries)
    return levels


def _flatten(outline: Sequence[Any]) -> Iterator[Destination]:
    """The bookmarks of a pypdf outline (nested lists), in document order."""
    for item in outline:
        if isinstance(item, list):
            yield from _flatten(item)
        else:
            yield item


def part_bookmarks(reader: PdfReader, part: ReportPart, first_page: int) -> list[Bookmark]:
    """``part``'s bookmarks, on pages numbered from ``first_page`` in the joined PDF."""
    found = list(_flatten(reader.outline))
    levels = outline_levels(part)
    if len(found) != len(levels):
        raise MergeError(f"part has {len(found)} bookmarks, expected {len(levels)}")
    return [
        Bookmark(
            level=level,
            title=str(item.title),
            page=first_page + reader.get_destination_page_number(item),
            left=item.left,
            top=item.top,
        )
        for level, item in zip(levels, found, strict=True)
    ]


def add_outline(writer: PdfWriter, bookmarks: Sequence[Bookmark]) -> None:
    """Add ``bookmarks`` to ``writer`` as a tree: each under the last one of a lower
    level before it (all open, like WeasyPrint's)."""
    parents: list[tuple[int, Any]] = []
    for mark in bookmarks:
        while parents and parents[-1][0] >= mark.level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        fit = Fit.xyz(left=mark.left, top=mark.top, zoom=0)
        item = writer.add_outline_item(
            title=mark.title, page_number=mark.page, parent=parent, fit=fit
        )
        parents.append((mark.level, item))


def merge_parts(pdfs: Sequence[bytes], parts: Sequence[ReportPart]) -> PdfWriter:
    """One writer with the pages of ``pdfs`` (printed from ``parts``, in order), the
    report's bookmarks, and the first part's metadata and language."""
    if len(pdfs) != len(parts) or not pdfs:
        raise MergeError(f"{len(pdfs)} PDFs for {len(parts)} parts")
    writer = PdfWriter()
    bookmarks: list[Bookmark] = []
    readers = [PdfReader(io.BytesIO(pdf)) for pdf in pdfs]
    for reader, part in zip(readers, parts, strict=True):
        bookmarks.extend(part_bookmarks(reader, part, first_page=len(writer.pages)))
        writer.append(reader, import_outline=False)
    add_outline(writer, bookmarks)

    first = readers[0]
    if first.metadata:
        # Title, author (the organization), subject and producer, as WeasyPrint wrote them.
        writer.add_metadata(dict(first.metadata))
    language = first.trailer["/Root"].get("/Lang")
    if language is not None:
        writer.root_object[NameObject("/Lang")] = language
    return writer
