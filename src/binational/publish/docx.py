"""Word (.docx) rendering with real styles, so Word's navigation pane lists the months
(Heading 1) and the items (Heading 2), and source links are real hyperlinks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.docx_parts import (
    add_hyperlink,
    ensure_hyperlink_style,
    save_reproducibly,
    set_core_properties,
)
from binational.publish.links import link_target
from binational.publish.wording import IMPLICATIONS_LABEL, TRUNCATED_NOTE, paragraphs

if TYPE_CHECKING:
    from docx.document import Document

TITLE_STYLE = "Title"
SUBTITLE_STYLE = "Subtitle"
MONTH_STYLE = "Heading 1"
ENTRY_STYLE = "Heading 2"


def add_entry(document: Document, entry: ReportEntry) -> None:
    document.add_paragraph(f"{entry.number}) {entry.title}", style=ENTRY_STYLE)
    date = document.add_paragraph()
    date.paragraph_format.keep_with_next = True
    date.add_run(entry.date_line).italic = True
    url = link_target(entry)
    if url:
        date.add_run(" ")
        add_hyperlink(date, url, entry.link_text or url)
    for text in paragraphs(entry.summary):
        document.add_paragraph(text)
    implications = paragraphs(entry.implications)
    if implications:
        label = document.add_paragraph()
        label.paragraph_format.keep_with_next = True
        label.add_run(IMPLICATIONS_LABEL).bold = True
        for text in implications:
            document.add_paragraph(text)
    if entry.truncated:
        document.add_paragraph().add_run(TRUNCATED_NOTE).italic = True


def build_document(doc: ReportDocument) -> Document:
    """The report as a python-docx ``Document`` (not yet saved)."""
    from docx import Document as new_document

    document = new_document()
    ensure_hyperlink_style(document)
    set_core_properties(document, title=doc.header, author=doc.organization, language=doc.language)
    document.add_paragraph(doc.header, style=TITLE_STYLE)
    document.add_paragraph(doc.organization, style=SUBTITLE_STYLE)
    for text in paragraphs((doc.intro,)):
        document.add_paragraph(text)
    for section in doc.sections:
        document.add_paragraph(section.name, style=MONTH_STYLE)
        for entry in section.entries:
            add_entry(document, entry)
    return document


def render_docx(doc: ReportDocument) -> bytes:
    """The report as .docx bytes; equal documents give equal bytes."""
    return save_reproducibly(build_document(doc))
