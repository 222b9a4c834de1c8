"""The scorecard as PDF: tagged PDF/UA, the method and the grid on its first pages, the
marks as links to the evidence, and its pages drawn as PNG (saved in pytest's temporary
folder, scorecard-pages*/, to look at) with the grid's colours where they belong."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from binational.publish.scorecard_document import MARK_COLOURS, Mark
from binational.publish.scorecard_pdf import render_scorecard_pdf, scorecard_data

pdfium = pytest.importorskip("pypdfium2")
pypdf = pytest.importorskip("pypdf")

HATCH = (0xAF, 0xB8, 0xC1)  # the hatch lines of a period without data


@pytest.fixture(scope="module")
def pdf(scorecard_document) -> bytes:
    return render_scorecard_pdf(scorecard_document)


@pytest.fixture(scope="module")
def pages(pdf, tmp_path_factory) -> list[Image.Image]:
    folder = tmp_path_factory.mktemp("scorecard-pages")
    document = pdfium.PdfDocument(pdf)
    images = []
    for number in range(len(document)):
        image = document[number].render(scale=1.5).to_pil().convert("RGB")
        image.save(folder / f"page-{number + 1}.png")
        images.append(image)
    return images


def colour_pixels(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 20) -> int:
    red, green, blue = ImageChops.difference(image, Image.new("RGB", image.size, colour)).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return sum(largest.histogram()[: tolerance + 1])


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def test_text_method_first_and_tagged(pdf, scorecard_document):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.startswith("CENTER FOR BINATIONAL INSTITUTIONS Scorecard | 2023 As of December 31")
    assert "How to read this scorecard" in first
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"
    assert reader.metadata.title == "Scorecard | 2023 · Center for Binational Institutions"


def test_marks_link_inside_the_document(pdf, scorecard_document):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    internal = 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is None or action.get("/S") != "/URI":
                internal += 1
    assert internal >= len(scorecard_document.rows)


def test_the_grid_pages_show_marks_in_colour_and_hatched_periods(pages, scorecard_document):
    # Somewhere in the first pages: the grid with the hatching of 2019 and 2020 (the
    # data covers neither) and each mark present in its colour.
    grid_pages = pages[:4]
    assert any(colour_pixels(page, HATCH, 12) > 200 for page in grid_pages)
    for mark in {row.mark for row in scorecard_document.rows}:
        assert any(colour_pixels(page, rgb(MARK_COLOURS[mark])) > 150 for page in grid_pages), mark
    assert Mark.NO_CADENCE in {row.mark for row in scorecard_document.rows}


def test_no_page_is_blank_or_overflows(pages):
    for page in pages:
        grey = page.convert("L")
        dark = sum(count for value, count in enumerate(grey.histogram()) if value < 128)
        assert 0 < dark / (grey.width * grey.height) < 0.3
        white = Image.new("RGB", page.size, (255, 255, 255))
        left, _, right, _ = ImageChops.difference(page, white).convert("L").point(
            lambda v: v > 40
        ).getbbox()
        margin = 2 / 2.54 * 72 * 1.5
        assert left >= margin - 3 and right <= page.width - margin + 3


def test_the_data_is_passed_as_data(scorecard_document):
    data = scorecard_data(scorecard_document)
    assert data["parts"][1]["grid"]["svg"].startswith("<svg")
    assert all(item["url"] is None or item["url"].startswith("http")
               for entry in data["evidence"] for item in entry["events"])  # fmt: skip


def test_in_spanish(scorecard_document_es):
    reader = pypdf.PdfReader(io.BytesIO(render_scorecard_pdf(scorecard_document_es)))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert "Página 1 de" in reader.pages[0].extract_text()


def test_the_logo_heads_the_first_page(scorecard_document, png_logo, tmp_path_factory):
    from dataclasses import replace

    from tests.publish.conftest import first_page_png, gold_pixels

    pdf = render_scorecard_pdf(replace(scorecard_document, logo=png_logo))
    page = first_page_png(pdf, scale=1.5).convert("RGB")
    page.save(tmp_path_factory.mktemp("scorecard-logo") / "page-1.png")
    width, height = page.size
    assert gold_pixels(page.crop((0, 0, width // 3, height // 8))) > 500
    assert "logo" in scorecard_data(replace(scorecard_document, logo=png_logo))
    assert "logo" not in scorecard_data(scorecard_document)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].images) == 1
