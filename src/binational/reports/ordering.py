"""Which events a report holds, in what order, with what numbers: pure functions
over ``ReportLine`` values.

The rules:

* excluded lines are left out;
* lines are grouped by the month of their date, months in calendar order;
* within a month, lines the analyst (or an imported report) placed keep their
  relative order, and the others are merged in by date;
* items are numbered 1..N across months.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby

from binational.errors import UserError
from binational.store.reports import ReportLine


def month_key(line: ReportLine) -> tuple[int, int]:
    return (line.date.value.year, line.date.value.month)


def merge_month(lines: Sequence[ReportLine]) -> list[ReportLine]:
    """One month's lines: the placed ones in their order, the others merged in by
    date (a loose line goes before the first placed line dated after it)."""
    placed = sorted((line for line in lines if line.position is not None), key=lambda x: x.position)
    loose = sorted(
        (line for line in lines if line.position is None),
        key=lambda line: (line.date.value, line.event_id),
    )
    merged: list[ReportLine] = []
    i = j = 0
    while i < len(placed) or j < len(loose):
        take_loose = j < len(loose) and (
            i == len(placed) or loose[j].date.value < placed[i].date.value
        )
        if take_loose:
            merged.append(loose[j])
            j += 1
        else:
            merged.append(placed[i])
            i += 1
    return merged


def order_lines(lines: Iterable[ReportLine]) -> list[ReportLine]:
    """The included lines in report order (see the module docstring)."""
    included = sorted((line for line in lines if not line.excluded), key=month_key)
    ordered: list[ReportLine] = []
    for _, group in groupby(included, key=month_key):
        ordered.extend(merge_month(list(group)))
    return ordered


def report_numbers(lines: Iterable[ReportLine]) -> dict[int, int]:
    """event id -> its number in the report."""
    return {line.event_id: n for n, line in enumerate(order_lines(lines), start=1)}


def moved(order: Sequence[ReportLine], event_id: int, delta: int) -> list[int]:
    """Event ids in their new order after moving ``event_id`` by ``delta`` (-1 up,
    +1 down) within its month; refused at the edge of the month."""
    ids = [line.event_id for line in order]
    if event_id not in ids:
        raise UserError(f"event {event_id} is not an included item of this report")
    index = ids.index(event_id)
    target = index + delta
    if (
        delta not in (-1, 1)
        or not 0 <= target < len(ids)
        or (month_key(order[target]) != month_key(order[index]))
    ):
        edge = "first" if delta < 0 else "last"
        raise UserError(f"event {event_id} is already the {edge} item of its month")
    ids[index], ids[target] = ids[target], ids[index]
    return ids
