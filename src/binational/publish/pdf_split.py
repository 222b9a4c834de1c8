"""Cut a report into consecutive parts of about the same amount of text.

WeasyPrint's time grows with the lines it lays out, so parts of equal text length take
about equal time when printed side by side (see ``pdf.py``). Pure functions: no
WeasyPrint, no PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise

from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.html import ReportPart

# Characters an item costs besides its text: number, date line, link, margins and the
# "Implications" heading take about as much room as two lines of text.
ENTRY_OVERHEAD = 200


def entry_weight(entry: ReportEntry) -> int:
    """About how much an item costs to lay out: its characters plus a fixed overhead."""
    text = sum(len(paragraph) for paragraph in (*entry.summary, *entry.implications))
    return len(entry.title) + text + ENTRY_OVERHEAD


def split_points(weights: Sequence[int], parts: int, head: int = 0) -> list[int]:
    """Where to cut ``weights`` into ``parts`` non-empty consecutive runs of about equal
    sum: the start index of every run after the first. ``head`` is extra weight before
    the first item (the report's header and intro, printed with the first part).

    Fewer cuts when there are fewer items than parts.
    """
    parts = max(1, min(parts, len(weights)))
    ends = list(accumulate(weights, initial=head))[1:]  # weight up to and including item i
    total = ends[-1] if ends else 0
    cuts: list[int] = []
    for k in range(1, parts):
        target = total * k / parts
        # The first item whose end reaches the target, or the one before it if that
        # ends closer to the target.
        index = next(i for i, end in enumerate(ends) if end >= target)
        if index > 0 and target - ends[index - 1] < ends[index] - target:
            index -= 1
        cut = index + 1
        low = (cuts[-1] + 1) if cuts else 1  # every run keeps at least one item
        high = len(weights) - (parts - k)
        cuts.append(min(max(cut, low), high))
    return cuts


def _part(
    doc: ReportDocument, start: int, stop: int, positions: Sequence[tuple[int, int]]
) -> ReportPart:
    """Entries ``start`` to ``stop`` (exclusive) of ``doc``; ``positions[i]`` is entry
    i's (section index, index within the section). A month without entries goes with
    the part after it (or with the last part), so that every heading is printed once."""
    first_section, first_index = positions[start]
    if start == 0:
        first_section = 0
    elif first_index == 0:
        first_section = positions[start - 1][0] + 1
    last_section, last_index = positions[stop - 1]
    if stop == len(positions):
        last_section, last_index = len(doc.sections) - 1, None
    sections = []
    for number in range(first_section, last_section + 1):
        section = doc.sections[number]
        low = first_index if number == positions[start][0] else 0
        high = last_index + 1 if number == last_section and last_index is not None else None
        sections.append(
            MonthSection(month=section.month, year=section.year, entries=section.entries[low:high])
        )
    return ReportPart(
        document=doc,
        sections=tuple(sections),
        front_matter=start == 0,
        continues_month=first_index > 0,
    )


def split_document(doc: ReportDocument, parts: int) -> tuple[ReportPart, ...]:
    """``doc`` as at most ``parts`` parts of consecutive entries and about equal text
    length, in order; the first carries the front matter."""
    positions = [
        (number, index)
        for number, section in enumerate(doc.sections)
        for index in range(len(section.entries))
    ]
    if not positions:
        return (ReportPart(doc, doc.sections, front_matter=True, continues_month=False),)
    head = len(doc.intro) + ENTRY_OVERHEAD
    cuts = split_points([entry_weight(entry) for entry in doc.entries], parts, head)
    bounds = [0, *cuts, len(positions)]
    return tuple(_part(doc, start, stop, positions) for start, stop in pairwise(bounds))
