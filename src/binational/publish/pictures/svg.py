"""A small SVG writer: shapes and text as elements, escaped, in one ``<svg>`` document.

Hand-built rather than drawn with a plotting library: the report's three pictures
(bars, a grid, a timeline strip) are a few dozen rectangles, lines and labels each.
matplotlib would take about a second to import and render one figure (the quarterly
report's whole budget is 5 ms per event) and writes several times the bytes; here a
picture is a string built in well under a millisecond, identical for identical data,
and readable in a diff.

Only presentation attributes are used (``fill``, ``stroke``, ``font-size``), never
``style``: the web app's Content-Security-Policy forbids inline styles, and Typst's
SVG reader and Word's PNG (made by Typst) read attributes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

FONT = "DejaVu Sans, Verdana, sans-serif"


def number(value: float) -> str:
    """A coordinate as short text: '12', '12.5', never '12.500000001'."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attributes(values: dict[str, object]) -> str:
    """' name="value"' pairs; ``None`` values are left out, floats shortened, and an
    underscore in a name becomes a hyphen (``font_size`` -> ``font-size``)."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        text = number(value) if isinstance(value, float | int) else str(value)
        parts.append(f" {name.rstrip('_').replace('_', '-')}={quoteattr(text)}")
    return "".join(parts)


@dataclass
class Svg:
    """An SVG document being drawn; ``render()`` gives its text.

    ``title`` and ``description`` become ``<title>`` and ``<desc>``, the picture's
    accessible name and text alternative (``role="img"`` with ``aria-labelledby``),
    so an inline SVG in a web page is announced like an image with alt text. ``ident``
    keeps the ids unique when several pictures share one page.
    """

    width: float
    height: float
    title: str
    description: str
    ident: str = "picture"
    elements: list[str] = field(default_factory=list)

    def add(self, tag: str, content: str | None = None, **values: object) -> None:
        if content is None:
            self.elements.append(f"<{tag}{attributes(values)}/>")
        else:
            self.elements.append(f"<{tag}{attributes(values)}>{escape(content)}</{tag}>")

    def rect(self, x: float, y: float, width: float, height: float, **values: object) -> None:
        self.add("rect", x=x, y=y, width=max(width, 0), height=max(height, 0), **values)

    def line(self, x1: float, y1: float, x2: float, y2: float, **values: object) -> None:
        self.add("line", x1=x1, y1=y1, x2=x2, y2=y2, **values)

    def circle(self, cx: float, cy: float, r: float, **values: object) -> None:
        self.add("circle", cx=cx, cy=cy, r=r, **values)

    def text(self, x: float, y: float, content: str, size: float = 11, **values: object) -> None:
        values.setdefault("fill", "#1b1b1b")
        self.add("text", content, x=x, y=y, font_family=FONT, font_size=size, **values)

    def raw(self, markup: str) -> None:
        """Markup made by this module's caller from constants only (a ``<defs>``)."""
        self.elements.append(markup)

    def render(self) -> str:
        title_id, desc_id = f"{self.ident}-title", f"{self.ident}-desc"
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{number(self.width)}" '
            f'height="{number(self.height)}" viewBox="0 0 {number(self.width)} '
            f'{number(self.height)}" role="img" aria-labelledby="{title_id} {desc_id}">'
            f'<title id="{title_id}">{escape(self.title)}</title>'
            f'<desc id="{desc_id}">{escape(self.description)}</desc>'
        )
        return head + "".join(self.elements) + "</svg>"


def shortened(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (SVG text does not wrap)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
