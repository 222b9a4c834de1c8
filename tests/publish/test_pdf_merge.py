"""Joining the parts' PDFs: the bookmark tree report → months → items, rebuilt."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from binational.domain import PartialDate
from binational.publish.html import render_part_html_text
from binational.publish.pdf_merge import (
    ITEM_LEVEL,
    MONTH_LEVEL,
    REPORT_LEVEL,
    Bookmark,
    MergeError,
    add_outline,
    merge_parts,
    outline_levels,
)
from binational.publish.pdf_parallel import print_part
from binational.publish.pdf_split import split_document

MONTHS = (4, 4, 4, 5, 5, 6)


@pytest.fixture(scope="module")
def six(make_entry, make_document):
    return make_document(
        [
            make_entry(number, date=PartialDate.day(2023, month, number))
            for number, month in enumerate(MONTHS, start=1)
        ]
    )


def tree(outline) -> list:
    """A pypdf outline as nested (title, children) pairs."""
    result: list = []
    for item in outline:
        if isinstance(item, list):
            title, _ = result[-1]
            result[-1] = (title, tree(item))
        else:
            result.append((item.title, []))
    return result


def test_levels_follow_what_each_part_prints(six):
    first, middle, last = split_document(six, 3)
    # The header and intro weigh more than an item: April 1 | April 2-3 | May 4-5, June 6.
    assert [[entry.number for entry in part.entries] for part in (first, middle, last)] == [
        [1],
        [2, 3],
        [4, 5, 6],
    ]

    assert outline_levels(first) == [REPORT_LEVEL, MONTH_LEVEL, ITEM_LEVEL]
    assert outline_levels(middle) == [ITEM_LEVEL, ITEM_LEVEL]
    assert outline_levels(last) == [MONTH_LEVEL, ITEM_LEVEL, ITEM_LEVEL, MONTH_LEVEL, ITEM_LEVEL]


def test_outline_nests_each_bookmark_under_the_last_lower_level():
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)
    marks = [
        Bookmark(REPORT_LEVEL, "Report", 0, 10, 700),
        Bookmark(MONTH_LEVEL, "April", 0, 10, 600),
        Bookmark(ITEM_LEVEL, "1) One", 0, 10, 500),
        Bookmark(ITEM_LEVEL, "2) Two", 1, 10, 700),  # a part starting mid-month
        Bookmark(MONTH_LEVEL, "May", 2, 10, 700),
        Bookmark(ITEM_LEVEL, "3) Three", 2, 10, 650),
    ]

    add_outline(writer, marks)
    out = io.BytesIO()
    writer.write(out)
    reader = PdfReader(io.BytesIO(out.getvalue()))

    assert tree(reader.outline) == [
        ("Report", [("April", [("1) One", []), ("2) Two", [])]), ("May", [("3) Three", [])])])
    ]
    two = reader.outline[1][1][1]
    assert (reader.get_destination_page_number(two), two.left, two.top) == (1, 10, 700)


def test_joined_parts_keep_pages_bookmarks_metadata_and_language(six):
    parts = split_document(six, 3)
    pdfs = [print_part(render_part_html_text(part)) for part in parts]
    pages = [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in pdfs]

    writer = merge_parts(pdfs, parts)
    out = io.BytesIO()
    writer.write(out)
    reader = PdfReader(io.BytesIO(out.getvalue()))

    assert len(reader.pages) == sum(pages)
    assert tree(reader.outline) == [
        (
            "Report | April-June 2023",
            [
                ("April", [("1) Event number 1", []), ("2) Event number 2", []),
                           ("3) Event number 3", [])]),
                ("May", [("4) Event number 4", []), ("5) Event number 5", [])]),
                ("June", [("6) Event number 6", [])]),
            ],
        )
    ]  # fmt: skip
    items = [item for month in reader.outline[1][1::2] for item in month]
    starts = [reader.get_destination_page_number(item) for item in items]
    assert starts == sorted(starts) and starts[-1] >= sum(pages[:2])  # on the joined pages
    assert reader.metadata.title == "Report | April-June 2023 · Center for Binational Institutions"
    assert reader.metadata.author == six.organization
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert {f"item-{number}" for number in range(1, 7)} <= set(reader.named_destinations)


def test_parts_that_do_not_match_their_pdfs_are_refused(six):
    parts = split_document(six, 2)
    pdfs = [print_part(render_part_html_text(part)) for part in parts]

    with pytest.raises(MergeError):
        merge_parts(pdfs[::-1], parts)
    with pytest.raises(MergeError):
        merge_parts(pdfs[:1], parts)
