"""search/sync.py: the index follows the database by deltas, is shared by
processes, and is rebuilt when it cannot be read."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time

from sqlalchemy import insert
from tests.search.conftest import add_event

from binational.search.engine import SearchEngine, open_engine
from binational.search.query import SearchQuery, search
from binational.search.state import read_state
from binational.search.sync import is_current, synchronize
from binational.store.data_version import data_version
from binational.store.events import get_event, update_event
from binational.store.links import add_link, remove_link
from binational.store.models import Event, Revision


def edit(database, event_id: int, **changes) -> None:
    with database.transaction() as session:
        update_event(session, get_event(session, event_id), changes, "analyst")


def another_engine(engine: SearchEngine) -> SearchEngine:
    """What another process opening the same database and directory starts with."""
    return SearchEngine(engine.database, engine.directory, engine.category_of)


def test_built_once_then_current(engine):
    assert synchronize(engine).kind == "build"
    assert synchronize(engine).kind == "current"
    assert search(engine, SearchQuery(text="fentanyl")).total > 0
    assert (engine.builds, engine.deltas) == (1, 0)


def test_is_current_tells_whether_a_search_would_only_read(engine, database, corpus):
    """What the web asks before searching on its event loop (``web/routes/events``)."""

    def version():
        with database.connect() as connection:
            return data_version(connection)

    assert not is_current(engine, version())  # nothing loaded yet
    synchronize(engine)
    assert is_current(engine, version())
    edit(database, corpus["title"], title="Zanzibar clove agreement")
    assert not is_current(engine, version())
    search(engine, SearchQuery(text="zanzibar"), version=version())
    assert is_current(engine, version()) and engine.deltas == 1


def test_an_edit_is_found_by_the_next_search_through_a_delta(engine, database, corpus):
    search(engine, SearchQuery())
    edit(database, corpus["title"], title="Zanzibar clove agreement")
    edited_at = time.perf_counter()
    found = search(engine, SearchQuery(text="zanzibar"))
    visible_after = time.perf_counter() - edited_at
    assert found.ids == [corpus["title"]] and found.cards[0]["title"].startswith("Zanzibar")
    assert search(engine, SearchQuery(text="quinoa")).ids == [corpus["implications"]]
    assert (engine.builds, engine.deltas) == (1, 1)  # a delta, not a rebuild
    assert visible_after < 1.0


def test_links_topics_status_and_new_events_follow(engine, database, corpus):
    def institution_count(slug: str) -> int:
        facets = search(engine, SearchQuery(text="quinoa")).facets["institution"]
        return next((f["count"] for f in facets if f["value"] == slug), 0)

    assert institution_count("ibwc") == 0
    with database.transaction() as session:
        add_link(session, session.get(Event, corpus["title"]), "ibwc", "institution", "analyst")
    assert institution_count("ibwc") == 1
    assert search(engine, SearchQuery(institution="ibwc", text="quinoa")).ids == [corpus["title"]]
    with database.transaction() as session:
        remove_link(session, session.get(Event, corpus["title"]), "ibwc", "analyst")
    assert institution_count("ibwc") == 0
    edit(database, corpus["title"], status="published", date="2021-03")
    found = search(engine, SearchQuery(text="quinoa", status="published"))
    assert found.ids == [corpus["title"]] and found.cards[0]["date"] == "2021-03"
    assert found.facets["quarter"] == [{"value": "2021Q1", "count": 1}]
    new = add_event(database, title="Quinoa exports rise")
    assert new in search(engine, SearchQuery(text="quinoa")).ids
    assert engine.builds == 1 and engine.deltas == 4


def test_a_late_revision_below_the_version_is_still_applied(engine, database, corpus):
    """On PostgreSQL a transaction can commit revision 41 after 42 was read: the
    index waits for the ids it skipped (here written with explicit ids)."""
    search(engine, SearchQuery())
    last = read_state(engine.directory).revisions
    with database.transaction() as session:
        session.execute(insert(Revision), [{"id": last + 10, "event_id": corpus["title"],
                        "author": "a", "action": "edit", "before": {}, "after": {}}])  # fmt: skip
    search(engine, SearchQuery())
    assert set(read_state(engine.directory).revision_gaps) == set(range(last + 1, last + 10))
    with database.transaction() as session:  # the late one: the version does not move
        session.get(Event, corpus["linked"]).title = "Okapi census"
        session.execute(insert(Revision), [{"id": last + 5, "event_id": corpus["linked"],
                        "author": "a", "action": "edit", "before": {}, "after": {}}])  # fmt: skip
    time.sleep(1.0)  # awaited ids are looked for again at most once a second
    assert search(engine, SearchQuery(text="okapi")).ids == [corpus["linked"]]
    assert last + 5 not in read_state(engine.directory).revision_gaps
    assert engine.builds == 1


CHILD = """
import json, sys
from binational.registry.loader import load_registry
from binational.config import Settings
from binational.search import open_engine, search, SearchQuery
from binational.store.database import Database
engine = open_engine(Database.open(sys.argv[1]), load_registry(),
                     Settings(search_dir=sys.argv[2]))
found = search(engine, SearchQuery(text=sys.argv[3]))
print(json.dumps({"ids": found.ids, "builds": engine.builds, "deltas": engine.deltas,
                  "directory": str(engine.directory)}))
