"""The PDF renderer, read back with pypdf: pages, page numbers, links, accents."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from binational.domain import PartialDate
from binational.publish.pdf import render_pdf

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
    return render_pdf(long_document)


@pytest.fixture(scope="module")
def reader(pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


@pytest.fixture(scope="module")
def page_lines(reader) -> list[list[str]]:
    """Each page's non-empty text lines (pypdf extraction is slow: done once)."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


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
