"""Tables and pictures in a Word file: the annual overview's and the scorecard's, and
the organization's logo beside its name.

Tables go through python-docx's own API (a few dozen rows, not the thousands of
paragraphs ``docx_parts`` builds by hand for speed); a picture is its PNG (Word does
not read SVG everywhere) at the picture's width, with its text alternative as the
drawing's description, which Word shows as alt text and screen readers read.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from binational.publish.logo import LOGO_HEIGHT, SVG, Logo
from binational.publish.overview_rows import Table
from binational.publish.pictures import Picture
from binational.publish.pictures.png import pictures_png

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part

TABLE_STYLE = "Light List Accent 1"
# Word's pixel: 1/96 inch, as the pictures are sized; 914,400 EMU to the inch.
EMU_PER_PIXEL = 9525
# The text width of US Letter with Word's default 1-inch margins, in pixels.
MAX_WIDTH = 624


def add_table(document: Document, table: Table, heading_style: str | None) -> None:
    """The table's title (in ``heading_style``), its rows with a header row that
    repeats on each page, and its note; its 'empty' sentence when it has no rows."""
    document.add_paragraph(table.title, style=heading_style)
    if table.rows:
        body = document.add_table(rows=1, cols=len(table.columns))
        body.style = document.styles[TABLE_STYLE]
        header = body.rows[0]
        mark_header_row(header)
        for cell, name in zip(header.cells, table.columns, strict=True):
            cell.text = name
        for row in table.rows:
            for cell, text in zip(body.add_row().cells, row, strict=True):
                cell.text = text
    elif table.empty:
        document.add_paragraph(table.empty)
    if table.note:
        note = document.add_paragraph()
        note.add_run(table.note).italic = True


def mark_header_row(row: Any) -> None:
    """Make ``row`` a header row: repeated on each page, read as headers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def add_picture(document: Document, png: bytes, picture: Picture) -> None:
    """The picture in a paragraph of its own, at most the text's width, with its
    text alternative as the drawing's description (Word's alt text)."""
    from docx.shared import Emu

    width = min(picture.width, MAX_WIDTH)
    height = picture.height * width / picture.width
    paragraph = document.add_paragraph()
    shape = paragraph.add_run().add_picture(
        io.BytesIO(png), width=Emu(round(width * EMU_PER_PIXEL)),
        height=Emu(round(height * EMU_PER_PIXEL)),
    )  # fmt: skip
    properties = shape._inline.docPr
    properties.set("descr", picture.alt)
    properties.set("title", picture.alt.split(":", 1)[0])


def add_pictures(document: Document, pictures: Sequence[Picture], pngs: Sequence[bytes]) -> None:
    for picture, png in zip(pictures, pngs, strict=True):
        add_picture(document, png, picture)


def logo_png(logo: Logo) -> bytes:
    """The logo as Word reads it everywhere: a PNG or JPEG as it is, an SVG drawn as
    PNG (at the SVG's own size; a ``Picture``'s width and height are not read there)."""
    if logo.media_type != SVG:
        return logo.data
    return pictures_png([Picture(logo.data.decode("utf-8"), "", 0, 0)])[0]


def logo_run(part: Part, logo: Logo, alt: str) -> Any:
    """A ``w:r`` holding the logo, ``LOGO_HEIGHT`` pixels high (its width in
    proportion), with ``alt`` as its description (Word's alt text)."""
    from docx.oxml import OxmlElement
    from docx.shared import Emu

    inline = part.new_pic_inline(io.BytesIO(logo_png(logo)), None, Emu(LOGO_HEIGHT * EMU_PER_PIXEL))
    inline.docPr.set("descr", alt)
    run = OxmlElement("w:r")
    run.add_drawing(inline)
    return run


def prepend_logo(paragraph: Any, part: Part, logo: Logo, alt: str) -> None:
    """Put the logo and a space at the start of ``paragraph`` (a ``w:p``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    space = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = " "
    text.set(qn("xml:space"), "preserve")
    space.append(text)
    properties = paragraph.pPr
    index = 0 if properties is None else list(paragraph).index(properties) + 1
    paragraph.insert(index, space)
    paragraph.insert(index, logo_run(part, logo, alt))
