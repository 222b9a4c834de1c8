"""The events-per-month bars: one bar per month, heights in proportion, every month
and count in the text alternative."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from binational.publish.pictures.bars import bars_alt, month_bars

NS = "{http://www.w3.org/2000/svg}"
MONTHS = [(2023, 1, 10), (2023, 2, 0), (2023, 3, 5), (2023, 4, 20)]


def bars(picture):
    return [rect for rect in ET.fromstring(picture.svg).iter(f"{NS}rect")]


def test_one_bar_per_month_in_proportion():
    picture = month_bars(MONTHS)
    heights = [float(rect.get("height")) for rect in bars(picture)]
    assert len(heights) == 4
    assert heights[1] == 0 and heights[3] == max(heights)
    assert abs(heights[0] / heights[3] - 0.5) < 1e-6 and abs(heights[2] / heights[3] - 0.25) < 1e-6
    texts = [t.text for t in ET.fromstring(picture.svg).iter(f"{NS}text")]
    assert texts == ["10", "Jan", "2023", "0", "Feb", "5", "Mar", "20", "Apr"]


def test_the_text_alternative_says_every_month():
    assert bars_alt(MONTHS) == (
        "Events per month: January 2023: 10, February 2023: 0, March 2023: 5, April 2023: 20 "
        "(35 in all; most in April 2023, 20)."
    )
    assert bars_alt(MONTHS, "es").startswith("Eventos por mes: enero 2023: 10")
    assert month_bars(MONTHS).alt == bars_alt(MONTHS)
    assert bars_alt([]) == "Events per month: no events."


def test_a_year_boundary_is_labelled():
    picture = month_bars([(2022, 11, 1), (2022, 12, 2), (2023, 1, 3)])
    texts = [t.text for t in ET.fromstring(picture.svg).iter(f"{NS}text")]
    assert texts.count("2022") == 1 and texts.count("2023") == 1


def test_no_events_draws_flat_bars():
    picture = month_bars([(2023, 5, 0), (2023, 6, 0)])
    assert all(float(rect.get("height")) == 0 for rect in bars(picture))
