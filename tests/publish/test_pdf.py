"""The PDF renderer, read back with pypdf: pages, page numbers, links, accents.

These tests read the one-pass PDF (CSS footer); ``test_pdf_parallel.py`` reads a report
printed in parts and joined.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re

import pytest
from pypdf import PdfReader
from tests.publish.conftest import modules_loaded_by_import, pdf_page_lines

from binational.domain import PartialDate
from binational.publish.pdf import PARALLEL_THRESHOLD, render_pdf, render_pdf_single, usable_cpus

LONG_PARAGRAPH = " ".join(
    f"Sentence {n} of a long paragraph about the binational commission's work." for n in range(40)
)


@pytest.fixture(scope="module")
def long_document(varied_document, make_entry, make_document):
    """The varied entries followed by items of growing length, so that page breaks fall
    at many different places in an item (without the print rules that keep an item's
    header with its text, some pages of this document end on a lone date line)."""
    fillers = [
        make_entry(
            number,
            date=PartialDate.day(2023, 6, 20),
            summary=(LONG_PARAGRAPH[: 200 + 37 * number],),
            implications=(LONG_PARAGRAPH[:300],),
        )
        for number in range(5, 40)
    ]
    return make_document([*varied_document.entries, *fillers])


@pytest.fixture(scope="module")
def pdf_bytes(long_document) -> bytes:
    assert len(long_document.entries) <= PARALLEL_THRESHOLD  # render_pdf prints it in one pass
    return render_pdf_single(long_document)


@pytest.fixture(scope="module")
def reader(pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="module")
def page_lines(reader) -> list[list[str]]:
    return pdf_page_lines(reader)


@pytest.fixture(scope="module")
def page_texts(page_lines) -> list[str]:
    return [" ".join(" ".join(lines).split()) for lines in page_lines]


def uri_annotations(reader: PdfReader) -> list[tuple[int, str]]:
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A")
            if action and action.get("/S") == "/URI":
                found.append((number, str(action["/URI"])))
    return found


def test_is_a_multi_page_pdf(pdf_bytes, reader):
    assert pdf_bytes.startswith(b"%PDF-")
    assert len(reader.pages) >= 4


def test_every_page_is_numbered_page_n_of_m(reader, page_texts):
    total = len(reader.pages)

    for number, text in enumerate(page_texts, start=1):
        assert re.findall(r"Page \d+ of \d+", text) == [f"Page {number} of {total}"]


def test_source_urls_are_clickable_uri_annotations(reader):
    targets = [uri for _, uri in uri_annotations(reader)]

    assert targets == [
        "https://www.state.gov/joint-statement/?id=7&lang=en",
        "https://example.org/a_(b)%20c",
    ]


def test_spanish_accents_extract_as_written(varied_document, page_texts):
    text = " ".join(page_texts)
    first = varied_document.entries[0]

    assert "Reunión del Diálogo Económico de Alto Nivel en Querétaro: año de señales" in text
    assert " ".join(first.summary[0].split()) in text
    for letter in "áéíóúñü¿":
        assert letter in text


def test_text_uses_the_dejavu_font_stack(reader):
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))

    assert fonts and all("DejaVu" in name for name in fonts), fonts


def test_special_characters_print_literally(page_texts):
    assert "Fees & <script>alert('x')</script> for *USMCA*" in " ".join(page_texts)


def test_metadata_follows_the_report(reader, long_document):
    assert reader.metadata.title == "Report | April-June 2023 · Center for Binational Institutions"
    assert reader.metadata.author == long_document.organization


def test_bookmarks_list_the_months_and_items_under_the_report(reader, long_document):
    """PDF bookmarks are the PDF's table of contents (the HTML list is not printed)."""
    assert len(reader.outline) == 2
    report, months = reader.outline
    assert report.title == "Report | April-June 2023"
    assert [item.title for item in months if not isinstance(item, list)] == [
        "April",
        "May",
        "June",
    ]
    items = [item.title for group in months if isinstance(group, list) for item in group]
    assert items == [f"{entry.number}) {entry.title}" for entry in long_document.entries]


def test_the_contents_list_is_not_printed(page_texts):
    assert not any("Contents" in text for text in page_texts)
    assert page_texts[0].startswith("CENTER FOR BINATIONAL INSTITUTIONS Report | April-June 2023")


def test_no_page_ends_with_an_item_header(page_lines, long_document):
    """An item's title and date line are never left at the foot of a page."""
    headers = {entry.title for entry in long_document.entries}
    headers |= {entry.date_line for entry in long_document.entries}
    for number, lines in enumerate(page_lines, start=1):
        body = [line for line in lines if not line.startswith("Page ")]
        last = re.sub(r"^\d+\) ", "", body[-1])
        assert not any(last.startswith(header) for header in headers), (number, body[-1])


def test_same_document_gives_the_same_bytes(varied_document):
    assert render_pdf(varied_document) == render_pdf(varied_document)


def test_short_reports_and_a_single_part_are_printed_in_one_pass(varied_document):
    single = render_pdf_single(varied_document)

    assert render_pdf(varied_document) == single
    assert render_pdf(varied_document, threshold=1, parts=1) == single


def _render_in_a_daemon(document, connection) -> None:
    """Run in a daemon process, which may not start worker processes."""
    pdf = render_pdf(document, threshold=1, parts=2)
    connection.send(pdf == render_pdf_single(document))


def test_without_worker_processes_the_report_is_printed_in_one_pass(varied_document):
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_render_in_a_daemon, args=(varied_document, send), daemon=True)
    process.start()
    try:
        assert receive.poll(120), "the daemon process did not answer"
        assert receive.recv() is True
    finally:
        process.join(10)
    assert process.exitcode == 0


def test_usable_cpus_is_this_process_affinity():
    assert usable_cpus() == len(os.sched_getaffinity(0)) >= 1


def test_importing_the_pdf_renderer_loads_neither_weasyprint_nor_pypdf():
    heavy = ("weasyprint", "pypdf", "multiprocessing")
    assert modules_loaded_by_import("binational.publish.pdf", heavy) == []
