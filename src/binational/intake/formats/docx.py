"""Word (.docx): each paragraph is a line (a line break inside one starts a new line),
table cells are read in order, hyperlinks (``w:hyperlink`` and HYPERLINK fields) keep
their target on their line, and automatic list numbering is written out ('1) ') as
Word shows it, since the center numbers its items that way.

The package is opened with python-docx (relationships, parts); the paragraphs' XML is
walked directly because python-docx has no reading of fields or list numbers.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from binational.intake.extracted import TextLine
from binational.intake.parsed import ReportFormatError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# A .docx is a zip: refuse one that would unpack to more than this (a "zip bomb").
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_FIELD_URL = re.compile(r'HYPERLINK\s+"(?P<url>[^"]{1,2000})"')


class _Paragraph:
    def __init__(self, prefix: str) -> None:
        self.lines: list[TextLine] = []
        self.parts: list[str] = [prefix] if prefix else []
        self.links: list[str] = []

    def add_link(self, url: str | None) -> None:
        if url and url not in self.links:
            self.links.append(url)

    def break_line(self) -> None:
        self.lines.append(TextLine(" ".join("".join(self.parts).split()), tuple(self.links)))
        self.parts, self.links = [], []


def _run_text(run: Any, paragraph: _Paragraph) -> None:
    for child in run:
        tag = child.tag
        if tag == W + "t":
            paragraph.parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            paragraph.parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            paragraph.break_line()
        elif tag == W + "noBreakHyphen":
            paragraph.parts.append("-")


def _walk(element: Any, paragraph: _Paragraph, rels: dict[str, str], field: list) -> None:
    """Runs of a paragraph (or of a hyperlink, field or tracked insertion inside it)."""
    for child in element:
        tag = child.tag
        if tag == W + "r":
            for mark in child.iter(W + "fldChar", W + "instrText"):
                if mark.tag == W + "fldChar":
                    kind = mark.get(W + "fldCharType")
                    if kind == "begin":
                        field.append(None)
                    elif kind == "end" and field:
                        field.pop()
                elif field and field[-1] is None:
                    found = _FIELD_URL.search(mark.text or "")
                    if found:
                        field[-1] = found.group("url")
            if field and field[-1]:
                paragraph.add_link(field[-1])
            _run_text(child, paragraph)
        elif tag == W + "hyperlink":
            paragraph.add_link(rels.get(child.get(R_ID) or ""))
            _walk(child, paragraph, rels, field)
        elif tag == W + "fldSimple":
            found = _FIELD_URL.search(child.get(W + "instr") or "")
            if found:
                paragraph.add_link(found.group("url"))
            _walk(child, paragraph, rels, field)
        elif tag in (W + "ins", W + "smartTag", W + "customXml", W + "sdt", W + "sdtContent"):
            _walk(child, paragraph, rels, field)


class _Numbering:
    """Automatic list numbers: 'decimal' levels counted per list and level."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.styles = _style_numbering(document)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.iter(W + "abstractNum")}
        for num in numbering.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            levels = abstract.get(ref.get(W + "val") if ref is not None else None)
            for level in levels.iter(W + "lvl") if levels is not None else ():
                fmt = level.find(W + "numFmt")
                text = level.find(W + "lvlText")
                start = level.find(W + "start")
                self.formats[(num.get(W + "numId"), level.get(W + "ilvl"))] = (
                    fmt.get(W + "val") if fmt is not None else "",
                    text.get(W + "val") if text is not None else "",
                    int(start.get(W + "val") or 1) if start is not None else 1,
                )

    def prefix(self, paragraph: Any) -> str:
        properties = paragraph.find(W + "pPr")
        numbering = properties.find(W + "numPr") if properties is not None else None
        if numbering is not None:
            key = _num_key(numbering)
        else:
            style = properties.find(W + "pStyle") if properties is not None else None
            found = self.styles.get(style.get(W + "val")) if style is not None else None
            if found is None:
                return ""
            key = found
        fmt, text, start = self.formats.get(key, ("", "", 1))  # type: ignore[arg-type]
        if fmt != "decimal" or "%" not in text:
            return ""
        self.counters[key] = self.counters.get(key, start - 1) + 1
        return re.sub(r"%\d", str(self.counters[key]), text) + " "


def _num_key(numbering: Any) -> tuple[str, str]:
    num_id = numbering.find(W + "numId")
    level = numbering.find(W + "ilvl")
    return (
        num_id.get(W + "val") if num_id is not None else "",
        level.get(W + "val") if level is not None else "0",
    )


def _style_numbering(document: Any) -> dict[str, tuple[str, str]]:
    """Paragraph styles that number their paragraphs ('List Number'), with the list
    and level, following each style's 'based on' chain."""
    styles = {s.get(W + "styleId"): s for s in document.styles.element.iter(W + "style")}
    found: dict[str, tuple[str, str]] = {}
    for style_id in styles:
        current, hops = styles.get(style_id), 0
        while current is not None and hops < 10:
            numbering = current.find(f"{W}pPr/{W}numPr")
            if numbering is not None:
                found[style_id] = _num_key(numbering)
                break
            based = current.find(W + "basedOn")
            current = styles.get(based.get(W + "val")) if based is not None else None
            hops += 1
    return found


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
    except zipfile.BadZipFile:
        raise ReportFormatError(f"{name} is not a Word (.docx) file") from None
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES or len(entries) > 10_000:
        raise ReportFormatError(f"{name} unpacks to more than 256 MB; it is not a report")


def extract_docx(data: bytes, name: str) -> list[TextLine]:
    from docx import Document

    _check_package(data, name)
    document = Document(io.BytesIO(data))
    rels = {rel_id: rel.target_ref for rel_id, rel in document.part.rels.items() if rel.is_external}
    numbering = _Numbering(document)
    lines: list[TextLine] = []
    for paragraph in document.element.body.iter(W + "p"):
        current = _Paragraph(numbering.prefix(paragraph))
        _walk(paragraph, current, rels, [])
        current.break_line()
        lines.extend(current.lines)
    return lines
