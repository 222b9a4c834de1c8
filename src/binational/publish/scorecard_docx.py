"""The scorecard as a Word file: title, marks, the method and coverage (Heading 1 and
2), then per category its continuity grid (PNG with alt text) and table, whose marks
are internal hyperlinks to each institution's evidence (a bookmark on its heading),
then the evidence with the events' source links."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from binational.publish.docx_figures import TABLE_STYLE, add_picture, mark_header_row, prepend_logo
from binational.publish.docx_parts import (
    HYPERLINK_STYLE,
    add_hyperlink,
    add_run,
    ensure_hyperlink_style,
    save_reproducibly,
    set_core_properties,
)
from binational.publish.links import linkable_url
from binational.publish.pictures.png import pictures_png
from binational.publish.scorecard_document import EventLink, ScorecardDocument, StatusStep
from binational.publish.scorecard_method import (
    coverage_paragraphs,
    mark_meanings,
    method_paragraphs,
)
from binational.publish.scorecard_rows import (
    anchor,
    as_of_line,
    category_parts,
    columns,
    event_text,
    evidence,
    step_text,
    summary_line,
    table_row,
    title,
)
from binational.publish.scorecard_words import period_label, word

if TYPE_CHECKING:
    from docx.document import Document


def bookmark_name(text: str) -> str:
    """A Word bookmark name: letters, digits and underscores, at most 40 characters."""
    return re.sub(r"\W", "_", text)[:40]


def add_bookmark(paragraph: Any, name: str, number: int) -> None:
    """Wrap the paragraph's content in a bookmark called ``name``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def add_internal_link(paragraph: Any, bookmark: str, text: str) -> None:
    """A hyperlink to a bookmark of the same document."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    add_run(link, text, character_style=HYPERLINK_STYLE)
    paragraph._p.append(link)


def add_linked_item(document: Document, text: str, url: str | None) -> None:
    paragraph = document.add_paragraph(style="List Bullet")
    if url:
        add_hyperlink(paragraph._p, document.part, url, text)
    else:
        paragraph.add_run(text)


def add_table(document: Document, doc: ScorecardDocument, rows: tuple) -> None:
    table = document.add_table(rows=1, cols=7)
    table.style = document.styles[TABLE_STYLE]
    mark_header_row(table.rows[0])
    for cell, name in zip(table.rows[0].cells, columns(doc), strict=True):
        cell.text = name
    for row in rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, table_row(row, doc), strict=True)):
            if index == 5:
                add_internal_link(cell.paragraphs[0], bookmark_name(anchor(row)), text)
            else:
                cell.text = text


def add_evidence(document: Document, doc: ScorecardDocument) -> None:
    language = doc.language
    document.add_paragraph(word("evidence", language), style="Heading 1")
    events_heading = word("events_in", language, period=period_label(doc.period, language))
    for number, found in enumerate(evidence(doc), start=1):
        heading = document.add_paragraph(found.heading, style="Heading 2")
        add_bookmark(heading, bookmark_name(anchor(found.row)), number)
        document.add_paragraph(found.reason)
        if found.rests_on_events or found.rests_on_steps:
            document.add_paragraph().add_run(word("mark_rests_on", language) + ":").italic = True
            for event in found.rests_on_events:
                add_event(document, event, language)
            for step in found.rests_on_steps:
                add_step(document, step, language)
        if found.period_events:
            document.add_paragraph().add_run(events_heading + ":").italic = True
            for event in found.period_events:
                add_event(document, event, language)


def add_event(document: Document, event: EventLink, language: str) -> None:
    add_linked_item(document, event_text(event, language), linkable_url(event.url))


def add_step(document: Document, step: StatusStep, language: str) -> None:
    add_linked_item(document, step_text(step, language), linkable_url(step.source))


def build_scorecard_document(doc: ScorecardDocument) -> Document:
    from docx import Document as new_document

    language = doc.language
    document = new_document()
    ensure_hyperlink_style(document)
    set_core_properties(document, title=title(doc), author=doc.organization, language=language)
    document.add_paragraph(title(doc), style="Title")
    subtitle = document.add_paragraph(f"{doc.organization} · {as_of_line(doc)}", style="Subtitle")
    if doc.logo is not None:
        prepend_logo(subtitle._p, document.part, doc.logo, doc.organization)
    document.add_paragraph(f"{word('summary', language)}: {summary_line(doc)}")
    document.add_paragraph(word("method", language), style="Heading 1")
    for text in method_paragraphs(doc):
        document.add_paragraph(text)
    document.add_paragraph(word("marks_heading", language), style="Heading 2")
    for _, name, meaning in mark_meanings(doc):
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(name).bold = True
        paragraph.add_run(f": {meaning}")
    document.add_paragraph(word("coverage", language), style="Heading 2")
    for text in coverage_paragraphs(doc):
        document.add_paragraph(text)
    parts = list(category_parts(doc))
    pngs = pictures_png([part.grid for part in parts])
    for part, png in zip(parts, pngs, strict=True):
        document.add_paragraph(part.heading, style="Heading 1")
        add_picture(document, png, part.grid)
        add_table(document, doc, part.rows)
    add_evidence(document, doc)
    return document


def render_scorecard_docx(doc: ScorecardDocument) -> bytes:
    """The scorecard as .docx bytes; equal documents give equal bytes."""
    return save_reproducibly(build_scorecard_document(doc))
