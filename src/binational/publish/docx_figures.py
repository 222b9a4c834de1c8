"""Tables and pictures in a Word file: the annual overview's and the scorecard's.

Tables go through python-docx's own API (a few dozen rows, not the thousands of
paragraphs ``docx_parts`` builds by hand for speed); a picture is its PNG (Word does
not read SVG everywhere) at the picture's width, with its text alternative as the
drawing's description, which Word shows as alt text and screen readers read.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from binational.publish.overview_rows import Table
from binational.publish.pictures import Picture

if TYPE_CHECKING:
    from docx.document import Document

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
