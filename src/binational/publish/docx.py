"""Word (.docx) rendering with real styles, so Word's navigation pane lists the months
(Heading 1) and the items (Heading 2), and source links are real hyperlinks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.docx_parts import (
    add_hyperlink,
    add_run,
    append_to_body,
    ensure_hyperlink_style,
    new_paragraph,
    save_reproducibly,
    set_core_properties,
    style_id,
)
from binational.publish.links import link_target
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    TRUNCATED_NOTE,
    paragraphs,
    single_line,
)

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import Part

TITLE_STYLE = "Title"
SUBTITLE_STYLE = "Subtitle"
MONTH_STYLE = "Heading 1"
ENTRY_STYLE = "Heading 2"


@dataclass(frozen=True)
class StyleIds:
    """The ``w:pStyle`` ids of the styles the report uses, looked up once."""

    title: str
    subtitle: str
    month: str
    entry: str

    @classmethod
    def of(cls, document: Document) -> StyleIds:
        return cls(
            title=style_id(document, TITLE_STYLE),
            subtitle=style_id(document, SUBTITLE_STYLE),
            month=style_id(document, MONTH_STYLE),
            entry=style_id(document, ENTRY_STYLE),
        )


def text_paragraph(text: str, style: str | None = None, **run_format: bool) -> Any:
    paragraph = new_paragraph(style, keep_with_next=style is not None)
    add_run(paragraph, text, **run_format)
    return paragraph


def entry_paragraphs(entry: ReportEntry, styles: StyleIds, part: Part) -> Iterator[Any]:
    yield text_paragraph(f"{entry.number}) {single_line(entry.title)}", styles.entry)
    date = new_paragraph(keep_with_next=True)
    add_run(date, entry.date_line, italic=True)
    url = link_target(entry)
    if url:
        add_run(date, " ")
        add_hyperlink(date, part, url, single_line(entry.link_text or url))
    yield date
    yield from (text_paragraph(text) for text in paragraphs(entry.summary))
    for label_text, texts in (
        (CONTEXT_LABEL, paragraphs(entry.context)),
        (IMPLICATIONS_LABEL, paragraphs(entry.implications)),
    ):
        if texts:
            label = new_paragraph(keep_with_next=True)
            add_run(label, label_text, bold=True)
            yield label
            yield from (text_paragraph(text) for text in texts)
    if entry.truncated:
        yield text_paragraph(TRUNCATED_NOTE, italic=True)


def report_paragraphs(doc: ReportDocument, styles: StyleIds, part: Part) -> Iterator[Any]:
    yield text_paragraph(single_line(doc.header), styles.title)
    yield text_paragraph(single_line(doc.organization), styles.subtitle)
    yield from (text_paragraph(text) for text in paragraphs((doc.intro,)))
    for section in doc.sections:
        yield text_paragraph(section.name, styles.month)
        for entry in section.entries:
            yield from entry_paragraphs(entry, styles, part)


def build_document(doc: ReportDocument) -> Document:
    """The report as a python-docx ``Document`` (not yet saved)."""
    from docx import Document as new_document

    document = new_document()
    ensure_hyperlink_style(document)
    set_core_properties(document, title=doc.header, author=doc.organization, language=doc.language)
    styles = StyleIds.of(document)
    append_to_body(document, list(report_paragraphs(doc, styles, document.part)))
    return document


def render_docx(doc: ReportDocument) -> bytes:
    """The report as .docx bytes; equal documents give equal bytes."""
    return save_reproducibly(build_document(doc))
