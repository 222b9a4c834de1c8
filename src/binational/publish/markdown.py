"""Markdown rendering (CommonMark), for reading on a code host or pasting into a site.

Text from the database is escaped so that it reads as text: a title such as
``Ley *Federal* <del>`` or ``5) results`` must not turn into emphasis, raw HTML or a
list. Escaping is minimal (only what CommonMark would otherwise interpret), so the
source stays readable: "U.S.-Mexico" is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from binational.publish.document import ReportDocument, ReportEntry
from binational.publish.links import link_target
from binational.publish.wording import (
    CONTEXT_LABEL,
    IMPLICATIONS_LABEL,
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


def entry_blocks(entry: ReportEntry) -> Iterator[str]:
    yield f"### {entry.number}) {escape_markdown(entry.title)}"
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


def report_blocks(doc: ReportDocument) -> Iterator[str]:
    # The header keeps its '|' unescaped: outside a table it is plain text.
    yield f"# {escape_markdown(doc.header)}"
    yield from (escape_markdown(text) for text in paragraphs((doc.intro,)))
    for section in doc.sections:
        yield f"## {escape_markdown(section.name)}"
        for entry in section.entries:
            yield from entry_blocks(entry)


def render_markdown(doc: ReportDocument) -> bytes:
    """The report as UTF-8 Markdown, blocks separated by one blank line."""
    return ("\n\n".join(report_blocks(doc)) + "\n").encode("utf-8")
