"""The PDF's pages drawn as images (pdfium): ink where a reader expects it.

The PNGs of the sample report are written to pytest's temporary folder
(``/tmp/pytest-of-$USER/pytest-current/pdf-pages*/``) to look at after a run.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from binational.publish.pdf import render_pdf

pdfium = pytest.importorskip("pypdfium2")

WIDTH, HEIGHT = 612, 792  # US Letter in points; scale 1 draws one pixel per point
CM = 72 / 2.54
SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN = 2 * CM, 2 * CM, 2.4 * CM
ACCENT = (0x0B, 0x4F, 0x6C)  # month headings and item numbers (report.css's --accent)


@pytest.fixture(scope="module")
def pages(sample_document, tmp_path_factory) -> list[Image.Image]:
    """The sample report's pages, one pixel per point, as RGB images; saved as PNGs."""
    folder = tmp_path_factory.mktemp("pdf-pages")
    document = pdfium.PdfDocument(render_pdf(sample_document))
    images = []
    for number in range(len(document)):
        image = document[number].render(scale=1).to_pil().convert("RGB")
        image.save(folder / f"page-{number + 1}.png")
        images.append(image)
    return images


def ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The bounding box (left, top, right, bottom) of everything not white."""
    white = Image.new("RGB", image.size, (255, 255, 255))
    return ImageChops.difference(image, white).convert("L").point(lambda v: v > 40).getbbox()


def dark_fraction(image: Image.Image) -> float:
    grey = image.convert("L")
    dark = sum(count for value, count in enumerate(grey.histogram()) if value < 128)
    return dark / (grey.width * grey.height)


def colour_pixels(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 24) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in each channel."""
    red, green, blue = ImageChops.difference(image, Image.new("RGB", image.size, colour)).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return sum(largest.histogram()[: tolerance + 1])


def test_pages_are_letter_sized_and_several(pages):
    assert len(pages) == 3
    assert all(page.size == (WIDTH, HEIGHT) for page in pages)


def test_every_page_has_text_and_is_not_blank_or_black(pages):
    for page in pages:
        assert 0.01 < dark_fraction(page) < 0.2


def test_ink_stays_inside_the_margins(pages):
    for page in pages:
        left, top, right, bottom = ink_box(page)
        assert left >= SIDE_MARGIN - 2
        assert right <= WIDTH - SIDE_MARGIN + 2
        assert top >= TOP_MARGIN - 2
        assert bottom > HEIGHT - BOTTOM_MARGIN  # the page number, in the bottom margin


def test_each_page_number_is_centred_in_the_bottom_margin(pages):
    for page in pages:
        footer = page.crop((0, round(HEIGHT - BOTTOM_MARGIN), WIDTH, HEIGHT))
        left, _, right, _ = ink_box(footer)
        assert abs((left + right) / 2 - WIDTH / 2) < 3
        assert 30 < right - left < 90  # "Page 1 of 3" at 9 pt, not the body's width


def test_the_first_page_opens_with_dark_header_text(pages):
    header = pages[0].crop((0, round(TOP_MARGIN), WIDTH, round(TOP_MARGIN) + 60))
    assert ink_box(header) is not None
    assert dark_fraction(header) > 0.02  # the 20 pt title "Report | April-June 2023"


def test_the_month_heading_and_item_numbers_are_in_the_accent_colour(pages):
    assert colour_pixels(pages[0], ACCENT) > 100


# The annual report: its first page holds the overview's bars (a picture from SVG
# data), saved as PNG pages to look at (pytest's temporary folder, annual-pages*/).


@pytest.fixture(scope="module")
def annual_pages(annual_document, tmp_path_factory) -> list[Image.Image]:
    folder = tmp_path_factory.mktemp("annual-pages")
    document = pdfium.PdfDocument(render_pdf(annual_document))
    images = []
    for number in range(len(document)):
        image = document[number].render(scale=1).to_pil().convert("RGB")
        image.save(folder / f"page-{number + 1}.png")
        images.append(image)
    return images


def bar_columns(image: Image.Image, top: int, bottom: int) -> list[tuple[int, int]]:
    """Runs of columns (left, right) holding the bars' colour between two heights."""
    band = image.crop((0, top, image.width, bottom))
    red, green, blue = ImageChops.difference(band, Image.new("RGB", band.size, ACCENT)).split()
    near = ImageChops.lighter(ImageChops.lighter(red, green), blue).point(lambda v: v < 24)
    columns = [any(near.getpixel((x, y)) for y in range(0, band.height, 2)) for x in
               range(band.width)]  # fmt: skip
    runs, start = [], None
    for x, inked in enumerate([*columns, False]):
        if inked and start is None:
            start = x
        elif not inked and start is not None:
            runs.append((start, x - 1))
            start = None
    return runs


def test_the_overview_bars_are_drawn_one_per_month_with_ink(annual_pages):
    first = annual_pages[0]
    # The bars sit under the "Overview" heading, inside the margins: five months have an
    # event, one each, so five bars of the same height and seven empty months.
    runs = bar_columns(first, 200, 420)
    wide = [(left, right) for left, right in runs if right - left > 15]
    assert len(wide) == 5, runs
    assert all(left >= SIDE_MARGIN - 2 and right <= WIDTH - SIDE_MARGIN + 2 for left, right in wide)
    widths = {right - left for left, right in wide}
    assert max(widths) - min(widths) <= 4  # anti-aliased edges at one pixel per point


def test_annual_pages_stay_inside_the_margins_and_are_numbered(annual_pages):
    for page in annual_pages:
        left, top, right, bottom = ink_box(page)
        assert left >= SIDE_MARGIN - 2 and right <= WIDTH - SIDE_MARGIN + 2
        assert top >= TOP_MARGIN - 2 and bottom > HEIGHT - BOTTOM_MARGIN
        assert 0 < dark_fraction(page) < 0.25  # the last page holds two lines


def test_the_annual_pdf_text_outline_and_alt_text(annual_document):
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(annual_document)))
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Overview", "5 events in 2023.", "Events by month", "Most active institutions",
                  "Trilateral Fentanyl Committee", "January-March 2023"):  # fmt: skip
        assert words in " ".join(text.split()), words

    def titles(outline):
        return [titles(item) if isinstance(item, list) else item.title for item in outline]

    top = titles(reader.outline)
    first_quarter = [
        "January", ["1) North American Leaders' Summit in Mexico City"],
        "March", ["2) Reunión del Diálogo Económico de Alto Nivel"],
    ]  # fmt: skip
    assert top[0] == "Report | 2023"
    assert top[1][:3] == ["Overview", "January-March 2023", first_quarter]
    # the picture's text alternative is in the tagged structure (a Figure's /Alt)
    alts = []

    def walk(node, depth=0):
        if depth > 40:
            return
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    if hasattr(kid, "get_object") or isinstance(kid, dict):
                        walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert any(alt.startswith("Events per month: January 2023: 1") for alt in alts), alts
