"""``binational draft`` and the draft made when a candidate is accepted, end to end:
real releases (English and Spanish) queued as candidates in a SQLite file holding the
sample report, accepted from the command line, drafted with and without the tests'
model server on 127.0.0.1 (``tests/fixtures/drafting/model_server.py``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from binational.cli import app
from binational.store.database import Database
from binational.store.drafts import latest_draft

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures" / "drafting"))
from devset import load_pairs, store_candidate  # noqa: E402
from model_server import ModelServer, answer, closed_port_url  # noqa: E402

PAIRS = {pair["item"]: pair for pair in load_pairs()}
ENGLISH, SPANISH = 13, 12  # the air transport statement; the SRE's consular release


@pytest.fixture(scope="module")
def server() -> Iterator[ModelServer]:
    running = ModelServer().start()
    yield running
    running.stop()


@pytest.fixture
def model_server(server) -> ModelServer:
    server.reset()
    return server


@pytest.fixture
def db(tmp_path, monkeypatch, sample_report_path) -> Path:
    """The sample report imported, and both releases queued as candidates."""
    monkeypatch.chdir(tmp_path)  # no binational.toml from elsewhere
    path = tmp_path / "draft.db"
    assert run("import", sample_report_path, "--db", path).exit_code == 0
    return path


def run(*args, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [str(a) for a in args], env={"BINATIONAL_LLM_URL": "",
                                                                **(env or {})})  # fmt: skip


def ok(*args, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def queue(db: Path, item: int) -> int:
    database = Database.open(str(db))
    try:
        return store_candidate(database, PAIRS[item])
    finally:
        database.close()


def accepted_event(db: Path, item: int) -> int:
    """The event of the item's release, accepted without a draft."""
    return json.loads(ok("candidates", "accept", queue(db, item), "--no-draft", "--json",
                         "--db", db))["id"]  # fmt: skip


def kept(db: Path, event_id: int):
    database = Database.open(str(db))
    try:
        with database.connect() as connection:
            return latest_draft(connection, event_id)
    finally:
        database.close()


def llm_env(server: ModelServer) -> dict[str, str]:
    return {"BINATIONAL_LLM_URL": server.url, "BINATIONAL_LLM_MODEL": "test-model",
            "BINATIONAL_LLM_TIMEOUT": "3"}  # fmt: skip


def test_accept_drafts_the_new_event_unless_told_not_to(db):
    record = json.loads(ok("candidates", "accept", queue(db, ENGLISH), "--json", "--db", db))
    draft = record["draft"]
    assert record["status"] == "draft" and draft["event_id"] == record["id"]
    assert draft["method"] == "extractive" and draft["summary"]["sentences"]
    assert kept(db, record["id"]).id == draft["draft_id"]
    said = ok("candidates", "accept", queue(db, SPANISH), "--no-draft", "--db", db)
    assert said.startswith("candidate ") and "drafted" not in said
    event_id = int(said.split("draft event ")[1].split()[0])
    assert kept(db, event_id) is None


@pytest.mark.parametrize(("item", "language", "flags"),
                         [(ENGLISH, "en", []), (SPANISH, "es", ["source in Spanish"])])
