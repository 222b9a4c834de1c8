"""Drafting an event end to end: extractive, and with the tests' model server on
127.0.0.1 answering well, answering with what the sources do not hold, or failing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from devset import pair_event, pair_source
from model_server import answer, closed_port_url, garbage, slow

from binational.drafting.evidence import unresolved_evidence
from binational.drafting.inputs import PastEvent
from binational.drafting.llm import ModelSettings, make_client
from binational.drafting.service import DraftingModel, draft_event

HISTORY = [
    PastEvent(
        31, dt.date(2022, 8, 1), "Air services talks", frozenset({"air-transport-agreement-2015"}),
        frozenset(), "published", "The two delegations reviewed air services.",
        "The agreement's consultations continue.",
    ),
]  # fmt: skip


@pytest.fixture
def english(pairs):
    pair = next(p for p in pairs if p["item"] == 13)
    return pair_event(pair, ("air-transport-agreement-2015", "dot")), [pair_source(pair)]


@pytest.fixture
def spanish(pairs):
    pair = next(p for p in pairs if p["source"]["language"] == "es")
    return pair_event(pair), [pair_source(pair)]


@pytest.fixture
def model(model_server):
    settings = ModelSettings(model_server.url, "test-model", "", 3.0)
    with make_client(settings) as client:
        yield DraftingModel(settings, client)


def test_extractive_draft_in_the_issues_shape(english, registry, linker):
    event, sources = english
    record = draft_event(event, sources, registry, HISTORY, find_mentions=linker.find).as_json()
    assert record["event_id"] == 13 and record["method"] == "extractive"
    assert record["warnings"] == []
    assert set(record["summary"]) >= {"text", "sentences"}
    for sentence in record["summary"]["sentences"]:
        assert set(sentence) >= {"text", "source_url", "start", "end"}
        assert sources[0].text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert record["summary"]["text"] == " ".join(s["text"] for s in record["summary"]["sentences"])
    facts = record["implications"]["facts"]
    assert facts and all(set(f) >= {"text", "evidence"} for f in facts)
    assert {e["kind"] for f in facts for e in f["evidence"]} <= {"event", "institution", "source"}
    assert (
        "The event concerns the U.S.-Mexico Air Transport Agreement"
        in (record["implications"]["text"])
    )
    assert "“Air services talks” on August 1, 2022" in record["implications"]["text"]


def test_spanish_source_is_flagged(spanish, registry, linker):
    event, sources = spanish
    draft = draft_event(event, sources, registry, find_mentions=linker.find)
    assert draft.summary.language == "es"
    assert draft.summary.flags == ("source in Spanish",)
    assert draft.warnings == (
        "Source in Spanish: the summary is drawn from it in Spanish, and the report is "
        "written in English.",
        "No registry institution is linked to this event, so the implications draft has no "
        "institutional facts to state.",  # the release names agencies only
    )


@pytest.mark.parametrize("links", [(), ("dot", "sict")])
def test_institutions_come_from_the_sources_when_the_event_has_none(
    english, registry, linker, links
):
    event, sources = english
    unlinked = dataclasses.replace(event, links=links)
    draft = draft_event(unlinked, sources, registry, find_mentions=linker.find)
    assert draft.implications.facts[0].subject == "air-transport-agreement-2015"
    assert draft.warnings == (
        "The event is linked to no registry institution, so the implications are drafted "
        "about those its sources name (U.S.-Mexico Air Transport Agreement); link them if "
        "they are right.",
    )


def test_an_event_with_no_institution_says_so(pairs, registry, linker):
    pair = next(p for p in pairs if p["item"] == 9)
    draft = draft_event(pair_event(pair), [pair_source(pair)], registry, find_mentions=linker.find)
    assert draft.implications.text == ""
    assert draft.warnings == (
        "No registry institution is linked to this event, so the implications draft has no "
        "institutional facts to state.",
    )


def test_a_grounded_model_answer_is_the_draft(english, registry, linker, model, model_server):
    model_server.reset(answer(
        "President López Obrador and Secretary Buttigieg met on Wednesday at Felipe Angeles "
        "International Airport (AIFA). They committed to the 2015 U.S.-Mexico Air Transport "
        "Agreement.",
        "The U.S.-Mexico Air Transport Agreement, established on December 18, 2015, frames "
        "the talks.",
    ))  # fmt: skip
    event, sources = english
    draft = draft_event(event, sources, registry, HISTORY, find_mentions=linker.find, model=model)
    assert draft.method == "llm:test-model"
    assert draft.warnings == ()
    assert "[unverified]" not in draft.summary.text + draft.implications.text
    first = draft.summary.sentences[0]
    assert not first.verbatim and first.source_url == sources[0].url
    assert "Felipe Angeles" in sources[0].text[first.start : first.end]
    assert draft.implications.facts and draft.implications.clauses == ()
    prompt = model_server.requests[0]["messages"][1]["content"]
    assert "Title: Air services talks" in prompt  # the closest published event, as example
    assert "Felipe Angeles International Airport" in prompt


def test_a_translation_of_a_spanish_source(spanish, registry, linker, model, model_server):
    model_server.reset(answer(
        "Officials of the General Directorate of Consular Protection and Strategic Planning "
        "travelled to border cities in Arizona, California and Texas as Title 42 ended.",
        "The Secretariat of Foreign Affairs of Mexico keeps in contact with U.S. counterparts.",
    ))  # fmt: skip
    event, sources = spanish
    draft = draft_event(event, sources, registry, find_mentions=linker.find, model=model)
    assert draft.method == "llm:test-model"
    assert draft.summary.language == "en"
    assert draft.summary.flags == ("translated from Spanish",)
    assert draft.warnings == (  # no "Source in Spanish": the summary is in English now
        "No registry institution is linked to this event, so the implications draft has no "
        "institutional facts to state.",
    )


@pytest.mark.parametrize(
    ("summary", "implications", "warning", "marked"),
    [
        ("Secretary Buttigieg met President López Obrador at AIFA.",
         "The Binational Aviation Council will oversee the agreement.",
         "The model's implications names “Binational Aviation Council”, which is not in the "
         "registry. It is marked [unverified].",
         "The Binational Aviation Council [unverified] will oversee the agreement."),
        ("Secretary Buttigieg met President López Obrador at AIFA on March 3, 2021.",
         "The U.S.-Mexico Air Transport Agreement frames the talks.",
         "The model's summary gives “March 3, 2021”, a date found in neither the sources nor "
         "the facts. It is marked [unverified].",
         "at AIFA on March 3, 2021 [unverified]."),
    ],
)  # fmt: skip
def test_what_the_sources_do_not_hold_is_warned_and_marked(
    english, registry, linker, model, model_server, summary, implications, warning, marked
):
    model_server.reset(answer(summary, implications))
    event, sources = english
    draft = draft_event(event, sources, registry, find_mentions=linker.find, model=model)
    assert draft.method == "llm:test-model"
    assert draft.warnings == (warning,)
    assert marked in draft.summary.text + " " + draft.implications.text
    assert marked in str(draft.as_json())  # what is saved keeps the mark


@pytest.mark.parametrize(
    ("reply", "url", "warning"),
    [
        (None, closed_port_url(), "could not be reached"),
        (slow(5.0, answer("S.", "I.")), None, "did not answer within 1 seconds"),
        (garbage(), None, "did not answer with a chat completion"),
    ],
)
def test_a_failing_model_leaves_the_extractive_draft_and_one_warning(
    english, registry, linker, model_server, reply, url, warning
):
    model_server.reset(reply)
    settings = ModelSettings(url or model_server.url, "test-model", "", 1.0)
    event, sources = english
    with make_client(settings) as client:
        draft = draft_event(event, sources, registry, find_mentions=linker.find,
                            model=DraftingModel(settings, client))  # fmt: skip
    extractive = draft_event(event, sources, registry, find_mentions=linker.find)
    assert draft.method == "extractive"
    assert draft.summary == extractive.summary
    assert draft.implications == extractive.implications
    [message] = draft.warnings
    assert warning in message and message.endswith("so this draft is extractive.")


def test_every_draft_fact_resolves(pairs, registry, linker):
    for pair in pairs:
        event, sources = pair_event(pair), [pair_source(pair)]
        draft = draft_event(event, sources, registry, HISTORY, find_mentions=linker.find)
        ids = {str(e.id) for e in HISTORY}
        assert unresolved_evidence(draft.implications.facts, registry, ids, sources) == []
