"""Drafting a stored event and keeping the draft, on SQLite and PostgreSQL: the kept
draft is the draft shown, with a revision by "binational" naming the method; a model
answer the sources do not hold is kept marked; and which model a command gets."""

from __future__ import annotations

import pytest
from devset import store_candidate
from model_server import answer

from binational.config import Settings
from binational.drafting.keep import Drafter, drafting_model, keep
from binational.drafting.llm import ModelSettings, make_client
from binational.drafting.service import DraftingModel
from binational.errors import UserError
from binational.ingest.queue import accept_candidate
from binational.store.drafts import latest_draft
from binational.store.models import Event

NAMED = (
    "The event is linked to no registry institution, so the implications are drafted about "
    "those its sources name (U.S.-Mexico Air Transport Agreement); link them if they are right."
)


@pytest.fixture
def drafter(registry, linker) -> Drafter:
    return Drafter(registry, linker.find)


@pytest.fixture
def event_id(database, pairs, drafter) -> int:
    """An accepted candidate's event: the English release of item 13."""
    candidate = store_candidate(database, next(p for p in pairs if p["item"] == 13))
    with database.transaction() as session:
        return accept_candidate(session, candidate, "ana", drafter.annotator()).id


def revisions(database, event_id) -> list[tuple[str, str, dict]]:
    with database.sessions() as session:
        return [(r.author, r.action, r.after) for r in session.get(Event, event_id).revisions]


def test_a_kept_draft_is_the_draft_with_a_revision(database, drafter, event_id):
    shown = drafter.draft(database, event_id)
    assert shown.draft_id is None and revisions(database, event_id)[-1][1] == "accept"
    kept = keep(database, shown)
    with database.connect() as connection:
        stored = latest_draft(connection, event_id)
    assert stored.id == kept.draft_id and stored.method == "extractive"
    assert stored.draft == shown.draft.as_json()
    [source] = stored.sources
    assert source["document_id"] == shown.sources[0].document_id and "text" not in source
    assert shown.draft.warnings == (NAMED,)  # the release is linked to its agencies only
    assert revisions(database, event_id)[-1] == (
        "binational", "draft", {"method": "extractive", "draft": kept.draft_id, "warnings": 1})
    record = kept.record()
    assert record["draft_id"] == kept.draft_id and record["event_id"] == event_id
    assert record["sources"] == [{k: v for k, v in source.items()}]
    for sentence in record["summary"]["sentences"]:
        text = shown.sources[0].text
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_a_model_answer_the_sources_do_not_hold_is_kept_marked(
    database, registry, linker, event_id, model_server
):
    model_server.reset(answer(
        "Secretary Buttigieg met President López Obrador at AIFA on March 3, 2021.",
        "The Binational Aviation Council will oversee the agreement.",
    ))  # fmt: skip
    settings = ModelSettings(model_server.url, "test-model", "", 3.0)
    with make_client(settings) as client:
        drafter = Drafter(registry, linker.find, DraftingModel(settings, client))
        kept = drafter.draft_and_keep(database, event_id)
    with database.connect() as connection:
        stored = latest_draft(connection, event_id).draft
    assert stored["method"] == "llm:test-model"
    assert "March 3, 2021 [unverified]" in stored["summary"]["text"]
    assert "Binational Aviation Council [unverified]" in stored["implications"]["text"]
    assert any("“Binational Aviation Council”, which is not in the registry" in w
               for w in stored["warnings"])  # fmt: skip
    assert any("“March 3, 2021”, a date found in neither" in w for w in stored["warnings"])
    assert stored["warnings"][0] == NAMED and len(stored["warnings"]) == 3
    assert revisions(database, event_id)[-1][2] == {
        "method": "llm:test-model", "draft": kept.draft_id, "warnings": 3}


def test_which_model_a_command_gets(model_server):
    unset = Settings()
    with drafting_model(unset) as model:
        assert model is None
    with drafting_model(unset, False) as model:
        assert model is None
    refused = pytest.raises(UserError, match="no drafting model is configured")
    with refused, drafting_model(unset, True):
        pass
    configured = Settings(llm_url=model_server.url, llm_model="m", llm_timeout=2.0)
    with drafting_model(configured) as model:
        assert model.settings == ModelSettings(model_server.url, "m", "", 2.0)
        client = model.client
    assert client.is_closed
    with drafting_model(configured, False) as model:
        assert model is None
