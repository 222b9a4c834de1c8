"""Markdown (CommonMark) through markdown-it-py: each paragraph, heading or list item
is a line, a soft or hard line break starts a new one, escapes are undone, and the
targets of ``[text](url)`` links and ``<url>`` autolinks stay on their line.

An ordered list item keeps its number as the report prints it ('1) Title'), since a
report written by hand in Markdown numbers its items as a list.
"""

from __future__ import annotations

from binational.intake.extracted import TextLine
from binational.intake.formats.text import decode_text


class _Line:
    def __init__(self, prefix: str = "") -> None:
        self.parts: list[str] = [prefix] if prefix else []
        self.links: list[str] = []

    def done(self) -> TextLine:
        return TextLine(" ".join("".join(self.parts).split()), tuple(self.links))


def _inline_lines(children, prefix: str) -> list[TextLine]:
    lines: list[TextLine] = []
    current = _Line(prefix)
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            current.parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            lines.append(current.done())
            current = _Line()
        elif kind == "link_open":
            href = child.attrs.get("href")
            if href:
                current.links.append(str(href))
        elif kind == "image":
            current.parts.append(child.content)
    lines.append(current.done())
    return lines


def extract_markdown(data: bytes, name: str) -> list[TextLine]:
    from markdown_it import MarkdownIt

    text = decode_text(data, name)
    tokens = MarkdownIt("commonmark").parse(text)
    lines: list[TextLine] = []
    pending_number = ""
    for token in tokens:
        if token.type == "list_item_open" and token.info:
            pending_number = f"{token.info}{token.markup or ')'} "
        elif token.type == "inline":
            lines.extend(_inline_lines(token.children or [], pending_number))
            pending_number = ""
        elif token.type in ("fence", "code_block"):
            lines.extend(TextLine(line.strip()) for line in token.content.split("\n"))
    return lines
