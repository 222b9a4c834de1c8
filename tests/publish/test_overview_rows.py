"""The overview's tables as strings, shared by every format."""

from __future__ import annotations

from binational.publish.overview_rows import overview_tables, summary_sentence


def test_the_four_tables(annual_document):
    months, categories, active, changes = overview_tables(annual_document.overview)
    assert months.title == "Events by month" and len(months.rows) == 12
    assert months.rows[0] == ("January 2023", "1") and months.rows[1] == ("February 2023", "0")
    assert categories.rows[2] == ("Dialogue mechanisms", "3")
    assert categories.note.endswith("; 1 event linked to no institution.")
    assert active.rows == (
        ("U.S.-Mexico High-Level Economic Dialogue", "2"),
        ("USMCA | T-MEC <Agreement>", "1"),
    )
    assert changes.columns == ("Date", "Change", "Institution", "What it rests on")
    assert changes.rows[0] == (
        "2023-01-10", "Established", "Trilateral Fentanyl Committee",
        "created at the Mexico City summit; https://www.whitehouse.gov/",
    )  # fmt: skip
    assert changes.rows[1][1] == "Lapsed"


def test_no_changes_is_said(annual_document):
    import dataclasses

    overview = dataclasses.replace(annual_document.overview, changes=())
    table = overview_tables(overview)[-1]
    assert table.rows == () and table.empty.startswith("The registry records no such change")


def test_summary_sentence(annual_document):
    assert summary_sentence(annual_document.overview, annual_document.period) == "5 events in 2023."
