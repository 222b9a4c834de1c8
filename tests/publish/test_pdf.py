"""The PDF renderer (Typst), read back with pypdf: pages, page numbers, links, bookmarks,
accents, metadata, tags, and that no text in any field is taken as Typst code."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.publish.conftest import modules_loaded_by_import, pdf_page_lines

from binational.domain import PartialDate
from binational.publish.links import link_target
from binational.publish.pdf import render_pdf
from binational.publish.pdf_data import CONTEXT_LABEL
from binational.publish.wording import IMPLICATIONS_LABEL

LONG_PARAGRAPH = " ".join(
    f"Sentence {n} of a long paragraph about the binational commission's work." for n in range(40)
)
FOOTER = re.compile(r"Page \d+ of \d+")
CONTEXT = (
    "In June 2021, Mexico and the United States agreed, through a Memorandum of "
    "Understanding, on opening a new gate in the Otay Mesa East Port of Entry."
)


@pytest.fixture(scope="module")
def long_document(varied_document, make_entry, make_document):
    """The varied entries followed by items of growing length, so that page breaks fall
    at many different places in an item; every fifth has a context paragraph, one has a
    ``javascript:`` URL (never linked)."""
    fillers = [
        make_entry(
            number,
            date=PartialDate.day(2023, 6, 20),
            url="javascript:alert(1)" if number == 6 else None,
            summary=(LONG_PARAGRAPH[: 200 + 37 * number],),
            context=(CONTEXT,) if number % 5 == 0 else (),
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
    return pdf_page_lines(reader)


@pytest.fixture(scope="module")
def page_texts(page_lines) -> list[str]:
    return [" ".join(" ".join(lines).split()) for lines in page_lines]


@pytest.fixture(scope="module")
def body_text(page_lines) -> str:
    """The text of all pages as one, without the page footers."""
    lines = [line for page in page_lines for line in page if not FOOTER.fullmatch(line)]
    return " ".join(" ".join(lines).split())


def uri_annotations(reader: PdfReader) -> list[tuple[int, str]]:
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A")
            if action and action.get("/S") == "/URI":
                found.append((number, str(action["/URI"])))
    return found


def outline_titles(outline) -> list:
    """pypdf's outline as nested lists of titles: [report, [month, [items], ...]]."""
    return [outline_titles(item) if isinstance(item, list) else item.title for item in outline]


def test_is_a_multi_page_letter_pdf(pdf_bytes, reader):
    assert pdf_bytes.startswith(b"%PDF-")
    assert len(reader.pages) >= 4
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            612,
            792,
        )


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


def test_links_show_their_text_after_the_date(page_texts):
    text = " ".join(page_texts)

    assert "April 18, 2023 Link" in text
    assert "May 2023 Fuente" in text
    assert "javascript" not in text


def test_spanish_accents_extract_as_written(varied_document, page_texts):
    text = " ".join(page_texts)
    first = varied_document.entries[0]

    assert "Reunión del Diálogo Económico de Alto Nivel en Querétaro: año de señales" in text
    assert " ".join(first.summary[0].split()) in text
    assert "Cooperación institucional & diálogo." in text
    for letter in "áéíóúñü¿":
        assert letter in text


def test_text_is_set_in_dejavu_serif_and_sans(reader):
    """The center's fonts; .ci/run installs them (fonts-dejavu-core)."""
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(re.sub(r"^/([A-Z]{6}\+)?", "", str(font.get_object()["/BaseFont"])))

    assert {"DejaVuSerif", "DejaVuSans-Bold", "DejaVuSans"} <= fonts, fonts
    assert all(name.startswith("DejaVu") for name in fonts), fonts


def test_special_characters_print_literally(page_texts):
    assert "Fees & <script>alert('x')</script> for *USMCA* under_score [a](b) #1" in " ".join(
        page_texts
    )


def test_metadata_follows_the_report(reader, long_document):
    assert reader.metadata.title == "Report | April-June 2023 · Center for Binational Institutions"
    assert reader.metadata.author == long_document.organization
    assert "/CreationDate" not in reader.metadata


def test_bookmarks_list_the_months_and_items_under_the_report(reader, long_document):
    items = {
        section.name: [f"{entry.number}) {entry.title}" for entry in section.entries]
        for section in long_document.sections
    }

    assert outline_titles(reader.outline) == [
        "Report | April-June 2023",
        ["April", items["April"], "May", items["May"], "June", items["June"]],
    ]


