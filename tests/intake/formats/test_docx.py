"""Word files built with python-docx, as the center's editors would write them."""

from __future__ import annotations

import io
import zipfile

import pytest

from binational.intake.extracted import TextLine
from binational.intake.formats.docx import extract_docx
from binational.intake.parsed import ReportFormatError
from binational.publish.docx_parts import add_hyperlink, add_run, save_reproducibly

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _field_link(paragraph, url: str, text: str) -> None:
    """A HYPERLINK field (begin, instruction, separate, result, end), as Word writes
    links pasted from a browser."""
    from docx.oxml import parse_xml

    for xml in (
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r xmlns:w="{W}"><w:instrText xml:space="preserve"> HYPERLINK "{url}" '
        "</w:instrText></w:r>",
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/></w:r>',
        f'<w:r xmlns:w="{W}"><w:t>{text}</w:t></w:r>',
        f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def test_paragraphs_breaks_hyperlinks_fields_tables_and_numbering():
    from docx import Document

    document = Document()
    document.add_paragraph("Report | April-June 2023", style="Title")
    numbered = document.add_paragraph(
        "Otay II Border Crossing MoU (10.24.22) ", style="List Number"
    )
    add_hyperlink(numbered._p, document.part, "https://gob.mx/otay?a=1&b=2", "Learn more")
    document.add_paragraph("Second item", style="List Number")
    broken = document.add_paragraph()
    broken.add_run("1) Title")
    broken.add_run().add_break()
    broken.add_run("April 12, 2023 ")
    _field_link(broken, "https://www.state.gov/x", "Link")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("In a table")
    data = save_reproducibly(document)
    lines = [line for line in extract_docx(data, "a.docx") if line.text]
    assert lines == [
        TextLine("Report | April-June 2023"),
        TextLine("1. Otay II Border Crossing MoU (10.24.22) Learn more",
                 ("https://gob.mx/otay?a=1&b=2",)),
        TextLine("2. Second item"),
        TextLine("1) Title"),
        TextLine("April 12, 2023 Link", ("https://www.state.gov/x",)),
        TextLine("In a table"),
    ]  # fmt: skip


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    with pytest.raises(ReportFormatError, match="unpacks to more than 256 MB"):
        extract_docx(buffer.getvalue(), "bomb.docx")


def test_run_text_keeps_its_characters():
    from docx import Document

    document = Document()
    paragraph = document.add_paragraph()
    add_run(paragraph._p, "Reunión en Querétaro: “año” & <b>")
    assert extract_docx(save_reproducibly(document), "a.docx") == [
        TextLine("Reunión en Querétaro: “año” & <b>")
    ]
