"""Word (.docx) rendering with real styles, so Word's navigation pane lists the months
(Heading 1) and the items (Heading 2), and source links are real hyperlinks.

A report longer than a quarter opens with its overview (Heading 1; its tables under
Heading 2, the events-per-month bars as a PNG with alt text), then lists quarters
(Heading 1), months (Heading 2) and items (Heading 3)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.docx_figures import add_picture, add_table, prepend_logo
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
from binational.publish.overview_rows import overview_tables, summary_sentence
from binational.publish.pictures.bars import month_bars
from binational.publish.pictures.png import pictures_png
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    OVERVIEW_LABEL,
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
# A report longer than a quarter: quarters, then months, then items, one level down.
QUARTER_STYLE = "Heading 1"
ANNUAL_MONTH_STYLE = "Heading 2"
ANNUAL_ENTRY_STYLE = "Heading 3"


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


def front_paragraphs(doc: ReportDocument, styles: StyleIds, part: Part) -> Iterator[Any]:
    """The title, the organization (its logo before its name, if it has one), the intro."""
    yield text_paragraph(single_line(doc.header), styles.title)
    organization = text_paragraph(single_line(doc.organization), styles.subtitle)
    if doc.logo is not None:
        prepend_logo(organization, part, doc.logo, single_line(doc.organization))
    yield organization
    yield from (text_paragraph(text) for text in paragraphs((doc.intro,)))


def report_paragraphs(doc: ReportDocument, styles: StyleIds, part: Part) -> Iterator[Any]:
    yield from front_paragraphs(doc, styles, part)
    for section in doc.sections:
        yield text_paragraph(section.name, styles.month)
        for entry in section.entries:
            yield from entry_paragraphs(entry, styles, part)


def quarter_paragraphs(doc: ReportDocument, document: Document, part: Part) -> Iterator[Any]:
    """The items under quarter (Heading 1) and month (Heading 2) headings."""
    quarter, month = style_id(document, QUARTER_STYLE), style_id(document, ANNUAL_MONTH_STYLE)
    styles = StyleIds.of(document)
    styles = StyleIds(styles.title, styles.subtitle, month,
                      style_id(document, ANNUAL_ENTRY_STYLE))  # fmt: skip
    for group in doc.quarter_groups:
        yield text_paragraph(group.heading, quarter)
        for section in group.sections:
            yield text_paragraph(section.name, month)
            for entry in section.entries:
                yield from entry_paragraphs(entry, styles, part)


def add_overview(doc: ReportDocument, document: Document) -> None:
    """The overview: its heading and sentence, the bars (PNG), its tables."""
    overview = doc.overview
    assert overview is not None
    document.add_paragraph(OVERVIEW_LABEL, style=QUARTER_STYLE)
    document.add_paragraph(summary_sentence(overview, doc.period))
    bars = month_bars(overview.month_rows)
    add_picture(document, pictures_png([bars])[0], bars)
    for table in overview_tables(overview):
        add_table(document, table, ANNUAL_MONTH_STYLE)


def build_document(doc: ReportDocument) -> Document:
    """The report as a python-docx ``Document`` (not yet saved)."""
    from docx import Document as new_document

    document = new_document()
    ensure_hyperlink_style(document)
    set_core_properties(document, title=doc.header, author=doc.organization, language=doc.language)
    styles = StyleIds.of(document)
    if doc.overview is None:
        append_to_body(document, list(report_paragraphs(doc, styles, document.part)))
    else:
        append_to_body(document, list(front_paragraphs(doc, styles, document.part)))
        add_overview(doc, document)
        append_to_body(document, list(quarter_paragraphs(doc, document, document.part)))
    return document


def render_docx(doc: ReportDocument) -> bytes:
    """The report as .docx bytes; equal documents give equal bytes."""
    return save_reproducibly(build_document(doc))
