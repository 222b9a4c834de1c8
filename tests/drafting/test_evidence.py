"""Evidence resolves only when what it points at exists."""

from __future__ import annotations

import pytest

from binational.drafting.evidence import evidence_resolves, unresolved_evidence
from binational.drafting.facts import Evidence, Fact
from binational.drafting.inputs import SourceText

SOURCE = SourceText("https://example.org/a", "The commission was created today.", "en")
EVENTS = {"7", "12"}


@pytest.mark.parametrize(
    ("kind", "ref", "resolves"),
    [
        ("institution", "hled", True),
        ("institution", "sre", True),  # agencies are registry entries too
        ("institution", "no-such-slug", False),
        ("institution", "hled#established", True),
        ("institution", "hled#status_history/2", True),
        ("institution", "hled#status_history/3", False),
        ("institution", "hled#lead_agencies", True),
        ("institution", "interparliamentary-meeting#lead_agencies", False),
        ("institution", "hled#parent", False),
        ("institution", "rapid-response-labor-mechanism#parent", True),
        ("institution", "merida-initiative#superseded_by", True),
        ("institution", "hled#cadence", False),  # the bundled registry has no cadence yet
        ("institution", "hled#colour", False),
        ("institution", "sre#established", False),
        ("event", "7", True),
        ("event", "8", False),
        ("source", "https://example.org/a#char=4,14", True),
        ("source", "https://example.org/a#char=4,400", False),
        ("source", "https://example.org/a#char=9,4", False),
        ("source", "https://example.org/b#char=4,14", False),
        ("source", "https://example.org/a", False),
        ("registry", "hled", False),
    ],
)
def test_evidence_resolves(registry, kind, ref, resolves):
    assert evidence_resolves(Evidence(kind, ref), registry, EVENTS, [SOURCE]) is resolves


def test_unresolved_evidence_lists_what_does_not_resolve(registry):
    good = Fact("profile", "hled", "x", (Evidence("institution", "hled"),))
    bad = Fact("activity", "hled", "y", (Evidence("event", "99"), Evidence("event", "7")))
    assert unresolved_evidence([good, bad], registry, EVENTS, [SOURCE]) == [Evidence("event", "99")]
