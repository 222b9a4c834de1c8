"""The overview's events-per-month bars: one bar per month of the period, its count
above it, the month below, the year under each January (and under the first month)."""

from __future__ import annotations

from collections.abc import Sequence

from binational.domain import MONTH_NAMES, MONTH_NAMES_ES
from binational.publish.pictures import Picture
from binational.publish.pictures.svg import Svg

WIDTH = 620.0
HEIGHT = 190.0
TOP, BOTTOM, SIDE = 18.0, 34.0, 6.0
BAR = "#0b4f6c"
AXIS = "#8c959f"

WORDS = {
    "en": {"title": "Events per month", "in_all": "{n} in all", "most": "most in {month}, {n}",
           "none": "no events"},
    "es": {"title": "Eventos por mes", "in_all": "{n} en total", "most": "más en {month}, {n}",
           "none": "ningún evento"},
}  # fmt: skip


def month_name(year: int, month: int, language: str) -> str:
    names = MONTH_NAMES_ES if language == "es" else MONTH_NAMES
    return f"{names[month - 1]} {year}"


def bars_alt(months: Sequence[tuple[int, int, int]], language: str = "en") -> str:
    """The picture as a sentence: every month's count, the total and the busiest month."""
    words = WORDS["es" if language == "es" else "en"]
    if not months:
        return f"{words['title']}: {words['none']}."
    listed = ", ".join(f"{month_name(y, m, language)}: {n}" for y, m, n in months)
    total = sum(n for _, _, n in months)
    busiest = max(months, key=lambda row: row[2])
    most = words["most"].format(month=month_name(busiest[0], busiest[1], language), n=busiest[2])
    return f"{words['title']}: {listed} ({words['in_all'].format(n=total)}; {most})."


def month_bars(
    months: Sequence[tuple[int, int, int]], language: str = "en", ident: str = "month-bars"
) -> Picture:
    """``months``: (year, month, events) for every month of the period, in order."""
    words = WORDS["es" if language == "es" else "en"]
    names = MONTH_NAMES_ES if language == "es" else MONTH_NAMES
    alt = bars_alt(months, language)
    svg = Svg(WIDTH, HEIGHT, words["title"], alt, ident)
    slot = (WIDTH - 2 * SIDE) / max(len(months), 1)
    bar = min(slot * 0.72, 44.0)  # a few months' bars stay bars, not blocks
    plot = HEIGHT - TOP - BOTTOM
    peak = max((n for _, _, n in months), default=0) or 1
    base = TOP + plot
    label_size = 10 if slot >= 24 else 8
    for index, (year, month, count) in enumerate(months):
        left = SIDE + index * slot
        centre = left + slot / 2
        height = plot * count / peak
        svg.rect(centre - bar / 2, base - height, bar, height, fill=BAR)
        if slot >= 14 or count == peak:
            svg.text(centre, base - height - 4, str(count), label_size, text_anchor="middle")
        name = names[month - 1]
        short = name[:3] if slot >= 24 else name[:1].upper()
        svg.text(centre, base + 13, short, label_size, text_anchor="middle", fill="#595959")
        if month == 1 or index == 0:
            svg.text(left + 1, base + 27, str(year), 10, font_weight="bold", fill="#595959")
    svg.line(SIDE, base, WIDTH - SIDE, base, stroke=AXIS, stroke_width=1)
    return Picture(svg.render(), alt, WIDTH, HEIGHT)
