"""Reading an edit form into changes (web/curation.py)."""

import pytest

from binational.errors import UserError
from binational.web.curation import compose_date, form_changes


@pytest.mark.parametrize(
    ("day", "precision", "iso"),
    [
        ("2023-05-12", "day", "2023-05-12"),
        ("2023-05-12", "month", "2023-05"),
        ("2023-05-12", "quarter", "2023Q2"),
        ("2023-12-31", "quarter", "2023Q4"),
        ("2023-05", "month", "2023-05"),
    ],
)
def test_compose_date(day, precision, iso):
    assert compose_date(day, precision) == iso


@pytest.mark.parametrize(
    ("day", "precision", "message"),
    [
        ("2023-05-12", "year", "not a date precision"),
        ("May 12", "day", "is not a date"),
        ("2023-05", "day", "not a whole date"),
        ("2023-13-01", "day", "is not a date|month must be"),
    ],
)
def test_compose_date_refuses(day, precision, message):
    with pytest.raises((UserError, ValueError), match=message):
        compose_date(day, precision)


def test_form_changes_take_only_editable_fields():
    changes = form_changes(
        {"title": "T", "date": "2023-05-12", "date_precision": "month", "csrf_token": "x",
         "id": "9", "implications": "I"},
        ["security"],
    )  # fmt: skip
    assert dict(changes.fields) == {"title": "T", "implications": "I", "date": "2023-05"}
    assert changes.topics == ("security",)
    assert form_changes({"title": "T"}, None).topics is None
