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
