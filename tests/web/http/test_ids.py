"""Ids beyond a 64-bit column (web/http/ids.py): 404, not a 500 from the driver."""

import pytest
from tests.web.conftest import event_id_matching

from binational.web.http.ids import out_of_range

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", False),
        ("9223372036854775807", False),  # the largest 64-bit integer
        ("9223372036854775808", True),
        ("-9223372036854775808", False),
        ("-9223372036854775809", True),
        (HUGE, True),
        ("9" * 5000, True),  # more digits than int() converts
        ("+12", False),
        ("2023Q2", False),
        ("usmca", False),
        ("", False),
    ],
)
def test_out_of_range(value, expected):
    assert out_of_range(value) is expected


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", f"/api/events/{HUGE}"),
        ("GET", f"/events/{HUGE}"),
        ("GET", f"/events/-{HUGE}"),
        ("GET", f"/events/{HUGE}/edit"),
        ("PATCH", f"/api/events/{HUGE}"),
        ("POST", f"/api/candidates/{HUGE}/accept"),
        ("POST", f"/api/reports/2023Q2/items/{HUGE}"),
        ("PATCH", f"/api/users/{HUGE}"),
    ],
)
def test_huge_ids_are_not_found(browser, method, path):
    admin = browser("admin")
    response = admin.request(method, path, json={}, headers={"X-CSRF-Token": admin.csrf()})
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json() == {"error": "no such page"}
    else:
        assert "Not found" in response.text


def test_ids_in_range_still_answer(browser, web_db):
    event_id = event_id_matching(web_db, "")
    assert browser("viewer").get(f"/api/events/{event_id}").status_code == 200
    assert browser("viewer").get("/api/events/9223372036854775807").status_code == 404
