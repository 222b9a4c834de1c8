"""The scorecard's JSON record: stable fields, ISO dates, the reason as key, values and
sentence, the evidence, the coverage."""

from __future__ import annotations

import datetime as dt
import json

from tests.scorecard.conftest import institution, linked

from binational.domain import Period
from binational.scorecard.build import build_scorecard
from binational.scorecard.records import months, scorecard_record

HLED = ("2013-09-20", "2015-01-06", "2016-02-25", "2021-09-09", "2022-09-12", "2023-09-29")


def test_the_record_of_one_institution():
    entry = institution("annual", history=(("2013-05", "active"), ("2017", "suspended"),
                                           ("2021-09-09", "relaunched")))  # fmt: skip
    document = build_scorecard(
        [entry], {"hled": linked(*HLED)}, Period.year(2023), dt.date(2023, 12, 31),
        [(2021, 9, 1), (2022, 9, 1), (2023, 9, 1)], organization="Center",
    )  # fmt: skip
    record = json.loads(json.dumps(scorecard_record(document)))
    assert record["period"] == "2023" and record["as_of"] == "2023-12-31"
    assert record["coverage"] == {
        "spans": ["2021-09", "2022-09", "2023-09"], "events": 3,
        "periods_covered": [False, False, True, True, True],
    }  # fmt: skip
    assert record["marks"]["on_cadence"] == 1 and sum(record["marks"].values()) == 1
    (row,) = record["institutions"]
    assert row["slug"] == "hled" and row["status"] == "relaunched"
    assert row["status_step"]["date"] == "2021-09-09"
    assert row["events_by_period"][-1] == {"period": "2023", "events": 1, "covered": True}
    assert row["last_meeting"]["date"] == "2023-09-29" and row["days_since_last"] == 93
    assert (row["median_interval_days"], row["median_interval_months"]) == (415.0, 13.6)
    assert row["mark"] == "on_cadence" and row["reason"]["key"] == "gap_on_cadence"
    assert row["reason"]["values"]["since"] == "meeting"
    assert row["reason"]["text"] == (
        "Last met on 2023-09-29, 3 months before 2023-12-31: within 18 months (1.5 × annual)."
    )
    assert [e["date"] for e in row["evidence"]["events"]] == ["2023-09-29"]
    assert row["trend"] == "steady"


def test_days_as_months():
    assert months(None) is None and months(365.2425) == 12.0 and months(93) == 3.1
