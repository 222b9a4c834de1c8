"""From the text runs of PDF pages to paragraphs: pure geometry, no PDF library.

A PDF has no paragraphs, only runs of glyphs placed on pages. The rules:

* runs are taken in the order the file draws them (the producer's reading order:
  a multi-column page is written column by column), and consecutive runs on one
  baseline make a line;
* list markers drawn on their own ('•') are dropped, and so is page furniture: page
  numbers ('Page 3 of 9', '12') in the top or bottom margin, and lines repeated in
  the margins of most pages (running headers);
* a line continues the paragraph of the line before when both have the same type
  size and the line before is *full*: the first word of the next line would not have
  fitted after it. A line-breaker only ends a line early at the end of a paragraph.
  On the same page a gap wider than the size's usual line pitch also ends a paragraph
  (paragraph spacing). Across a page or column break, where spacing says nothing, a
  full line that ends a sentence well above the foot of its page (room was left)
  ended its paragraph.

A tagged PDF marks its paragraphs (``pdf_tags``): where both lines carry the mark, it
decides. What an untagged PDF cannot tell: a paragraph whose last line happens to be
full and sits at the very foot of a page reads as going on over the page (the next
paragraph is joined to it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from binational.intake.extracted import TextLine

PAGE_NUMBER = re.compile(
    r"(?:page|página|pag\.?)?\s{0,3}\d{1,4}(?:\s{0,3}(?:of|de|/)\s{0,3}\d{1,4})?|-\s?\d{1,4}\s?-",
    re.IGNORECASE,
)
# List markers drawn apart from their item's text (WeasyPrint draws them last).
MARKERS = frozenset("•◦▪▫●○■□‣∙·-–—*")
MARGIN = 0.09  # the top and bottom 9% of a page hold its furniture
GAP_FACTOR = 1.3  # a pitch this much wider than the style's usual one ends a paragraph


@dataclass(frozen=True)
class Run:
    """Glyphs drawn by one text operation, on one baseline (PDF user space: y up)."""

    x0: float
    x1: float
    y: float
    size: float
    font: str
    text: str
    first_word_x1: float | None = None  # where the first space starts, if any
    block: int | None = None  # the tagged paragraph it belongs to (a tagged PDF)


@dataclass(frozen=True)
class LinkArea:
    x0: float
    y0: float
    x1: float
    y1: float
    url: str


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    runs: tuple[Run, ...]
    links: tuple[LinkArea, ...] = ()


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    y: float
    size: float
    parts: list[str] = field(default_factory=list)
    fonts: Counter = field(default_factory=Counter)
    first_word_x1: float | None = None
    links: list[str] = field(default_factory=list)
    block: int | None = None

    @property
    def text(self) -> str:
        """The line's text. A soft hyphen inside a line is a visible hyphen: producers
        map their one hyphen glyph to U+00AD when they also hyphenate with it (Typst)."""
        text = " ".join("".join(self.parts).split())
        if "\u00ad" in text[:-1]:
            text = text[:-1].replace("\u00ad", "-") + text[-1]
        return text

    @property
    def font(self) -> str:
        return self.fonts.most_common(1)[0][0] if self.fonts else ""

    @property
    def first_word_width(self) -> float:
        end = self.first_word_x1 if self.first_word_x1 is not None else self.x1
        return max(0.0, end - self.x0)


def _joins(line: Line, run: Run) -> bool:
    size = max(line.size, run.size, 1.0)
    return (
        abs(run.y - line.y) < 0.3 * size
        and run.x0 >= line.x1 - 0.5 * size
        and run.x0 - line.x1 < 3 * size
    )


def page_lines(page: Page, number: int) -> list[Line]:
    """The page's runs joined into lines, in drawing order."""
    lines: list[Line] = []
    current: Line | None = None
    for run in page.runs:
        if not run.text.strip():
            if current is not None and _joins(current, run):
                current.parts.append(" ")
            continue
        if current is not None and _joins(current, run):
            if run.x0 - current.x1 > 0.2 * max(run.size, 1.0):
                current.parts.append(" ")
            current.parts.append(run.text)
            current.x1 = max(current.x1, run.x1)
            current.size = max(current.size, run.size)
            if current.first_word_x1 is None and " " in "".join(current.parts).strip():
                current.first_word_x1 = run.x0 if run.first_word_x1 is None else run.first_word_x1
        else:
            current = Line(number, run.x0, run.x1, run.y, run.size, [run.text], block=run.block)
            leading = run.text[: len(run.text) - len(run.text.lstrip())]
            current.first_word_x1 = run.first_word_x1 if not leading else None
            lines.append(current)
        current.fonts[run.font] += len(run.text.strip())
    _attach_links(lines, page.links)
    return [line for line in lines if line.text and not set(line.text) <= MARKERS]


def _attach_links(lines: list[Line], links: Iterable[LinkArea]) -> None:
    for area in links:
        for line in lines:
            tolerance = 0.35 * line.size
            if (
                area.y0 - tolerance <= line.y <= area.y1
                and area.x0 < line.x1
                and area.x1 > line.x0
                and area.url not in line.links
            ):
                line.links.append(area.url)


