"""The implications draft on the development set: facts that all resolve."""

from __future__ import annotations

import datetime as dt

from devset import pair_event, pair_source

from binational.domain import PartialDate
from binational.drafting.evidence import unresolved_evidence
from binational.drafting.implications import draft_implications, event_facts
from binational.drafting.inputs import EventFields, PastEvent, SourceText

HISTORY = [
    PastEvent(
        101, dt.date(2022, 11, 3), "Framework meeting", frozenset({"bicentennial-framework"})
    ),
    PastEvent(102, dt.date(2023, 1, 10), "Summit", frozenset({"nals", "bicentennial-framework"})),
]


def test_every_fact_of_the_development_set_resolves(pairs, registry, linker):
    for pair in pairs:
        source = pair_source(pair)
        links = tuple(dict.fromkeys(m.slug for m in linker.find(source.text)))
        implications = draft_implications(pair_event(pair, links), [source], registry, HISTORY,
                                          linker.find)  # fmt: skip
        ids = {str(event.id) for event in HISTORY}
        assert unresolved_evidence(implications.facts, registry, ids, [source]) == []
        for clause in implications.clauses:
            assert implications.text[clause.start : clause.end]


def test_facts_follow_the_links_in_order(pairs, registry, linker):
    pair = next(p for p in pairs if p["item"] == 2)
    event = pair_event(pair, ("sspc", "bicentennial-framework", "nals"))
    facts, subjects = event_facts(event, [pair_source(pair)], registry, HISTORY, linker.find)
    assert subjects == ["bicentennial-framework", "nals"]
    assert [(f.subject, f.kind) for f in facts] == [
        ("bicentennial-framework", "profile"),
        ("bicentennial-framework", "lead_agencies"),
        ("bicentennial-framework", "activity"),
        ("bicentennial-framework", "last_event"),
        ("nals", "profile"),
        ("nals", "status"),
        ("nals", "lead_agencies"),
        ("nals", "activity"),
        ("nals", "last_event"),
        ("mx-arms-drugs-commission", "announced_known"),
    ]


def test_json_shape(pairs, registry, linker):
    pair = next(p for p in pairs if p["item"] == 13)
    implications = draft_implications(pair_event(pair, ("air-transport-agreement-2015",)),
                                      [pair_source(pair)], registry, [], linker.find)  # fmt: skip
    record = implications.as_json()
    assert set(record) == {"text", "facts", "clauses"}
    assert set(record["facts"][0]) == {"kind", "subject", "text", "evidence"}
    assert record["facts"][0]["evidence"][0] == {
        "kind": "institution", "ref": "air-transport-agreement-2015",
    }  # fmt: skip
    assert set(record["clauses"][0]) == {"start", "end", "fact"}


def test_the_institution_named_first_leads(registry, linker):
    source = SourceText(
        "https://example.org/consular",
        "The Mexico-U.S. Consular Dialogue met in Mexico City. It discussed the H-2 visa process.",
        "en",
    )
    event = EventFields(7, "Consular meeting", PartialDate.day(2023, 4, 24),
                        ("h2-visa-programs", "usmca", "consular-dialogue"))  # fmt: skip
    _, subjects = event_facts(event, [source], registry, [], linker.find)
    assert subjects == ["consular-dialogue", "h2-visa-programs", "usmca"]  # usmca: not named
