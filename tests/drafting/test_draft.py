"""The draft's JSON: the shape the CLI, the web page and the API share."""

from __future__ import annotations

from binational.drafting.compose import Clause
from binational.drafting.draft import Draft, Summary
from binational.drafting.extractive import DraftSentence
from binational.drafting.facts import Evidence, Fact
from binational.drafting.implications import Implications


def test_as_json():
    sentence = DraftSentence("It met.", "https://example.org/", 10, 17)
    fact = Fact("profile", "hled", "The HLED: a dialogue.", (Evidence("institution", "hled"),))
    draft = Draft(
        7,
        Summary("It met.", (sentence,), "es", ("source in Spanish",)),
        Implications("The event concerns the HLED.", (fact,), (Clause(0, 28, 0),)),
        "extractive",
        ("Source in Spanish: ...",),
    )
    assert draft.as_json() == {
        "event_id": 7,
        "summary": {
            "text": "It met.",
            "language": "es",
            "flags": ["source in Spanish"],
            "sentences": [{"text": "It met.", "source_url": "https://example.org/", "start": 10,
                           "end": 17, "verbatim": True}],
        },
        "implications": {
            "text": "The event concerns the HLED.",
            "facts": [{"kind": "profile", "subject": "hled", "text": "The HLED: a dialogue.",
                       "evidence": [{"kind": "institution", "ref": "hled"}]}],
            "clauses": [{"start": 0, "end": 28, "fact": 0}],
        },
        "method": "extractive",
        "warnings": ["Source in Spanish: ..."],
    }  # fmt: skip
