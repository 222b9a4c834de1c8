"""Which layout a report is in: recognized from its marks, or forced by the user.

The two layouts share their header and numbered items; they differ in how an item
gives its date and text. The 2022 newsletter dates an item on its title line
('1) Title (10.24.22) Learn more') and opens it with an 'Institutional context -'
paragraph or a paragraph that repeats the title; the 2023 layout puts a date line
('April 12, 2023 Link') under the title. The layout whose marks the file carries
more of wins; with no mark of either (items of bare paragraphs) the 2023 layout,
the one binational writes, reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from binational.errors import UserError
from binational.intake import newsletter2022, seed2023
from binational.intake.extracted import TextLine
from binational.intake.frame import find_frame
from binational.intake.marks import CONTEXT, ITEM, labelled, printed_date, strip_bullet
from binational.intake.parsed import ParsedReport, ReportFormatError

Parser = Callable[[Sequence[TextLine], str], ParsedReport]
LAYOUTS: dict[str, Parser] = {
    seed2023.NAME: seed2023.parse_lines,
    newsletter2022.NAME: newsletter2022.parse_lines,
}


def layout_scores(lines: Sequence[TextLine]) -> dict[str, int]:
    """How many marks of each layout the lines carry."""
    scores = dict.fromkeys(LAYOUTS, 0)
    previous_item_title: str | None = None
    for line in lines:
        text = strip_bullet(line.text)
        if not text:
            continue
        item = ITEM.match(text)
        if item:
            title = item.group("title")
            _, date, link_text, _ = _item_line(title)
            if date is not None or link_text is not None:
                scores[newsletter2022.NAME] += 2
            previous_item_title = title
            continue
        if previous_item_title is not None:
            if _safe_date(text):
                scores[seed2023.NAME] += 2
            elif newsletter2022.repeated_title(previous_item_title, text) is not None:
                scores[newsletter2022.NAME] += 1
            previous_item_title = None
        context = labelled(CONTEXT, text)
        if context is not None and text[len("Institutional context") :].lstrip()[:1] in "-–—":
            scores[newsletter2022.NAME] += 1
    return scores


def _item_line(title: str):
    try:
        return newsletter2022.split_item_line(title, ())
    except UserError:
        return title, None, None, None


def _safe_date(text: str) -> bool:
    try:
        return printed_date(text) is not None
    except UserError:
        return True  # 'April 31, 2023': a date line with an impossible date


def detect_layout(lines: Sequence[TextLine], name: str) -> str:
    """The name of the layout ``lines`` are in; one sentence naming the known layouts
    when they are in none."""
    find_frame(lines, name)  # no header, or items before it: not a report
    if not any(ITEM.match(strip_bullet(line.text)) for line in lines if line.text):
        raise ReportFormatError(f"{name} has a report header but no numbered items like '1) Title'")
    scores = layout_scores(lines)
    if scores[newsletter2022.NAME] > scores[seed2023.NAME]:
        return newsletter2022.NAME
    return seed2023.NAME


def check_layout(layout: str | None) -> None:
    """One sentence naming the layouts when ``layout`` is not one of them."""
    if layout is not None and layout not in LAYOUTS:
        known = " and ".join(LAYOUTS)
        raise UserError(f"there is no layout {layout!r}; the layouts are {known}")


def parse_layout(lines: Sequence[TextLine], name: str, layout: str | None = None) -> ParsedReport:
    """Parse ``lines`` in ``layout``, or in the layout they are recognized to be in."""
    check_layout(layout)
    return LAYOUTS[layout or detect_layout(lines, name)](lines, name)