def test_an_accepted_candidate_is_drafted_from_its_release(db, item, language, flags):
    event_id = accepted_event(db, item)
    record = json.loads(ok("draft", event_id, "--json", "--db", db))
    source = PAIRS[item]["source"]
    assert record["event_id"] == event_id and record["method"] == "extractive"
    assert record["draft_id"] is None and kept(db, event_id) is None  # not kept without --save
    summary = record["summary"]
    assert (summary["language"], summary["flags"]) == (language, flags)
    assert 3 <= len(summary["sentences"]) <= 8
    for sentence in summary["sentences"]:
        assert sentence["source_url"] == source["url"]
        assert source["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    for fact in record["implications"]["facts"]:
        assert fact["text"] and {e["kind"] for e in fact["evidence"]} <= {
            "event", "institution", "source"}  # fmt: skip
    [used] = record["sources"]
    assert (used["url"], used["title"], used["language"], used["stored"]) == (
        source["url"], source["title"], language, False)  # fmt: skip
    assert isinstance(used["document_id"], int) and len(used["sha256"]) == 64
    if item == ENGLISH:
        assert "U.S.-Mexico Air Transport Agreement" in record["implications"]["text"]
    else:
        assert record["warnings"][0].startswith("Source in Spanish")


@pytest.mark.parametrize(
    ("item", "summary", "flags"),
    [(ENGLISH, "Secretary Buttigieg met President López Obrador at Felipe Angeles "
      "International Airport (AIFA).", []),
     (SPANISH, "Officials of the General Directorate of Consular Protection and Strategic "
      "Planning travelled to Arizona, California and Texas as Title 42 ended.",
      ["translated from Spanish"])],
)  # fmt: skip
def test_a_model_rewrites_the_draft(db, model_server, item, summary, flags):
    event_id = accepted_event(db, item)
    model_server.reset(answer(summary, "The event concerns the institutions involved."))
    record = json.loads(ok("draft", event_id, "--llm", "--json", "--db", db,
                           env=llm_env(model_server)))  # fmt: skip
    assert record["method"] == "llm:test-model"
    assert record["summary"]["text"] == summary and record["summary"]["flags"] == flags
    assert not any("[unverified]" in w for w in record["warnings"])
    [sentence] = record["summary"]["sentences"]
    assert sentence["verbatim"] is False and sentence["source_url"] == PAIRS[item]["source"]["url"]
    prompt = model_server.requests[0]["messages"][1]["content"]
    assert PAIRS[item]["source"]["text"][:200] in prompt
    no_model = json.loads(ok("draft", event_id, "--no-llm", "--json", "--db", db,
                             env=llm_env(model_server)))  # fmt: skip
    assert no_model["method"] == "extractive" and len(model_server.requests) == 1


@pytest.mark.parametrize(
    ("summary", "implications", "warning", "marked"),
    [("Secretary Buttigieg met President López Obrador at AIFA.",
      "The Binational Aviation Council will oversee the agreement.",
      "The model's implications names “Binational Aviation Council”, which is not in the "
      "registry. It is marked [unverified].",
      "The Binational Aviation Council [unverified] will oversee the agreement."),
     ("Secretary Buttigieg met President López Obrador at AIFA on March 3, 2021.",
      "The U.S.-Mexico Air Transport Agreement frames the talks.",
      "The model's summary gives “March 3, 2021”, a date found in neither the sources nor "
      "the facts. It is marked [unverified].",
      "at AIFA on March 3, 2021 [unverified].")],
)  # fmt: skip
def test_what_the_sources_do_not_hold_is_warned_and_kept_marked(
    db, model_server, summary, implications, warning, marked
):
    event_id = accepted_event(db, ENGLISH)
    model_server.reset(answer(summary, implications))
    record = json.loads(ok("draft", event_id, "--save", "--json", "--db", db,
                           env=llm_env(model_server)))  # fmt: skip
    assert record["method"] == "llm:test-model" and warning in record["warnings"]
    assert marked in record["summary"]["text"] + " " + record["implications"]["text"]
    stored = kept(db, event_id)
    assert stored.id == record["draft_id"] and stored.method == "llm:test-model"
    assert warning in stored.draft["warnings"]
    assert marked in stored.draft["summary"]["text"] + " " + stored.draft["implications"]["text"]
    shown = json.loads(ok("events", "show", event_id, "--json", "--db", db))
    revision = shown["revisions"][-1]  # oldest first: the accept, then the draft
    assert [r["action"] for r in shown["revisions"]] == ["accept", "draft"]
    assert (revision["author"], revision["action"]) == ("binational", "draft")
    assert revision["after"]["method"] == "llm:test-model"
    assert revision["after"]["draft"] == record["draft_id"]


def test_the_draft_for_people_shows_marks_and_warnings(db, model_server):
    event_id = accepted_event(db, ENGLISH)
    model_server.reset(answer("Secretary Buttigieg met at AIFA on March 3, 2021.", "It matters."))
    said = ok("draft", event_id, "--save", "--db", db, env=llm_env(model_server))
    assert f"Draft of event {event_id}, llm:test-model" in said
    assert "on March 3, 2021 [unverified]." in said  # shown as written, not taken for markup
    assert "warning: The model's summary gives “March 3, 2021”" in said
    assert f"kept as draft {kept(db, event_id).id} of event {event_id}" in said


def test_a_model_that_is_down_leaves_the_extractive_draft(db):
    event_id = accepted_event(db, ENGLISH)
    env = {"BINATIONAL_LLM_URL": closed_port_url(), "BINATIONAL_LLM_TIMEOUT": "2"}
    record = json.loads(ok("draft", event_id, "--json", "--db", db, env=env))
    assert record["method"] == "extractive"
    assert record["warnings"][-1].endswith("so this draft is extractive.")


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--llm",), "no drafting model is configured; set BINATIONAL_LLM_URL"),
     ((), "there is no event 999")],
)  # fmt: skip
def test_refusals_are_one_sentence(db, args, message):
    event_id = 999 if not args else accepted_event(db, ENGLISH)
    result = run("draft", event_id, *args, "--db", db)
    assert result.exit_code == 1
    assert message in str(result.exception)
