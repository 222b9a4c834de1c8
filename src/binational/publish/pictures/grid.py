"""The scorecard's continuity grid: one row per institution, one cell per period (the
four before and the scored one), shaded by how many linked events the period holds,
the count written in the cell, then the institution's mark as a coloured label.

A period in which the database holds no events at all is drawn hatched ("no data"):
a blank there says nothing about the institution."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from binational.publish.pictures import Picture
from binational.publish.pictures.svg import Svg, shortened

WIDTH = 620.0
NAME_WIDTH = 262.0
CELL, GAP = 44.0, 4.0
ROW, LINE, LEGEND = 20.0, 12.0, 26.0
MARK_WIDTH = 104.0
NO_DATA = "#eaeef2"
# Light to dark blue by count: 1, 2-3, 4-7, 8 and more (ColorBrewer "Blues").
SHADES = ((8, "#08306b"), (4, "#2171b5"), (2, "#6baed6"), (1, "#c6dbef"))
HATCH = (
    '<defs><pattern id="{ident}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#eaeef2"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#afb8c1" stroke-width="2"/></pattern></defs>'
)


@dataclass(frozen=True)
class GridRow:
    """One institution: its name, events per period (oldest first), its mark's label
    and the label's colour."""

    name: str
    counts: tuple[int, ...]
    mark: str
    colour: str


def shade(count: int) -> str | None:
    for least, colour in SHADES:
        if count >= least:
            return colour
    return None


def continuity_grid(
    rows: Sequence[GridRow],
    columns: Sequence[str],
    covered: Sequence[bool],
    title: str,
    alt: str,
    no_data_label: str,
    ident: str = "continuity-grid",
) -> Picture:
    """``columns``: the periods' short labels, oldest first (a label may hold a line
    break: two lines); ``covered``: whether the database holds any event in each (else
    the column is hatched)."""
    lines = max((label.count("\n") + 1 for label in columns), default=1)
    header = 10 + LINE * lines
    height = header + ROW * len(rows) + LEGEND
    svg = Svg(WIDTH, height, title, alt, ident)
    svg.raw(HATCH.format(ident=ident))
    hatch = f"url(#{ident}-hatch)"
    for index, label in enumerate(columns):
        x = NAME_WIDTH + index * (CELL + GAP) + CELL / 2
        for number, part in enumerate(label.split("\n")):
            svg.text(x, 14 + number * LINE, part, 10, text_anchor="middle", font_weight="bold",
                     fill="#595959")  # fmt: skip
    for number, row in enumerate(rows):
        top = header + number * ROW
        if number % 2:
            svg.rect(0, top, WIDTH, ROW, fill="#f6f8fa")
        svg.text(4, top + 14, shortened(row.name, 40), 10)
        for index, count in enumerate(row.counts):
            x = NAME_WIDTH + index * (CELL + GAP)
            if index < len(covered) and not covered[index]:
                svg.rect(x, top + 3, CELL, ROW - 6, fill=hatch)
                continue
            fill = shade(count)
            svg.rect(x, top + 3, CELL, ROW - 6, fill=fill or "#ffffff", stroke="#d0d7de",
                     stroke_width=1)  # fmt: skip
            if count:
                ink = "#ffffff" if count >= 4 else "#1b1b1b"
                svg.text(x + CELL / 2, top + 14, str(count), 10, text_anchor="middle", fill=ink)
        left = NAME_WIDTH + len(columns) * (CELL + GAP) + 4
        svg.rect(left, top + 2, MARK_WIDTH, ROW - 4, fill=row.colour, rx=3)
        svg.text(left + MARK_WIDTH / 2, top + 14, row.mark, 10, text_anchor="middle",
                 fill="#ffffff", font_weight="bold")  # fmt: skip
    legend = header + ROW * len(rows) + 8
    svg.rect(4, legend, 22, 12, fill=hatch)
    svg.text(32, legend + 10, no_data_label, 10, fill="#595959")
    return Picture(svg.render(), alt, WIDTH, height)
