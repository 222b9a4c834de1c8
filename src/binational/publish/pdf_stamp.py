"""Print "Page N of M" at the foot of every page of a PDF being written by pypdf.

Used on a report printed in parts and joined (see ``pdf.py``): no part knows the page
numbers, so the parts are printed without the CSS footer and the numbers are stamped
here, in the same place, size and colour as the footer of ``templates/report.css``
(bottom centre, 9 pt, #595959).

Each page gets a font resource (Helvetica, one of the 14 standard PDF fonts, so nothing
is embedded) and two more content streams: ``q`` before its own, and ``Q`` plus the
stamp after. The page's own streams are neither decoded nor rewritten, so stamping
150 pages takes milliseconds (``PageObject.merge_page`` re-parses every stream and
takes seconds). The ``q``/``Q`` pair matters: WeasyPrint starts each page with a
coordinate transform that it never restores.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

FONT_RESOURCE = "/BinationalPageNumber"  # WeasyPrint names its fonts with 6 capitals
FONT_SIZE = 9.0  # pt, as the CSS footer
GREY = 0x59 / 255  # #595959, as the CSS footer
# Baseline of WeasyPrint's footer: the @page bottom margin is 2.4 cm and the footer is
# centred in it; measured on its output (tests/publish/test_pdf_stamp.py checks it).
BASELINE = 30.9  # pt above the bottom edge

# Advance widths of Helvetica (Adobe's AFM, 1/1000 em) for what "Page N of M" uses.
HELVETICA_WIDTHS = {
    **dict.fromkeys("0123456789", 556),
    " ": 278,
    "P": 667,
    "a": 556,
    "g": 556,
    "e": 556,
    "o": 556,
    "f": 278,
}


def page_label(number: int, total: int) -> str:
    return f"Page {number} of {total}"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Width of ``text`` in Helvetica at ``size`` points."""
    return sum(HELVETICA_WIDTHS[char] for char in text) * size / 1000


def stamp_operators(text: str, left: float, bottom: float, width: float) -> bytes:
    """Content stream operators that draw ``text`` centred at the foot of a page whose
    media box starts at (``left``, ``bottom``) and is ``width`` wide.

    Starts with ``Q``: it closes the ``q`` put before the page's own content."""
    x = left + (width - text_width(text)) / 2
    y = bottom + BASELINE
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return (
        f"Q\nq\nBT\n{FONT_RESOURCE} {FONT_SIZE:g} Tf\n{GREY:.5f} {GREY:.5f} {GREY:.5f} rg\n"
        f"{x:.3f} {y:.3f} Td\n({escaped}) Tj\nET\nQ\n"
    ).encode("ascii")


def _stream(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    # pypdf has no public call to add an object; _add_object is what its own page
    # editing methods use.
    return writer._add_object(stream)


def _font() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def stamp_page_numbers(writer: PdfWriter) -> None:
    """Stamp "Page N of M" on every page of ``writer``."""
    font = writer._add_object(_font())
    save = _stream(writer, b"q\n")
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        if "/Resources" not in page:
            page[NameObject("/Resources")] = DictionaryObject()
        resources = page["/Resources"].get_object()
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        # Often shared by all pages of a part: setting the same entry again is harmless.
        resources["/Font"].get_object()[NameObject(FONT_RESOURCE)] = font

        contents = page.raw_get("/Contents") if "/Contents" in page else None
        resolved = contents.get_object() if contents is not None else None
        if isinstance(resolved, ArrayObject):
            own = list(resolved)
        elif isinstance(resolved, StreamObject) and isinstance(contents, IndirectObject):
            own = [contents]
        elif resolved is not None:
            own = [writer._add_object(resolved)]
        else:
            own = []
        box = page.mediabox
        operators = stamp_operators(
            page_label(number, total), float(box.left), float(box.bottom), float(box.width)
        )
        stamp = _stream(writer, operators)
        page[NameObject("/Contents")] = ArrayObject([save, *own, stamp])
