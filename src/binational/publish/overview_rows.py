"""The overview's tables as rows of plain strings, so that every format prints the
same words and numbers: each renderer only decides how a table looks."""

from __future__ import annotations

from dataclasses import dataclass

from binational.domain import Period
from binational.publish.overview import InstitutionChange, Overview
from binational.publish.wording import (
    BY_CATEGORY_LABEL,
    BY_MONTH_LABEL,
    CATEGORY_COLUMN,
    CATEGORY_NOTE,
    CHANGE_COLUMN,
    CHANGE_WORDS,
    CHANGES_LABEL,
    DATE_COLUMN,
    EVENTS_COLUMN,
    INSTITUTION_COLUMN,
    MONTH_COLUMN,
    MOST_ACTIVE_LABEL,
    NO_CHANGES,
    NOTE_COLUMN,
    events_count,
)


@dataclass(frozen=True)
class Table:
    """A titled table: its heading, column names, rows, and a note under it (or '')."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    empty: str = ""  # said instead of the table when it has no rows


def summary_sentence(overview: Overview, period: Period) -> str:
    """'1000 events in 2023.'"""
    return f"{events_count(overview.events)} in {period.label}."


def change_note(change: InstitutionChange) -> str:
    """The note and the source a change rests on, on one line."""
    parts = [part for part in (change.note, change.source) if part]
    return "; ".join(parts)


def overview_tables(overview: Overview) -> tuple[Table, ...]:
    """By month, by category, the most active institutions, the changes."""
    unlinked = events_count(overview.unlinked)
    return (
        Table(
            BY_MONTH_LABEL, (MONTH_COLUMN, EVENTS_COLUMN),
            tuple((row.name, str(row.events)) for row in overview.months),
        ),
        Table(
            BY_CATEGORY_LABEL, (CATEGORY_COLUMN, EVENTS_COLUMN),
            tuple((row.label, str(row.events)) for row in overview.categories),
            note=CATEGORY_NOTE.format(unlinked=unlinked),
        ),
        Table(
            MOST_ACTIVE_LABEL, (INSTITUTION_COLUMN, EVENTS_COLUMN),
            tuple((row.name, str(row.events)) for row in overview.most_active),
        ),
        Table(
            CHANGES_LABEL, (DATE_COLUMN, CHANGE_COLUMN, INSTITUTION_COLUMN, NOTE_COLUMN),
            tuple(
                (c.date, CHANGE_WORDS.get(c.change, c.change), c.name, change_note(c))
                for c in overview.changes
            ),
            empty=NO_CHANGES,
        ),
    )  # fmt: skip