def _furniture(lines: Sequence[Line], pages: Sequence[Page]) -> set[int]:
    """ids of page numbers and running headers or footers."""
    in_margin = []
    for line in lines:
        page = pages[line.page]
        height = page.height or 792.0
        if line.y > height * (1 - MARGIN) or line.y < height * MARGIN:
            in_margin.append(line)
    repeated = Counter(line.text for line in in_margin)
    many = max(3, len(pages) // 2)
    return {
        id(line)
        for line in in_margin
        if PAGE_NUMBER.fullmatch(line.text) or repeated[line.text] >= many
    }


def _usual_pitches(lines: Sequence[Line]) -> dict[float, float]:
    """The most common distance between the baselines of consecutive lines, per style."""
    seen: dict[float, Counter] = {}
    for before, after in zip(lines, lines[1:], strict=False):
        if before.page != after.page or _style(before) != _style(after):
            continue
        pitch = before.y - after.y
        if 0 < pitch < 3 * max(before.size, 1.0):
            seen.setdefault(_style(before), Counter())[round(pitch * 2) / 2] += 1
    return {style: counter.most_common(1)[0][0] for style, counter in seen.items()}


def _style(line: Line) -> float:
    """What must match for two lines to be one paragraph: the type size. Not the font:
    a paragraph changes font within a line ('(10.28.22) Learn more', bold then a
    link), and a line may wrap just there."""
    return round(line.size * 2) / 2


def _edge(ends: list[float], limit: float) -> float:
    """Where the full lines among ``ends`` end: the longest line, leaving out lines that
    overflow past the mirror of the left margin (a long URL), unless most lines do."""
    inside = [end for end in ends if end <= limit + 2]
    return max(inside) if len(inside) >= len(ends) / 2 else max(ends)


def _right_edges(lines: Sequence[Line], pages: Sequence[Page]) -> dict[int, float]:
    """Where full lines end, per column (lines grouped by where they start); a column
    of a few lines takes the edge of all lines."""
    if not lines:
        return {}
    limit = max(page.width for page in pages) - min(line.x0 for line in lines)
    by_column: dict[int, list[float]] = {}
    for line in lines:
        by_column.setdefault(round(line.x0 / 20), []).append(line.x1)
    overall = _edge([line.x1 for line in lines], limit)
    return {
        column: _edge(ends, limit) if len(ends) >= 5 else overall
        for column, ends in by_column.items()
    }


def _continues(before: Line, after: Line, pitch: float | None, edge: float, bottom: float) -> bool:
    if before.block is not None and after.block is not None:
        return before.block == after.block  # a tagged PDF says it
    if _style(before) != _style(after):
        return False
    # A space is about a third of an em (DejaVu 0.32, Times 0.25, Helvetica 0.28); the
    # wider guess and a point of slack keep a full line from looking short.
    space = 0.35 * before.size
    if before.x1 + space + after.first_word_width < edge - 1.0:
        return False  # the next word would have fitted: the paragraph ended
    if before.page == after.page and after.y < before.y:
        gap = before.y - after.y
        return pitch is None or gap <= pitch * GAP_FACTOR + 0.5
    # A new page or column, after a full line. A paragraph that goes on fills the
    # page to its foot; a line ending a sentence well above the foot, with room left,
    # ended its paragraph (the next one did not fit there).
    room = before.y - bottom
    line_pitch = pitch or 1.2 * before.size
    return room < 1.5 * line_pitch or not ends_sentence(before.text)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip("\"'”’)]»")
    return bool(stripped) and stripped[-1] in ".!?…:"


_WORD_EDGE = "\"'“”‘’()[]«».,;:!?"


def words_of(lines: Iterable[Line]) -> set[str]:
    """The document's words, lowercased (hyphenated ones kept whole), to tell a
    hyphenation from a hyphenated word at the end of a line."""
    return {word.strip(_WORD_EDGE).lower() for line in lines for word in line.text.split()}


def _join(text: str, more: str, words: set[str]) -> str:
    """``text`` and the next line's ``more``, as one paragraph.

    After a hyphen ('-' or a soft hyphen) the lines are joined without a space; the
    hyphen is dropped when it was a hyphenation: the joined word occurs elsewhere in
    the document and the hyphenated one does not ('imple-' 'mentation'), or, for a
    soft hyphen, when neither does. A slash ('and/' 'or') also joins without a space.
    """
    if len(text) > 1 and text[-1] in "-\u00ad" and not text[-2].isspace():
        head = text[:-1].rsplit(" ", 1)[-1].lstrip(_WORD_EDGE)
        tail = more.split(" ", 1)[0].rstrip(_WORD_EDGE)
        joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
        if text[-1] == "\u00ad":
            drop = hyphenated not in words or joined in words
        else:
            drop = joined in words and hyphenated not in words
        return text[:-1] + more if drop else text[:-1] + "-" + more
    if len(text) > 1 and text[-1] == "/" and not text[-2].isspace():
        return text + more
    return f"{text} {more}"


def paragraphs(pages: Sequence[Page]) -> list[TextLine]:
    """The pages' text as paragraphs, one ``TextLine`` each, with their links."""
    lines = [line for number, page in enumerate(pages) for line in page_lines(page, number)]
    furniture = _furniture(lines, pages)
    lines = [line for line in lines if id(line) not in furniture]
    pitches = _usual_pitches(lines)
    words = words_of(lines)
    edges = _right_edges(lines, pages)
    bottom = min((line.y for line in lines), default=0.0)
    out: list[TextLine] = []
    text, links = "", []
    previous: Line | None = None
    for line in lines:
        if previous is not None and _continues(
            previous,
            line,
            pitches.get(_style(previous)),
            edges[round(previous.x0 / 20)],
            bottom,
        ):
            text = _join(text, line.text, words)
        else:
            if previous is not None:
                out.append(TextLine(text, tuple(links)))
            text, links = line.text, []
        links.extend(url for url in line.links if url not in links)
        previous = line
    if previous is not None:
        out.append(TextLine(text, tuple(links)))
    return out
