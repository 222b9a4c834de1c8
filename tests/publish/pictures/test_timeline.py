"""An institution's timeline: a mark per event, the suspended span shaded, status
changes drawn inside the strip, and the gaps said in the text alternative."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from binational.publish.pictures.timeline import WORDS, span_text, timeline, timeline_alt

NS = "{http://www.w3.org/2000/svg}"
HLED = [dt.date(2013, 9, 20), dt.date(2015, 1, 6), dt.date(2016, 2, 25), dt.date(2021, 9, 9),
        dt.date(2022, 9, 12), dt.date(2023, 9, 29)]  # fmt: skip
STEPS = [(dt.date(2013, 5, 1), "active", "2013-05"), (dt.date(2017, 1, 1), "suspended", "2017"),
         (dt.date(2021, 9, 9), "relaunched", "2021-09-09")]  # fmt: skip


def test_the_alt_text_names_the_longest_gap_and_the_changes():
    assert timeline_alt("HLED", HLED, STEPS) == (
        "Timeline of HLED: 6 linked events from 2013-09-20 to 2023-09-29; the longest gap "
        "between them is 5 years and 6 months (2016-02-25 to 2021-09-09); status changes: "
        "active 2013-05, suspended 2017, relaunched 2021-09-09."
    )
    spanish = timeline_alt("DEAN", HLED[:1], STEPS[1:2], "es")
    assert spanish == (
        "Cronología de DEAN: un evento vinculado, el 2013-09-20; cambios de estado: "
        "suspendida 2017."
    )
    assert timeline_alt("X", [], []) == "Timeline of X: no linked events."


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [("2016-02-25", "2021-09-09", "5 years and 6 months"), ("2022-01-10", "2022-03-09", "1 months"),
     ("2020-01-01", "2021-01-01", "1 years"), ("2020-01-01", "2020-01-05", "0 months")],
)  # fmt: skip
def test_spans_in_years_and_months(start, end, text):
    words = WORDS["en"]
    assert span_text(dt.date.fromisoformat(start), dt.date.fromisoformat(end), words) == text


def test_marks_in_order_and_the_suspension_shaded():
    picture = timeline("HLED", HLED, STEPS, 2012, 2026)
    root = ET.fromstring(picture.svg)
    events = [r for r in root.iter(f"{NS}rect") if r.get("fill") == "#0b4f6c"]
    xs = [float(r.get("x")) for r in events]
    assert len(xs) == 6 + 1 and xs[:6] == sorted(xs[:6])  # six events and the legend's sign
    band = [r for r in root.iter(f"{NS}rect") if r.get("fill") == "#f6d8dd"]
    # 2017-01-01 to 2021-09-09: about 4.7 of the strip's 15 years
    width = float(band[0].get("width"))
    assert abs(width / (620 - 24) - (dt.date(2021, 9, 9) - dt.date(2017, 1, 1)).days / 5479) < 0.01
    assert len(list(root.iter(f"{NS}path"))) == 3 + 1  # three changes and the legend's


def test_changes_before_the_strip_are_not_drawn_on_it():
    picture = timeline("IBWC", [dt.date(2023, 5, 1)], [(dt.date(1889, 3, 1), "active", "1889")],
                       2022, 2026)  # fmt: skip
    assert len(list(ET.fromstring(picture.svg).iter(f"{NS}path"))) == 1  # the legend's only
    assert "active 1889" in picture.alt
