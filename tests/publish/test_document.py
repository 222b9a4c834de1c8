"""The report document: months grouped under quarters for a report longer than one."""

from __future__ import annotations

from binational.domain import Quarter


def test_quarter_groups_hold_their_months_in_order(annual_document):
    groups = annual_document.quarter_groups
    assert [str(group.quarter) for group in groups] == ["2023Q1", "2023Q2", "2023Q4"]
    assert [[s.month for s in group.sections] for group in groups] == [[1, 3], [5, 6], [11]]
    assert [group.heading for group in groups] == [
        "January-March 2023", "April-June 2023", "October-December 2023",
    ]  # fmt: skip
    assert groups[1].anchor == "quarter-2023Q2"
    assert groups[0].quarter == Quarter(2023, 1)


def test_a_quarter_has_no_overview_and_one_group(varied_document):
    assert varied_document.overview is None
    assert len(varied_document.quarter_groups) == 1
