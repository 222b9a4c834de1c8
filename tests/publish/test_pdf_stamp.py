"""Stamping "Page N of M" on the pages of a PDF, where the CSS footer would print it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from binational.publish.pdf import render_pdf_single
from binational.publish.pdf_stamp import (
    BASELINE,
    FONT_RESOURCE,
    FONT_SIZE,
    GREY,
    stamp_operators,
    stamp_page_numbers,
    text_width,
)

Run = tuple[str, float, float, float]


def footer_runs(reader: PdfReader) -> list[list[Run]]:
    """Each page's "Page ..." text runs: (text, left x, baseline y, font size), in page
    space, in drawing order."""
    pages = []
    for page in reader.pages:
        runs: list[Run] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.startswith("Page "):
                a, b, c, d, e, f = cm
                x, y = tm[4], tm[5]
                runs.append((text, a * x + c * y + e, b * x + d * y + f, size * abs(d)))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def stamped(writer: PdfWriter) -> PdfReader:
    stamp_page_numbers(writer)
    out = io.BytesIO()
    writer.write(out)
    return PdfReader(io.BytesIO(out.getvalue()))


def test_helvetica_widths():
    # Adobe's metrics: P 667; a, g, e, digits, o 556; space, f 278.
    assert text_width("Page 1 of 9", 1000) == 667 + 3 * 556 + 3 * 278 + 556 + 556 + 278 + 556
    assert text_width("Page 10 of 10") > text_width("Page 1 of 10")


def test_operators_restore_the_page_state_then_draw_centred_grey_text():
    operators = stamp_operators("Page 3 of 12", 0, 0, 612).decode()

    assert operators.startswith("Q\nq\nBT\n")
    assert f"{FONT_RESOURCE} 9 Tf" in operators
    assert "0.34902 0.34902 0.34902 rg" in operators
    x = (612 - text_width("Page 3 of 12")) / 2
    assert f"{x:.3f} {BASELINE:.3f} Td" in operators
    assert operators.endswith("(Page 3 of 12) Tj\nET\nQ\n")


def test_every_page_is_stamped_with_its_number_and_the_total():
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)

    reader = stamped(writer)

    assert [page.extract_text().strip() for page in reader.pages] == [
        "Page 1 of 3",
        "Page 2 of 3",
        "Page 3 of 3",
    ]
    for page in reader.pages:
        font = page["/Resources"]["/Font"][FONT_RESOURCE]
        assert (font["/BaseFont"], font["/Subtype"]) == ("/Helvetica", "/Type1")
        assert "/FontFile" not in str(font)  # a standard font: nothing embedded


def test_a_pages_own_content_is_kept_and_its_transform_does_not_move_the_stamp():
    """WeasyPrint pages start with a transform they never undo: the stamp is drawn
    after a Q that closes a q put before the page's own streams."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    own = DecodedStreamObject()
    own.set_data(b"0.75 0 0 -0.75 0 792 cm\n10 10 m 100 100 l S\n")
    page[NameObject("/Contents")] = writer._add_object(own)

    reader = stamped(writer)

    contents = reader.pages[0]["/Contents"]
    assert [stream.get_object().get_data() for stream in contents][:2] == [
        b"q\n",
        own.get_data(),
    ]
    [[(text, x, y, size)]] = footer_runs(reader)
    assert text == "Page 1 of 1"
    assert x == pytest.approx((612 - text_width(text)) / 2, abs=0.01)
    assert y == pytest.approx(BASELINE, abs=0.01)
    assert size == pytest.approx(FONT_SIZE)


def test_the_stamp_sits_where_weasyprint_prints_the_css_footer(varied_document):
    """Same baseline, centre, size and colour as the footer of report.css (the fonts
    differ: DejaVu Sans there, Helvetica here, so the widths do too)."""
    reader = PdfReader(io.BytesIO(render_pdf_single(varied_document)))
    css = footer_runs(reader)
    writer = PdfWriter(clone_from=reader)

    both = footer_runs(stamped(writer))  # the CSS footer is still there, then ours

    assert len(css) == len(both) == len(reader.pages)
    for [(text, x, y, size)], [css_again, (stamp, our_x, our_y, our_size)] in zip(
        css, both, strict=True
    ):
        assert css_again == (text, x, y, size)
        assert stamp == text
        assert our_y == pytest.approx(y, abs=0.05)
        assert our_size == pytest.approx(size)
        # Both centred on the page (the CSS text is set in DejaVu Sans, a little wider).
        assert our_x + text_width(stamp) / 2 == pytest.approx(306, abs=0.01)
        assert 306 - 1.3 * text_width(stamp) / 2 < x < our_x
    stream = reader.pages[0].get_contents().get_data().decode("latin-1")
    grey = f"{GREY:.6f}".rstrip("0")
    assert f"{grey} {grey} {grey} rg" in stream  # the CSS footer's colour, #595959
