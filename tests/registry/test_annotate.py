"""annotate.propose_links: one proposal per slug, from plain data."""

import pytest

from binational.domain import LinkProposal
from binational.registry.annotate import propose_links
from binational.registry.linker import Mention

MENTIONS = {
    "title": [Mention(0, 4, "HLED", "hled", "institution", 0.7, "acronym")],
    "summary": [
        Mention(10, 20, "the HLED", "hled", "institution", 0.95, "acronym"),
        Mention(30, 33, "SRE", "sre", "agency", 0.9, "acronym"),
        Mention(40, 43, "SRE", "sre", "agency", 0.8, "acronym"),
    ],
    "implications": [Mention(5, 10, "USMCA", "usmca", "institution", 0.99, "acronym")],
}


@pytest.mark.parametrize(
    ("fields", "expected"),  # the fields that have text
    [
        ({}, []),
        (
            {"title": "x", "summary": "x", "implications": "x"},
            [
                # first mention in the earliest field, best confidence of any field
                LinkProposal("hled", "institution", "HLED", "title", 0, 4, 0.95),
                LinkProposal("sre", "agency", "SRE", "summary", 30, 33, 0.9),
                LinkProposal("usmca", "institution", "USMCA", "implications", 5, 10, 0.99),
            ],
        ),
        (
            {"summary": "x"},
            [
                LinkProposal("hled", "institution", "the HLED", "summary", 10, 20, 0.95),
                LinkProposal("sre", "agency", "SRE", "summary", 30, 33, 0.9),
            ],
        ),
    ],
)
def test_propose_links(fields, expected):
    # each field's text is its own name, so the finder knows which field it was given
    named = {field: field for field in fields}
    assert propose_links(named, lambda text: MENTIONS.get(text, [])) == expected
