"""The text of a report file, whatever its format: one line per paragraph.

Every extractor (``intake/formats``) turns its file into ``TextLine`` values and every
layout parser reads them, so a layout is parsed the same way from .txt, .md, .html,
.docx or .pdf. A line keeps the targets of the hyperlinks it carries (in order): that
is how the URL behind a "Link" or "Learn more" reaches the event.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    text: str
    links: tuple[str, ...] = ()


def lines_of_text(text: str) -> list[TextLine]:
    """Plain text as lines (no hyperlinks): any line ending, a BOM and non-breaking
    spaces are normalized, each line is stripped."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u2028", "\n").replace("\u2029", "\n")
    return [TextLine(line.strip()) for line in text.split("\n")]
