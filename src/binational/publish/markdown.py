"""Markdown rendering (CommonMark), for reading on a code host or pasting into a site.

Text from the database is escaped so that it reads as text: a title such as
``Ley *Federal* <del>`` or ``5) results`` must not turn into emphasis, raw HTML or a
list. Escaping is minimal (only what CommonMark would otherwise interpret), so the
source stays readable: "U.S.-Mexico" is left alone.

A report longer than a quarter opens with its overview (tables; the pictures are in
the HTML, PDF and Word files) and groups its months under quarter headings, one
heading level down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.links import link_target
from binational.publish.overview import Overview
from binational.publish.overview_rows import Table, overview_tables, summary_sentence
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
    OVERVIEW_LABEL,
    TRUNCATED_NOTE,
    paragraphs,
    single_line,
)

# Characters that start or end inline constructs anywhere in a line: code spans,
# emphasis, links/images, autolinks and raw HTML, strikethrough, ATX closing hashes.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>~#])")
# '&name;' or '&#123;' would be read as an entity; a bare '&' is fine.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
# Line starts that CommonMark reads as a block: list items, setext underlines, thematic
# breaks ('+', '-', '='), ordered list items ('1.' or '1)').
_BLOCK_START = re.compile(r"^(\s*)(?:([+\-=])|(\d+)([.)]))")


def escape_markdown(text: str) -> str:
    """``text`` as a single Markdown line that renders to exactly ``text``."""
    line = single_line(text)
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    line = _ENTITY_LIKE.sub(r"\\&", line)
    return _BLOCK_START.sub(_escape_block_start, line, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, digits, delimiter = match.groups()
    if marker:
        return f"{indent}\\{marker}"
    return f"{indent}{digits}\\{delimiter}"


def link_destination(url: str) -> str:
    """A link target (already percent-encoded by ``link_target``) made safe inside
    Markdown's ``( )``: its parentheses are percent-encoded too."""
    return url.replace("(", "%28").replace(")", "%29")


def date_line(entry: ReportEntry) -> str:
    """'April 12, 2023 [Link](https://…)', or just the date when the URL is unknown
    (a 'Link' that goes nowhere would mislead)."""
    line = escape_markdown(entry.date_line)
    url = link_target(entry)
    if url:
        text = escape_markdown(entry.link_text or url)
        line += f" [{text}]({link_destination(url)})"
    return line


def entry_blocks(entry: ReportEntry, level: int = 3) -> Iterator[str]:
    yield f"{'#' * level} {entry.number}) {escape_markdown(entry.title)}"
    yield date_line(entry)
    yield from (escape_markdown(text) for text in paragraphs(entry.summary))
    context = paragraphs(entry.context)
    if context:
        yield f"**{CONTEXT_LABEL}**"
        yield from (escape_markdown(text) for text in context)
    implications = paragraphs(entry.implications)
    if implications:
        yield f"**{IMPLICATIONS_LABEL}**"
        yield from (escape_markdown(text) for text in implications)
    if entry.truncated:
        yield f"*{escape_markdown(TRUNCATED_NOTE)}*"


def table_cell(text: str) -> str:
    """A cell's text: escaped, and its '|' escaped too (it would end the cell)."""
    return escape_markdown(text).replace("|", "\\|")


def table_blocks(table: Table) -> Iterator[str]:
    yield f"### {escape_markdown(table.title)}"
    if table.rows:
        # A count in the last of two columns is right-aligned.
        rule = "|---|---:|" if len(table.columns) == 2 else "|" + "---|" * len(table.columns)
        lines = ["| " + " | ".join(table.columns) + " |", rule]
        lines += ["| " + " | ".join(table_cell(cell) for cell in row) + " |" for row in table.rows]
        yield "\n".join(lines)
    elif table.empty:
        yield escape_markdown(table.empty)
    if table.note:
        yield f"*{escape_markdown(table.note)}*"


def overview_blocks(overview: Overview, doc: ReportDocument) -> Iterator[str]:
    yield f"## {OVERVIEW_LABEL}"
    yield escape_markdown(summary_sentence(overview, doc.period))
    for table in overview_tables(overview):
        yield from table_blocks(table)


def report_blocks(doc: ReportDocument) -> Iterator[str]:
    # The header keeps its '|' unescaped: outside a table it is plain text.
    yield f"# {escape_markdown(doc.header)}"
    yield from (escape_markdown(text) for text in paragraphs((doc.intro,)))
    if doc.overview is None:
        for section in doc.sections:
            yield f"## {escape_markdown(section.name)}"
            for entry in section.entries:
                yield from entry_blocks(entry)
        return
    yield from overview_blocks(doc.overview, doc)
    for group in doc.quarter_groups:
        yield f"## {escape_markdown(group.heading)}"
        for section in group.sections:
            yield f"### {escape_markdown(section.name)}"
            for entry in section.entries:
                yield from entry_blocks(entry, level=4)


def render_markdown(doc: ReportDocument) -> bytes:
    """The report as UTF-8 Markdown, blocks separated by one blank line."""
    return ("\n\n".join(report_blocks(doc)) + "\n").encode("utf-8")
