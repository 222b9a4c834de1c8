"""The data the PDF template reads: what is printed, decided in Python as plain strings."""

from __future__ import annotations

import json

import pytest

from binational.domain import PartialDate
from binational.publish.pdf_data import (
    CONTEXT_LABEL,
    entry_data,
    link_data,
    report_data,
    report_json,
    text_language,
)
from binational.publish.wording import IMPLICATIONS_LABEL, TRUNCATED_NOTE


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", ("en", None)),
        ("es", ("es", None)),
        ("ES", ("es", None)),
        ("en-US", ("en", "US")),
        ("es_mx", ("es", "MX")),
        ("spa", ("spa", None)),
        ("zh-Hant-TW", ("zh", None)),
        ("", ("en", None)),
        ("english", ("en", None)),
        ('#read("/etc/passwd")', ("en", None)),
    ],
)
def test_text_language_is_what_typst_accepts(tag, expected):
    assert text_language(tag) == expected


@pytest.mark.parametrize(
    ("url", "link_text", "expected"),
    [
        (None, "Link", None),
        ("", "Link", None),
        ("https://www.state.gov/x?id=7", "Link", {"url": "https://www.state.gov/x?id=7",
                                                  "text": "Link"}),
        ("https://example.org/a_(b) c", "Fuente", {"url": "https://example.org/a_(b)%20c",
                                                   "text": "Fuente"}),
        ("https://example.org/", None, {"url": "https://example.org/", "text": None}),
        ("https://example.org/", "", {"url": "https://example.org/", "text": None}),
        ("mailto:info@example.org", "Link", {"url": "mailto:info@example.org",
                                             "text": "Link"}),
        ("javascript:alert(1)", "Link", None),
        ("file:///etc/passwd", "Link", None),
        ("/etc/passwd", "Link", None),
    ],
)  # fmt: skip
def test_link_data_links_only_web_and_mail_addresses(make_entry, url, link_text, expected):
    assert link_data(make_entry(1, url=url, link_text=link_text)) == expected


@pytest.mark.parametrize(
    ("fields", "key", "expected"),
    [
        ({"title": "  A   title\nwith a break "}, "title", "A title with a break"),
        ({"date": PartialDate.day(2023, 4, 12)}, "date", "April 12, 2023"),
        ({"date": PartialDate.month(2023, 5)}, "date", "May 2023"),
        ({"summary": ("One\nparagraph.", "", "  ", "Two.")}, "summary", ["One paragraph.", "Two."]),
        ({"context": ()}, "context", []),
        ({"context": ("Background.",)}, "context", ["Background."]),
        ({"implications": ("",)}, "implications", []),
        ({"truncated": True}, "truncated", True),
        ({}, "number", 7),
    ],
)  # fmt: skip
def test_entry_data(make_entry, fields, key, expected):
    assert entry_data(make_entry(7, **fields))[key] == expected


def test_report_data_carries_the_header_metadata_labels_and_months(varied_document):
    data = report_data(varied_document)

    assert data["title"] == "Report | April-June 2023 · Center for Binational Institutions"
    assert data["author"] == "Center for Binational Institutions"
    assert data["header"] == "Report | April-June 2023"
    assert (data["language"], data["region"]) == ("en", None)
    assert data["labels"]["context"] == CONTEXT_LABEL == "Institutional context:"
    assert data["labels"]["implications"] == IMPLICATIONS_LABEL
    assert data["labels"]["truncated"] == TRUNCATED_NOTE
    assert [month["name"] for month in data["months"]] == ["April", "May", "June"]
    numbers = [entry["number"] for month in data["months"] for entry in month["entries"]]
    assert numbers == [1, 2, 3, 4]


def test_report_json_round_trips_and_replaces_lone_surrogates(make_entry, make_document):
    doc = make_document([make_entry(1, title="Bad \ud800 decode; good \U0001f600 é")])

    text = report_json(doc)
    text.encode("utf-8")  # a lone surrogate would raise here
    title = json.loads(text)["months"][0]["entries"][0]["title"]
    assert title == "Bad \ufffd decode; good \U0001f600 é"


def test_an_annual_report_adds_its_overview_and_quarters(annual_document, varied_document):
    from binational.publish.pdf_data import report_data as data_of

    data = data_of(annual_document)
    overview = data["overview"]
    assert overview["summary"] == "5 events in 2023."
    assert overview["bars"]["svg"].startswith("<svg") and overview["bars"]["width"] == 620
    assert overview["bars"]["alt"].startswith("Events per month: January 2023: 1")
    assert [t["title"] for t in overview["tables"]][0] == "Events by month"
    changes = overview["tables"][3]["rows"][0]
    assert changes[3] == "created at the Mexico City summit; https://\u200bwww.whitehouse.gov/"
    assert [q["name"] for q in data["quarters"]] == [
        "January-March 2023", "April-June 2023", "October-December 2023",
    ]  # fmt: skip
    assert [m["name"] for m in data["quarters"][0]["months"]] == ["January", "March"]
    assert "overview" not in data_of(varied_document) and "quarters" not in data_of(varied_document)
