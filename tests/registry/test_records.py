import pytest

from binational.registry.loader import load_registry
from binational.registry.records import dates_as_text, entry_record


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"text": "2013-05", "precision": "month"}, "2013-05"),
        ({"established": {"text": "1944", "precision": "year"}, "x": 1},
         {"established": "1944", "x": 1}),
        ([{"text": "2021-10-08", "precision": "day"}, "a"], ["2021-10-08", "a"]),
        ({"text": "not a date"}, {"text": "not a date"}),
        (None, None),
    ],
)  # fmt: skip
def test_dates_as_text(value, expected):
    assert dates_as_text(value) == expected


def test_entry_record_says_what_it_is():
    registry = load_registry()
    institution = entry_record(registry.get("hled"))
    agency = entry_record(registry.agencies[0])
    assert institution["kind"] == "institution" and institution["slug"] == "hled"
    assert agency["kind"] == "agency"
    assert isinstance(institution["established"], str)