"""


def child_processes(engine: SearchEngine, text: str, count: int) -> list[dict]:
    """``count`` processes started at once, each opening the index and searching."""
    url = engine.database.engine.url.render_as_string(hide_password=False)
    search_dir = str(engine.directory)
    processes = [
        subprocess.Popen([sys.executable, "-c", CHILD, url, search_dir, text],
                         stdout=subprocess.PIPE, text=True)  # fmt: skip
        for _ in range(count)
    ]
    results = []
    for process in processes:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        results.append(json.loads(out))
    return results


def test_processes_share_the_index_and_one_applies_a_delta(engine, database, corpus):
    expected = search(engine, SearchQuery(text="quinoa")).ids
    first = child_processes(engine, "quinoa", 1)[0]
    assert first["directory"] == str(engine.directory)
    assert (first["ids"], first["builds"], first["deltas"]) == (expected, 0, 0)
    edit(database, corpus["linked"], title="Okapi census")
    results = child_processes(engine, "okapi", 2)
    assert all(r["ids"] == [corpus["linked"]] and r["builds"] == 0 for r in results)
    assert sorted(r["deltas"] for r in results) == [0, 1]  # one wrote it, one read it
    assert search(engine, SearchQuery(text="okapi")).ids == [corpus["linked"]]
    assert (engine.builds, engine.deltas) == (1, 0)  # this process reloaded their work


def test_a_missing_index_is_rebuilt(engine):
    search(engine, SearchQuery())
    generation = engine.directory / f"index-{read_state(engine.directory).generation}"
    expected = search(engine, SearchQuery(text="mexico"))
    for path in generation.iterdir():
        path.unlink()
    generation.rmdir()
    fresh = another_engine(engine)
    assert search(fresh, SearchQuery(text="mexico")) == expected
    assert fresh.builds == 1 and not generation.exists()


def test_a_corrupt_index_or_state_is_rebuilt(engine):
    expected = search(engine, SearchQuery(text="mexico"))
    generation = engine.directory / f"index-{read_state(engine.directory).generation}"
    (generation / "meta.json").write_text("{not json", encoding="utf-8")
    fresh = another_engine(engine)
    assert search(fresh, SearchQuery(text="mexico")) == expected and fresh.builds == 1
    (engine.directory / "state.json").write_text("garbage", encoding="utf-8")
    fresh = another_engine(engine)
    assert search(fresh, SearchQuery(text="mexico")) == expected and fresh.builds == 1
    assert len(list(engine.directory.glob("index-*"))) == 1  # older generations removed


def test_a_new_registry_mapping_rebuilds(engine):
    search(engine, SearchQuery())
    moved = dict(engine.category_of, usmca="program")
    fresh = SearchEngine(engine.database, engine.directory, moved)
    found = search(fresh, SearchQuery(institution="usmca"))
    assert fresh.builds == 1
    assert {f["value"] for f in found.facets["category"]} >= {"program"}


def test_an_open_engine_follows_a_rebuild_by_another_process(engine, database, corpus):
    search(engine, SearchQuery())
    old = read_state(engine.directory).generation
    (engine.directory / "state.json").unlink()
    other = another_engine(engine)
    edit(database, corpus["linked"], title="Okapi census")
    assert search(other, SearchQuery(text="okapi")).ids == [corpus["linked"]]
    assert other.builds == 1 and read_state(engine.directory).generation != old
    assert search(engine, SearchQuery(text="okapi")).ids == [corpus["linked"]]
    assert engine.builds == 1 and engine.state.generation != old


def test_the_index_lives_beside_a_sqlite_file(sqlite_database, tmp_path):
    from binational.config import Settings
    from binational.registry.loader import load_registry

    add_event(sqlite_database, title="Alone", date_value=dt.date(2020, 1, 1))
    engine = open_engine(sqlite_database, load_registry(), Settings(search_dir=str(tmp_path / "x")))
    assert engine.directory == tmp_path / "test.db.search"
    assert search(engine, SearchQuery(text="alone")).total == 1
    assert (tmp_path / "test.db.search" / "state.json").is_file()


def test_while_another_process_builds_the_open_index_answers(engine, database, corpus):
    import fcntl

    search(engine, SearchQuery())
    edit(database, corpus["linked"], title="Okapi census")
    with open(engine.directory / "writer.lock", "a+b") as held:  # another process's build
        fcntl.flock(held, fcntl.LOCK_EX)
        assert synchronize(engine, patience=0.05).kind == "busy"
        assert search(engine, SearchQuery(text="census")).ids == []  # as it was
        fcntl.flock(held, fcntl.LOCK_UN)
    assert synchronize(engine).kind == "delta"
    assert search(engine, SearchQuery(text="okapi")).ids == [corpus["linked"]]


def test_a_topic_new_since_the_build_is_counted(engine, database, corpus):
    from binational.store.links import set_topics

    search(engine, SearchQuery())
    with database.transaction() as session:
        set_topics(session, session.get(Event, corpus["title"]), ["water", "brand-new"], "analyst")
    found = search(engine, SearchQuery(text="quinoa"))
    assert {"value": "brand-new", "count": 1} in found.facets["topic"]
    assert {"value": "water", "count": 1} in found.facets["topic"]
    assert search(engine, SearchQuery(topic="brand-new")).ids == [corpus["title"]]
    assert engine.builds == 1


def test_an_institution_new_since_the_build_is_counted(engine, database, corpus):
    """Its slug has no code in the built index: it is counted as an extra tag."""
    search(engine, SearchQuery())
    assert "brand-new-agency" not in engine.state.institution_codes
    with database.transaction() as session:
        event = session.get(Event, corpus["title"])
        add_link(session, event, "brand-new-agency", "agency", "analyst")
        add_link(session, event, "ibwc", "institution", "analyst")
    found = search(engine, SearchQuery(text="quinoa"))
    assert {"value": "brand-new-agency", "count": 1} in found.facets["institution"]
    assert {"value": "ibwc", "count": 1} in found.facets["institution"]
    assert search(engine, SearchQuery(institution="brand-new-agency")).ids == [corpus["title"]]
    assert engine.builds == 1
