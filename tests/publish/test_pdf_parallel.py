"""A report printed in parts by worker processes and joined, read back with pypdf.

The threshold is lowered so that a 12-item report takes the parallel path, in 3 parts
(real WeasyPrint, real forked workers). Each part starts on a new page, so the joined
PDF may have up to 2 more pages than the one-pass PDF of the same report.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from pypdf import PdfReader
from tests.publish.conftest import pdf_page_lines

from binational.domain import PartialDate
from binational.publish.html import render_part_html_text
from binational.publish.pdf import render_pdf, render_pdf_single
from binational.publish.pdf_parallel import print_part, render_pdf_in_parts
from binational.publish.pdf_print import fork_lock
from binational.publish.pdf_split import split_document

PARTS = 3
MONTHS = (4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6)
SPANISH = (
    "La Secretaría de Relaciones Exteriores informó que México y Estados Unidos acordaron "
    "ampliar la cooperación en Ciudad Juárez; el niño, la pingüina y el cañón: ¿quién ganó?"
)
SENTENCE = "The binational commission met again to review the joint work of both governments. "


def entry_url(number: int) -> str | None:
    return f"https://www.gob.mx/sre/prensa/comunicado-{number}" if number % 3 else None


@pytest.fixture(scope="module")
def report(make_entry, make_document):
    """Twelve items over three months, about a page each, with Spanish text."""
    return make_document(
        [
            make_entry(
                number,
                title=f"Reunión bilateral número {number} en Querétaro",
                date=PartialDate.day(2023, month, number + 1),
                url=entry_url(number),
                summary=(SPANISH, SENTENCE * (6 + 3 * (number % 4))),
                implications=(SENTENCE * 5,),
            )
            for number, month in enumerate(MONTHS, start=1)
        ]
    )


@pytest.fixture(scope="module")
def parallel_bytes(report) -> bytes:
    return render_pdf(report, threshold=len(report.entries) - 1, parts=PARTS)


@pytest.fixture(scope="module")
def single_bytes(report) -> bytes:
    return render_pdf_single(report)


@pytest.fixture(scope="module")
def reader(parallel_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(parallel_bytes))


@pytest.fixture(scope="module")
def single(single_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(single_bytes))


@pytest.fixture(scope="module")
def page_lines(reader) -> list[list[str]]:
    return pdf_page_lines(reader)


@pytest.fixture(scope="module")
def text(page_lines) -> str:
    return " ".join(" ".join(line for lines in page_lines for line in lines).split())


def outline_tree(outline) -> list:
    result: list = []
    for item in outline:
        if isinstance(item, list):
            result[-1] = (result[-1][0], outline_tree(item))
        else:
            result.append((item.title, []))
    return result


def test_the_report_is_cut_mid_month(report):
    """So that the test covers a part that must not repeat its month heading."""
    parts = split_document(report, PARTS)

    assert len(parts) == PARTS
    assert any(part.continues_month for part in parts)


def test_is_not_the_one_pass_pdf(parallel_bytes, single_bytes, reader):
    assert parallel_bytes.startswith(b"%PDF-")
    assert parallel_bytes != single_bytes
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "/Helvetica" in fonts  # the stamped page numbers


def test_page_count_is_the_one_pass_count_plus_at_most_one_per_extra_part(reader, single):
    assert len(single.pages) <= len(reader.pages) <= len(single.pages) + PARTS - 1


def test_every_page_is_numbered_page_n_of_m_once(reader, page_lines):
    total = len(reader.pages)

    for number, lines in enumerate(page_lines, start=1):
        found = re.findall(r"Page \d+ of \d+", " ".join(lines))
        assert found == [f"Page {number} of {total}"], number


def test_header_organization_and_intro_are_printed_once_at_the_start(report, text, page_lines):
    assert text.count(report.header) == 1
    assert text.count("CENTER FOR BINATIONAL INSTITUTIONS") == 1
    assert text.count(" ".join(report.intro.split())) == 1
    assert text.startswith("CENTER FOR BINATIONAL INSTITUTIONS Report | April-June 2023")


def test_every_month_heading_is_printed_once(page_lines):
    lines = Counter(line for page in page_lines for line in page)

    assert [lines[month] for month in ("April", "May", "June")] == [1, 1, 1]


def test_every_item_is_printed_once_in_order(report, text):
    positions = []
    for entry in report.entries:
        heading = f"{entry.number}) {entry.title}"
        assert text.count(heading) == 1, heading
        positions.append(text.index(heading))

    assert positions == sorted(positions)
    assert text.index("June") < text.index("10) ") and text.index("May") < text.index("6) ")


def test_source_urls_are_clickable_uri_annotations(report, reader):
    found = [
        str(action["/URI"])
        for page in reader.pages
        for annotation in page.get("/Annots") or ()
        if (action := annotation.get_object().get("/A")) and action.get("/S") == "/URI"
    ]

    assert found == [url for entry in report.entries if (url := entry_url(entry.number))]


def test_bookmarks_match_the_one_pass_pdf(report, reader, single):
    """Report → months → items, each item pointing at the page that prints it."""
    tree = outline_tree(reader.outline)

    assert tree == outline_tree(single.outline)
    [(title, months)] = tree
    assert title == report.header
    assert [month for month, _ in months] == ["April", "May", "June"]
    assert [item for _, items in months for item, _ in items] == [
        f"{entry.number}) {entry.title}" for entry in report.entries
    ]
    for group in reader.outline[1][1::2]:
        for item in group:
            page = reader.pages[reader.get_destination_page_number(item)]
            assert " ".join(item.title.split()) in " ".join(page.extract_text().split())


def test_named_destinations_reach_every_item(report, reader):
    names = set(reader.named_destinations)

    assert {f"item-{entry.number}" for entry in report.entries} <= names
    assert {"month-2023-04", "month-2023-05", "month-2023-06"} <= names


def test_spanish_accents_extract_as_written(text):
    assert SPANISH in text
    assert "Reunión bilateral número 7 en Querétaro" in text
    for letter in "áéíóúñü¿":
        assert letter in text


def test_metadata_follows_the_report(report, reader, single):
    assert reader.metadata.title == "Report | April-June 2023 · Center for Binational Institutions"
    assert reader.metadata.author == report.organization
    assert reader.metadata == single.metadata


def test_no_page_ends_with_an_item_header(report, page_lines):
    headers = {entry.title for entry in report.entries}
    headers |= {entry.date_line for entry in report.entries}
    for number, lines in enumerate(page_lines, start=1):
        body = [line for line in lines if not line.startswith("Page ")]
        last = re.sub(r"^\d+\) ", "", body[-1])
        assert not any(last.startswith(header) for header in headers), (number, body[-1])


def test_same_report_gives_the_same_bytes(report, parallel_bytes):
    assert render_pdf_in_parts(report, PARTS) == parallel_bytes


def test_a_part_is_printed_without_the_css_footer(report):
    part = split_document(report, PARTS)[1]

    part_pdf = PdfReader(io.BytesIO(print_part(render_part_html_text(part))))

    assert not any("Page " in page.extract_text() for page in part_pdf.pages)


def test_threads_can_print_in_process_and_in_parts_at_the_same_time(
    report, varied_document, parallel_bytes
):
    """As two web requests would: workers are not forked while another thread is
    inside WeasyPrint (``fork_lock``), and both PDFs come out whole."""
    expected = render_pdf_single(varied_document)

    with ThreadPoolExecutor(max_workers=3) as threads:
        singles = [threads.submit(render_pdf_single, varied_document) for _ in range(2)]
        parallel = threads.submit(render_pdf, report, threshold=1, parts=PARTS)

        assert parallel.result(timeout=300) == parallel_bytes
        assert [single.result(timeout=300) for single in singles] == [expected, expected]
    assert not fork_lock.locked()
