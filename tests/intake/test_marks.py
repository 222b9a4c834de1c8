"""The marks both layouts share, and the time a 1 MB line takes to read."""

from __future__ import annotations

import contextlib
import time

import pytest

from binational.domain import DatePrecision, Period
from binational.intake.extracted import TextLine, lines_of_text
from binational.intake.layouts import parse_layout
from binational.intake.marks import (
    CONTEXT,
    IMPLICATIONS,
    header_period,
    labelled,
    month_heading,
    parse_period,
    printed_date,
    source_link,
)
from binational.intake.parsed import ReportFormatError


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("April-June 2023", "2023Q2"),
        ("October - December 2022", "2022Q4"),
        ("abril-junio 2023", "2023Q2"),
        ("June - October 2022", "2022-06..2022-10"),
        ("June to October 2022", "2022-06..2022-10"),
        ("November 2022 - February 2023", "2022-11..2023-02"),
        ("November - February 2023", "2022-11..2023-02"),
        ("May 2023", "2023-05"),
        ("2023", "2023"),
        ("Q2 2023", "2023Q2"),
        ("2023Q2", "2023Q2"),
        ("2023-Q2", "2023Q2"),
        ("Octubre - Diciembre de 2022", "2022Q4"),
    ],
)
def test_parse_period(text, period):
    assert parse_period(text) == Period.parse(period)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("some day", "should read like 'April-June 2023'"),
        ("April 2023 to the end", "should read like"),
        ("April-June 0000", "names the year 0"),
        ("9999", "names the year 9999"),
        ("2023Q5", "should read like"),
        ("June-April 2023 2024", "should read like"),
    ],
)
def test_parse_period_refusals(text, message):
    with pytest.raises(ReportFormatError, match=message):
        parse_period(text)


@pytest.mark.parametrize(
    ("line", "period"),
    [
        ("Report | April-June 2023", "April-June 2023"),
        ("REPORT | October - December 2022", "October - December 2022"),
        ("Report|2023", "2023"),
        ("Informe | 2023", "2023"),
        ("Notes | 2023", None),
        ("Report of the meeting", None),
        ("Report | " + "x" * 200, None),
    ],
)
def test_header_period(line, period):
    assert header_period(line) == period


@pytest.mark.parametrize(
    ("line", "date", "precision", "rest"),
    [
        ("April 12, 2023 Link", "2023-04-12", DatePrecision.DAY, "Link"),
        ("April 12 2023", "2023-04-12", DatePrecision.DAY, ""),
        ("Sept. 3rd, 2023 Fuente <https://x.org>", "2023-09-03", DatePrecision.DAY,
         "Fuente <https://x.org>"),
        ("May 2023", "2023-05", DatePrecision.MONTH, ""),
        ("12 de abril de 2023 Enlace", "2023-04-12", DatePrecision.DAY, "Enlace"),
        ("Q2 2023", "2023Q2", DatePrecision.QUARTER, ""),
        ("On April 12, 2023 they met", None, None, None),
        ("May they meet in 2023", None, None, None),
    ],
)  # fmt: skip
def test_printed_date(line, date, precision, rest):
    found = printed_date(line)
    if date is None:
        assert found is None
    else:
        assert (found[0].iso(), found[0].precision, found[1]) == (date, precision, rest)


def test_impossible_printed_date_is_refused():
    with pytest.raises(ReportFormatError, match="is not a real date"):
        printed_date("April 31, 2023 Link")


@pytest.mark.parametrize(
    ("rest", "links", "text", "url"),
    [
        ("Link", (), "Link", None),
        ("Link <https://a.gov/x?y=1&z=2>", (), "Link", "https://a.gov/x?y=1&z=2"),
        ("Link <https://a.org/a_(b) c>", (), "Link", "https://a.org/a_(b) c"),
        ("Source https://a.gov/x", (), "Source", "https://a.gov/x"),
        ("Link", ("https://from.hyperlink/",), "Link", "https://from.hyperlink/"),
        ("", (), None, None),
    ],
)
def test_source_link(rest, links, text, url):
    assert source_link(rest, links) == (text, url)


@pytest.mark.parametrize(
    ("pattern", "line", "rest"),
    [
        (IMPLICATIONS, "Institutional Implications:", ""),
        (IMPLICATIONS, "Institutional Implications: The IBWC adapts.", "The IBWC adapts."),
        (IMPLICATIONS, "INSTITUTIONAL IMPLICATIONS - x", "x"),
        (IMPLICATIONS, "Institutional implications of the treaty are many.", None),
        (CONTEXT, "Institutional context - In June 2021, ...", "In June 2021, ..."),
        (CONTEXT, "Institutional context  - The U.S. ...", "The U.S. ..."),
        (CONTEXT, "Institutional context:", ""),
        (CONTEXT, "Institutional contexts differ.", None),
    ],
)
def test_labelled(pattern, line, rest):
    assert labelled(pattern, line) == rest


@pytest.mark.parametrize(
    ("line", "heading"),
    [("APRIL", (4, None)), ("May 2023", (5, 2023)), ("Junio", (6, None)), ("Mayor", None),
     ("April showers", None)],
)  # fmt: skip
def test_month_heading(line, heading):
    assert month_heading(line) == heading


def _time(lines: list[TextLine]) -> float:
    started = time.perf_counter()
    with contextlib.suppress(ReportFormatError):
        parse_layout(lines, "long.txt")
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "long_line",
    [
        " " * 1_000_000 + "x",
        "Report |" + " " * 1_000_000 + "x",
        "April" + " " * 1_000_000 + "x",
        "1) " + " " * 1_000_000 + "(10.24.22) Learn more",
        "Institutional Implications" + " " * 1_000_000 + "x",
        "On April" + " 13" * 333_333,
        "<https://" + "a" * 1_000_000,
        "April 12, 2023 Link " + "<" * 1_000_000,
        "Title" + " -" * 500_000,
    ],
)
def test_a_1_mb_line_is_read_in_linear_time(long_line):
    """Each shape that made a backtracking pattern slow, placed where every pattern
    meets it: as the header, in the intro, as a title, a date line and a body line.
    The issue's bound is 100 ms; this machine is shared, so the test allows 250 ms and
    docs/benchmarks.md records the measured times."""
    report = ["Report | April-June 2023", long_line, "1) " + long_line[:1000], "April 2, 2023"]
    lines = lines_of_text("\n".join([*report, long_line, "Institutional context:", long_line]))
    assert _time(lines) < 0.25
    assert _time(lines_of_text(long_line)) < 0.25