def test_the_first_page_starts_with_the_organization_header_and_intro(page_texts):
    assert page_texts[0].startswith(
        "CENTER FOR BINATIONAL INSTITUTIONS Report | April-June 2023 The Center for Binational "
        "Institutions is devoted"
    )


def test_context_is_labelled_and_follows_the_summary(body_text, long_document):
    text = body_text
    with_context = [entry for entry in long_document.entries if entry.context]

    assert text.count(CONTEXT_LABEL) == len(with_context) == 7
    for entry in with_context:
        summary = " ".join(entry.summary[0].split())
        assert f"{summary} {CONTEXT_LABEL} {CONTEXT} {IMPLICATIONS_LABEL}" in text


def test_truncated_items_say_so(body_text):
    assert (
        "The participation of mayors highlights the importance of This item is incomplete: its "
        "source text ends here." in body_text
    )


def test_no_page_ends_with_an_item_header(page_lines, long_document):
    """An item's title and date line are never left at the foot of a page."""
    headers = {entry.title for entry in long_document.entries}
    headers |= {entry.date_line for entry in long_document.entries}
    for number, lines in enumerate(page_lines, start=1):
        body = [line for line in lines if not line.startswith("Page ")]
        last = re.sub(r"^\d+\) ", "", body[-1])
        assert not any(last.startswith(header) for header in headers), (number, body[-1])


def test_the_pdf_is_tagged_pdf_ua(reader):
    root = reader.trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")

    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata


def test_same_document_gives_the_same_bytes(varied_document):
    assert render_pdf(varied_document) == render_pdf(varied_document)


def test_a_report_without_events_is_one_numbered_page(make_document):
    reader = PdfReader(io.BytesIO(render_pdf(make_document([]))))

    assert len(reader.pages) == 1
    assert "Page 1 of 1" in reader.pages[0].extract_text()


def test_importing_the_pdf_renderer_loads_neither_typst_nor_pypdf():
    heavy = ("typst", "pypdf")
    assert modules_loaded_by_import("binational.publish.pdf", heavy) == []


def test_renders_in_several_threads_at_once_agree(varied_document, sample_document):
    """The web app renders reports in a thread pool: concurrent renders do not mix."""
    documents = [varied_document, sample_document] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(render_pdf, documents))

    assert results == [render_pdf(document) for document in documents]
    assert results[0] != results[1]


# --- No field is Typst code -------------------------------------------------------------

PAYLOAD = (
    '#read("/etc/passwd") #sys.inputs # * _ $x^2$ @label <label> \\ \\\\ [a] {b} '
    "`raw` // line comment /* block comment */ = heading - list + enum ~ -- ... 'q' \"q\""
)
PASSWD = Path("/etc/passwd")


def no_space(text: str) -> str:
    """``text`` without whitespace: the PDF's text has line breaks where the layout
    broke lines, and may break a long run of symbols at other places than spaces."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def injected(make_entry, make_document):
    """Every string field of the document holding ``PAYLOAD``; one entry links to a URL
    that holds it too, shown as its own text."""
    entry = make_entry(
        1,
        title=f"Title {PAYLOAD}",
        url=f"https://example.org/{PAYLOAD}",
        link_text=f"Link {PAYLOAD}",
        summary=(f"Summary {PAYLOAD}",),
        context=(f"Context {PAYLOAD}",),
        implications=(f"Implications {PAYLOAD}",),
    )
    shown_url = replace(entry, number=2, link_text=None)
    doc = make_document(
        [entry, shown_url],
        organization=f"Org {PAYLOAD}",
        intro=f"Intro {PAYLOAD}",
        title_prefix=f"Report {PAYLOAD}",
        language=PAYLOAD,
    )
    reader = PdfReader(io.BytesIO(render_pdf(doc)))
    return doc, reader, " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    "prefix",
    ["Title", "Link", "Summary", "Context", "Implications", "Intro", "Report"],
)
def test_every_field_prints_literally(injected, prefix):
    _, _, text = injected

    assert no_space(text).count(no_space(f"{prefix} {PAYLOAD}")) >= 1


def test_the_organization_prints_literally_in_capitals(injected):
    _, _, text = injected

    assert no_space(f"ORG {PAYLOAD.upper()}") in no_space(text)


def test_the_url_is_linked_and_shown_literally(injected):
    doc, reader, text = injected
    target = link_target(doc.entries[0])

    assert [uri for _, uri in uri_annotations(reader)] == [target, target]
    assert no_space(target) in no_space(text)


def test_bookmarks_and_metadata_hold_the_text_literally(injected):
    doc, reader, _ = injected

    assert outline_titles(reader.outline)[0] == f"Report {PAYLOAD} | April-June 2023"
    assert reader.metadata.title == f"{doc.header} · {doc.organization}"


@pytest.mark.skipif(not PASSWD.exists(), reason="needs /etc/passwd")
def test_no_file_is_read_into_the_pdf(injected):
    _, _, text = injected
    lines = [line for line in PASSWD.read_text().splitlines() if line.strip()]

    assert lines and not any(line in text for line in lines)
    assert "root:" not in text



def xobjects(page) -> list:
    """The page's XObjects (images and forms), at any depth of forms."""
    found = []
    resources = page.get("/Resources") or {}
    pending = [resources.get("/XObject") or {}]
    while pending:
        for reference in pending.pop().values():
            xobject = reference.get_object()
            found.append(xobject)
            inner = (xobject.get("/Resources") or {}).get("/XObject")
            if inner:
                pending.append(inner)
    return found


