"""The report's fixed words and the shaping of its paragraphs, shared by every renderer.

The center's reports always label the analysis "Institutional Implications:"; keeping
that label (and the few other fixed phrases) here means every format prints the same
words, and the importer of the text layout has one string to look for.
"""

from __future__ import annotations

import re

IMPLICATIONS_LABEL = "Institutional Implications:"
# The background of an event (the 2022 layout's "Institutional context"), printed
# after the summary and before the implications.
CONTEXT_LABEL = "Institutional context:"
CONTENTS_LABEL = "Contents"
TRUNCATED_NOTE = "This item is incomplete: its source text ends here."

# The overview of a report longer than a quarter (publish/overview.py).
OVERVIEW_LABEL = "Overview"
BY_MONTH_LABEL = "Events by month"
BY_CATEGORY_LABEL = "Events by category"
CATEGORY_NOTE = (
    "An event linked to institutions of several categories counts once in each; "
    "{unlinked} linked to no institution."
)
MOST_ACTIVE_LABEL = "Most active institutions"
CHANGES_LABEL = "Institutions established, relaunched, suspended or lapsed"
NO_CHANGES = "The registry records no such change in this period, and none lapsed."
MONTH_COLUMN, EVENTS_COLUMN, CATEGORY_COLUMN = "Month", "Events", "Category"
INSTITUTION_COLUMN, DATE_COLUMN, CHANGE_COLUMN, NOTE_COLUMN = (
    "Institution", "Date", "Change", "What it rests on",
)  # fmt: skip
CHANGE_WORDS = {
    "established": "Established", "relaunched": "Relaunched", "suspended": "Suspended",
    "ended": "Ended", "lapsed": "Lapsed",
}  # fmt: skip


def events_count(count: int) -> str:
    """'1 event', '12 events'."""
    return f"{count} event" if count == 1 else f"{count} events"


_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n|\u2028|\u2029)\s*")


def single_line(text: str) -> str:
    """The text on one line: line breaks inside it become one space.

    Line-oriented formats (txt, md) give each paragraph exactly one line; a stray line
    break inside a stored paragraph would otherwise split it into two paragraphs (or,
    in txt, into a line the importer could read as a title or a month heading).
    Spaces within a line are kept as they are, so paragraphs round-trip verbatim.
    """
    return _LINE_BREAK.sub(" ", text).strip()


def paragraphs(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The non-empty paragraphs of ``texts``, each on one line."""
    return tuple(line for line in (single_line(text) for text in texts) if line)
