"""Plain aligned text tables for the command line's listings.

Written here rather than with Rich's table (the library the rest of the command line
prints with) because importing Rich's console and table costs a short read command
about a third of ``binational --help`` (``docs/benchmarks.md``), and a listing needs
only aligned columns, the long ones wrapped to the terminal's width (``textwrap``).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Collection, Sequence

import typer

GAP = "  "
NARROWEST = 12  # a wrapped column is not made narrower than this


def column_widths(
    natural: Sequence[int], floors: Sequence[int], width: int, wrapped: Collection[int]
) -> list[int]:
    """Each column's width: its widest cell, the ``wrapped`` columns narrowed (the
    widest first, none below its floor) until the table fits in ``width``."""
    widths = list(natural)
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    while excess > 0:
        candidates = [i for i in wrapped if widths[i] > floors[i]]
        if not candidates:
            break
        widest = max(candidates, key=widths.__getitem__)
        widths[widest] -= 1
        excess -= 1
    return widths


def table_lines(
    headers: Sequence[str] | None,
    rows: Sequence[Sequence[object]],
    width: int,
    wrapped: Collection[int] = (),
) -> list[str]:
    """The table's lines: the header and a rule (unless ``headers`` is None), then
    each row, its ``wrapped`` columns wrapped to fit ``width``."""
    cells = [[str(cell) for cell in row] for row in rows]
    all_cells = ([list(headers)] if headers else []) + cells
    if not all_cells:
        return []
    columns = len(all_cells[0])
    natural = [max(len(row[i]) for row in all_cells) for i in range(columns)]
    # A wrapped column keeps its longest word whole (a slug, a URL), and NARROWEST.
    floors = [
        min(natural[i], max([NARROWEST, *(len(w) for row in cells for w in row[i].split())]))
        for i in range(columns)
    ]
    widths = column_widths(natural, floors, width, wrapped)
    lines = []
    if headers:
        lines.append(_joined(list(headers), widths))
        lines.append(_joined(["-" * w for w in widths], widths))
    for row in cells:
        parts = [_wrap(cell, widths[i]) if i in wrapped else [cell] for i, cell in enumerate(row)]
        for k in range(max(len(part) for part in parts)):
            lines.append(_joined([part[k] if k < len(part) else "" for part in parts], widths))
    return lines


def _wrap(cell: str, width: int) -> list[str]:
    """The cell's lines; slugs are not broken at their hyphens."""
    return textwrap.wrap(cell, width, break_on_hyphens=False) or [""]


def _joined(cells: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def print_table(
    headers: Sequence[str] | None, rows: Sequence[Sequence[object]], wrapped: Collection[int] = ()
) -> None:
    """Print the table on stdout, fitted to the terminal (80 columns when it is not
    one, or ``$COLUMNS``)."""
    width = shutil.get_terminal_size((80, 24)).columns
    for line in table_lines(headers, rows, width, wrapped):
        typer.echo(line)
