"""Paragraphs of a tagged PDF (printed here by WeasyPrint with tags on)."""

from __future__ import annotations

import io

from binational.intake.formats.pdf import read_pages
from binational.intake.formats.pdf_tags import paragraph_owners


def tagged_pdf() -> bytes:
    from weasyprint import HTML

    long = " ".join(["A first paragraph long enough to wrap over several lines."] * 8)
    page = f"<html><body><h1>Report | 2023</h1><p>{long}</p><p>A second one.</p></body></html>"
    return HTML(string=page).write_pdf(pdf_tags=True)


def test_runs_of_one_paragraph_share_its_element():
    pages = read_pages(tagged_pdf(), "tagged.pdf")
    runs = [run for page in pages for run in page.runs if run.text.strip()]
    blocks = {}
    for run in runs:
        blocks.setdefault(run.block, []).append(run.text)
    assert None not in blocks
    texts = [" ".join(parts) for parts in blocks.values()]
    assert texts[0] == "Report | 2023"
    assert texts[1].startswith("A first paragraph") and texts[1].count("A first") == 8
    assert texts[2] == "A second one."


def test_an_untagged_pdf_has_no_owners():
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from weasyprint import HTML

    untagged = HTML(string="<p>Report | 2023</p>").write_pdf()
    assert paragraph_owners(PDFDocument(PDFParser(io.BytesIO(untagged)))) == {}
