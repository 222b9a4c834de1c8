"""The scorecard's parts as strings: title, summary, table rows, grids, evidence."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from binational.domain import Period
from binational.publish.scorecard_document import Mark
from binational.publish.scorecard_rows import (
    anchor,
    as_of_line,
    category_parts,
    columns,
    evidence,
    short_period,
    summary_line,
    table_row,
    title,
)


def row_of(document, slug):
    return next(row for row in document.rows if row.slug == slug)


def test_title_and_summary(scorecard_document, scorecard_document_es):
    assert title(scorecard_document) == "Scorecard | 2023"
    assert title(scorecard_document_es) == "Tablero de evaluación | 2023"
    assert as_of_line(scorecard_document) == (
        f"As of December 31, 2023 · {len(scorecard_document.rows)} institutions"
    )
    counts = {mark: scorecard_document.count(mark) for mark in Mark}
    assert summary_line(scorecard_document).startswith(f"lapsed {counts[Mark.LAPSED]} · overdue")
    assert sum(counts.values()) == len(scorecard_document.rows)


def test_a_table_row_in_words(scorecard_document):
    assert columns(scorecard_document)[2] == "Events in 2023 (2019 to 2022)"
    hled = row_of(scorecard_document, "hled")
    assert table_row(hled, scorecard_document) == (
        "U.S.-Mexico High-Level Economic Dialogue", "relaunched (2021-09-09)",
        "1 (– · – · 1 · 1)", "2023-09-29", "3 mo. · 14 mo.", "no cadence", "steady",
    )  # fmt: skip
    assert anchor(hled) == "evidence-hled"
    bridges = row_of(scorecard_document, "bridges-border-crossings-group")
    assert table_row(bridges, scorecard_document)[5] == "lapsed (semiannual)"


def test_one_part_per_category_with_its_grid(scorecard_document):
    parts = list(category_parts(scorecard_document))
    assert [part.category for part in parts] == ["organization", "dialogue_mechanism"]
    grid = parts[1].grid
    root = ET.fromstring(grid.svg)
    assert root.get("aria-labelledby").split() == [
        "grid-dialogue_mechanism-title", "grid-dialogue_mechanism-desc",
    ]  # fmt: skip
    assert grid.alt.startswith(
        "Continuity grid of Dialogue mechanisms: linked events per period, 2019 to 2023, and "
        "each institution's mark."
    )
    assert "U.S.-Mexico High-Level Economic Dialogue: no data, no data, 1, 1, 1; no cadence." in (
        grid.alt
    )


def test_a_range_is_labelled_on_two_lines():
    assert short_period(Period.parse("2022-06..2022-10")) == "2022-06\n2022-10"
    assert short_period(Period.parse("2023Q2")) == "2023Q2"


def test_evidence_for_every_row(scorecard_document):
    found = {item.row.slug: item for item in evidence(scorecard_document)}
    assert set(found) == {row.slug for row in scorecard_document.rows}
    hled = found["hled"]
    assert hled.heading == "U.S.-Mexico High-Level Economic Dialogue: no cadence"
    assert [event.date for event in hled.period_events] == ["2023-09-29"]
    assert [step.status for step in hled.rests_on_steps] == ["relaunched"]
    bridges = found["bridges-border-crossings-group"]
    assert bridges.reason.startswith("No linked event since the data begins, on 2013-02-01")
