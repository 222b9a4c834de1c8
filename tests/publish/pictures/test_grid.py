"""The continuity grid: a row per institution, a cell per period with its count, a
hatched column where the data holds no events, the mark's label."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from binational.publish.pictures.grid import GridRow, continuity_grid, shade

NS = "{http://www.w3.org/2000/svg}"
ROWS = [
    GridRow("High-Level Economic Dialogue", (0, 0, 1, 1, 1), "on cadence", "#1a7f37"),
    GridRow("Interparliamentary Meeting", (0, 0, 0, 0, 0), "lapsed", "#a40e26"),
]


def grid(
    covered=(False, False, True, True, True), columns=("2019", "2020", "2021", "2022", "2023")
):
    return continuity_grid(ROWS, columns, covered, "Grid", "Alt text.", "No data", ident="g")


def test_each_row_shows_its_counts_and_mark():
    root = ET.fromstring(grid().svg)
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert texts[:5] == ["2019", "2020", "2021", "2022", "2023"]
    assert texts[5:10] == ["High-Level Economic Dialogue", "1", "1", "1", "on cadence"]
    assert texts[10:12] == ["Interparliamentary Meeting", "lapsed"]
    assert texts[-1] == "No data"


def test_uncovered_periods_are_hatched_not_blank():
    svg = grid().svg
    hatched = svg.count('fill="url(#g-hatch)"')
    assert hatched == 2 * len(ROWS) + 1  # two columns per row, and the legend
    assert grid(covered=(True,) * 5).svg.count('fill="url(#g-hatch)"') == 1


def test_height_grows_with_rows_and_two_line_headers():
    one_line = grid()
    two_lines = grid(columns=("2022-01\n2022-05",) * 5)
    assert two_lines.height == one_line.height + 12
    assert "2022-05" in two_lines.svg


def test_shades_by_count():
    assert [shade(n) for n in (0, 1, 2, 3, 4, 8, 30)] == [
        None, "#c6dbef", "#6baed6", "#6baed6", "#2171b5", "#08306b", "#08306b",
    ]  # fmt: skip
