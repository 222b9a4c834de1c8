"""The scorecard's parts as plain strings and pictures, shared by every renderer: the
title lines, the marks' summary, each category's table and continuity grid, and each
institution's evidence. Renderers only lay them out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from binational.domain import Period, PeriodKind
from binational.publish.pictures import Picture
from binational.publish.pictures.grid import GridRow, continuity_grid
from binational.publish.scorecard_document import (
    MARK_COLOURS,
    MARK_ORDER,
    EventLink,
    ScorecardDocument,
    ScorecardRow,
    StatusStep,
)
from binational.publish.scorecard_words import (
    cadence_word,
    category_word,
    long_date,
    mark_word,
    months_text,
    period_label,
    reason_text,
    status_word,
    trend_word,
    word,
)


def title(document: ScorecardDocument) -> str:
    """'Scorecard | 2023'."""
    language = document.language
    return f"{word('title', language)} | {period_label(document.period, language)}"


def as_of_line(document: ScorecardDocument) -> str:
    """'As of December 31, 2023 · 80 institutions'."""
    language = document.language
    day = word("as_of", language, date=long_date(document.as_of, language))
    return f"{day} · {word('institutions_n', language, n=len(document.rows))}"


def summary_line(document: ScorecardDocument) -> str:
    """'lapsed 5 · overdue 1 · on cadence 3 · ...', marks in their order."""
    return " · ".join(
        f"{mark_word(mark, document.language)} {document.count(mark)}" for mark in MARK_ORDER
    )


def anchor(row: ScorecardRow) -> str:
    """The id of a row's evidence: 'evidence-hled'."""
    return f"evidence-{row.slug}"


def short_period(period: Period) -> str:
    """A period's label for a grid column: '2023', '2023Q2', '2023-05', or a range on
    two lines."""
    if period.kind is PeriodKind.RANGE:
        first, last = str(period).split("..")
        return f"{first}\n{last}"
    return str(period)


def columns(document: ScorecardDocument) -> tuple[str, ...]:
    language = document.language
    events = word(
        "events_column", language, period=str(document.period), first=str(document.periods[0]),
        last=str(document.periods[-2]),
    )  # fmt: skip
    return (
        word("institution", language), word("status", language), events,
        word("last_activity", language),
        f"{word('since_last', language)} · {word('median', language)}",
        word("mark", language), word("trend", language),
    )  # fmt: skip


def status_text(row: ScorecardRow, language: str) -> str:
    status = status_word(row.status, language)
    return f"{status} ({row.status_step.date})" if row.status_step else status


def counts_text(row: ScorecardRow, covered: tuple[bool, ...]) -> str:
    """'3 (0 · 1 · 1 · 2)': the period's count, then the four before, oldest first; a
    dash for a period the data does not cover."""
    shown = [str(count) if known else "–" for count, known in zip(row.counts, covered,
                                                                   strict=True)]  # fmt: skip
    *before, now = shown
    return f"{now} ({' · '.join(before)})"


def mark_text(row: ScorecardRow, language: str) -> str:
    """'overdue (annual)'; the cadence only when there is one."""
    mark = mark_word(row.mark, language)
    return f"{mark} ({cadence_word(row.cadence, language)})" if row.cadence else mark


def table_row(row: ScorecardRow, document: ScorecardDocument) -> tuple[str, ...]:
    language = document.language
    last = row.last_activity.date if row.last_activity else "—"
    intervals = (
        f"{months_text(row.days_since_last, language)} · "
        f"{months_text(row.median_interval_days, language)}"
    )
    return (
        row.name(language), status_text(row, language), counts_text(row, document.covered),
        last, intervals,
        mark_text(row, language), trend_word(row.trend.value, language),
    )  # fmt: skip


@dataclass(frozen=True)
class CategoryPart:
    category: str
    heading: str
    grid: Picture
    rows: tuple[ScorecardRow, ...]


def grid_alt(document: ScorecardDocument, heading: str, rows: tuple[ScorecardRow, ...]) -> str:
    language = document.language
    no_data = word("no_data_short", language)
    described = " ".join(
        word("grid_row", language, name=row.name(language), mark=mark_word(row.mark, language),
             counts=", ".join(str(count) if covered else no_data
                              for count, covered in zip(row.counts, document.covered,
                                                        strict=True)))
        for row in rows
    )  # fmt: skip
    return word(
        "grid_alt", language, category=heading, rows=described,
        first=str(document.periods[0]), last=str(document.periods[-1]),
    )  # fmt: skip


def category_parts(document: ScorecardDocument) -> Iterator[CategoryPart]:
    language = document.language
    columns_text = [short_period(period) for period in document.periods]
    for category, rows in document.by_category():
        heading = category_word(category, language)
        grid = continuity_grid(
            [GridRow(row.name(language), row.counts, mark_word(row.mark, language),
                     MARK_COLOURS[row.mark]) for row in rows],
            columns_text, document.covered, f"{word('grid', language)}: {heading}",
            grid_alt(document, heading, rows), word("no_data", language),
            ident=f"grid-{category}",
        )  # fmt: skip
        yield CategoryPart(category, heading, grid, rows)


def event_text(event: EventLink, language: str) -> str:
    """'2023-09-29 — Title (event 12)'."""
    number = word("event_n", language, id=event.id)
    return f"{event.date} — {' '.join(event.title.split())} ({number})"


def step_text(step: StatusStep, language: str) -> str:
    """'2017 — suspended: not convened (unconfirmed)'."""
    text = f"{step.date} — {status_word(step.status, language)}"
    if step.note:
        text += f": {step.note}"
    if step.unconfirmed:
        text += f" ({word('unconfirmed', language)})"
    return text


@dataclass(frozen=True)
class Evidence:
    """One institution's evidence: the mark's sentence, what it rests on, and the
    events of the period."""

    row: ScorecardRow
    heading: str
    reason: str
    rests_on_events: tuple[EventLink, ...]
    rests_on_steps: tuple[StatusStep, ...]
    period_events: tuple[EventLink, ...]


def evidence(document: ScorecardDocument) -> Iterator[Evidence]:
    language = document.language
    for row in document.rows:
        yield Evidence(
            row=row,
            heading=f"{row.name(language)}: {mark_word(row.mark, language)}",
            reason=reason_text(row, document),
            rests_on_events=row.evidence_events,
            rests_on_steps=row.evidence_steps,
            period_events=row.events,
        )
