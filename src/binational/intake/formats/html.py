"""HTML through lxml: block elements and ``<br>`` end lines, whitespace collapses as a
browser shows it, and the ``href`` of each ``<a>`` stays on its line. Navigation,
scripts, styles and the head are not report text (binational's own pages put a
contents list in ``<nav>``).
"""

from __future__ import annotations

import re

from binational.intake.extracted import TextLine
from binational.intake.formats.text import BINARY_PROBE
from binational.intake.parsed import ReportFormatError

BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIPPED = frozenset(
    ["head", "nav", "script", "style", "template", "noscript", "svg", "math", "iframe", "object"]
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}charset\s*=\s*["']?([A-Za-z0-9_-]{1,40})""", re.I)


def _encoding(data: bytes) -> str:
    """The page's encoding: a BOM, its ``<meta charset>``, else UTF-8 if it decodes,
    else Windows-1252 (what browsers assume)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    declared = _CHARSET.search(data[:4096])
    if declared:
        return declared.group(1).decode("ascii").lower()
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


class _Builder:
    def __init__(self) -> None:
        self.lines: list[TextLine] = []
        self.parts: list[str] = []
        self.links: list[str] = []

    def text(self, value: str | None) -> None:
        if value:
            self.parts.append(value)

    def link(self, href: str) -> None:
        self.links.append(href.strip())

    def end_line(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text or self.links:
            self.lines.append(TextLine(text, tuple(self.links) if text else ()))
        self.parts, self.links = [], []


def _walk(element, builder: _Builder) -> None:
    # Iterative, so that deeply nested markup cannot exhaust the stack.
    stack: list[tuple[object, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower().rpartition("}")[2]
        if closing:
            if tag in BLOCKS:
                builder.end_line()
            builder.text(node.tail)
            continue
        if not tag or tag in SKIPPED:  # comments, processing instructions, skipped parts
            builder.text(node.tail)
            continue
        if tag in BLOCKS:
            builder.end_line()
        if tag == "br":
            builder.end_line()
            builder.text(node.tail)
            continue
        if tag == "a" and node.get("href"):
            builder.link(node.get("href"))
        builder.text(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def extract_html(data: bytes, name: str) -> list[TextLine]:
    import lxml.html

    if b"\x00" in data[:BINARY_PROBE]:
        raise ReportFormatError(f"{name} is a binary file, not an HTML page")
    try:
        encoding = _encoding(data)
        "".encode(encoding)
    except LookupError:
        encoding = "utf-8"
    parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, huge_tree=False)
    root = lxml.html.document_fromstring(data, parser=parser)
    builder = _Builder()
    _walk(root, builder)
    builder.end_line()
    return [TextLine(line.text.replace("\u00a0", " "), line.links) for line in builder.lines]