@pytest.fixture(scope="module")
def logo_pdfs(sample_document, tmp_path_factory):
    """The sample report with the logo as each kind of file; each first page drawn as
    PNG into pytest's temporary folder (logo-pages*/) to look at."""
    from tests.publish.conftest import first_page_png, logo_file_bytes

    from binational.publish.logo import logo_of

    folder = tmp_path_factory.mktemp("logo-pages")
    found = {}
    for suffix in (".png", ".jpg", ".svg"):
        logo = logo_of(logo_file_bytes(suffix), f"logo{suffix}")
        pdf = render_pdf(replace(sample_document, logo=logo))
        page = first_page_png(pdf, scale=1.5)
        page.save(folder / f"first-page-{suffix[1:]}.png")
        found[suffix] = (pdf, page)
    return found


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".svg"])
def test_the_logo_is_drawn_at_the_top_left_beside_the_organization(logo_pdfs, suffix):
    from tests.publish.conftest import gold_pixels

    pdf, page = logo_pdfs[suffix]
    width, height = page.size
    top_left = page.crop((0, 0, width // 3, height // 8))
    assert gold_pixels(top_left) > 500  # the logo's disc, about 40 px across at this scale
    assert gold_pixels(page) == gold_pixels(top_left)  # and nowhere else
    reader = PdfReader(io.BytesIO(pdf))
    kinds = [str(x.get("/Subtype")) for x in xobjects(reader.pages[0])]
    # A PNG or JPEG is the page's one image; an SVG is drawn as vector paths.
    assert kinds == ([] if suffix == ".svg" else ["/Image"])
    assert len(reader.pages[0].images) == (0 if suffix == ".svg" else 1)
    lines = pdf_page_lines(reader)[0]
    assert lines[0] == "CENTER FOR BINATIONAL INSTITUTIONS"  # the name is still text


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_the_logo_pdf_is_still_tagged_pdf_ua_with_the_logo_as_a_figure(logo_pdfs, suffix):
    root = PdfReader(io.BytesIO(logo_pdfs[suffix][0])).trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert bool(root["/MarkInfo"]["/Marked"]) and "<pdfuaid:part>1</pdfuaid:part>" in metadata
    figures = [node for node in structure_nodes(root["/StructTreeRoot"])
               if node.get("/S") == "/Figure"]  # fmt: skip
    assert [str(node.get("/Alt")) for node in figures] == ["Center for Binational Institutions"]


def structure_nodes(node) -> list:
    """Every element of a PDF's structure tree under ``node``."""
    found, pending = [], [node]
    while pending:
        current = pending.pop().get_object()
        if not hasattr(current, "get"):
            continue
        found.append(current)
        kids = current.get("/K")
        if kids is None:
            continue
        pending.extend(kids if isinstance(kids, list) else [kids])
    return found


def test_without_a_logo_the_first_page_has_no_picture(sample_document):
    from tests.publish.conftest import first_page_png, gold_pixels

    pdf = render_pdf(sample_document)
    assert xobjects(PdfReader(io.BytesIO(pdf)).pages[0]) == []
    assert gold_pixels(first_page_png(pdf)) == 0
