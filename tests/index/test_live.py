"""index/live.py: the index follows the database, on SQLite and PostgreSQL."""

import logging

import pytest

from binational.index.live import LiveIndex
from binational.index.query import IndexFilter, ranked_ids
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.store.data_version import data_version
from binational.store.events import get_event, update_event


@pytest.fixture
def imported(database, sample_report_path):
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    return database


def version_of(database):
    with database.connect() as connection:
        return data_version(connection)


def edit_title(database, event_id, title):
    with database.transaction() as session:
        update_event(session, get_event(session, event_id), {"title": title}, "analyst")


def test_the_index_follows_every_change(imported):
    live = LiveIndex(imported, load_registry(), background=False)
    index = live.current(version_of(imported))
    assert index is not None and index.event_count == 14 and live.builds == 1
    assert live.current(version_of(imported)) is index  # no change, no build
    assert ranked_ids(index, ["zanzibar"], IndexFilter()).size == 0

    edit_title(imported, 3, "Zanzibar talks")
    assert live.state(version_of(imported)) == "stale"
    rebuilt = live.current(version_of(imported))
    assert rebuilt is not index and live.builds == 2
    assert ranked_ids(rebuilt, ["zanzibar"], IndexFilter()).tolist() == [3]


def test_in_the_background_the_database_answers_until_the_index_is_built(imported):
    live = LiveIndex(imported, load_registry())
    version = version_of(imported)
    assert live.current(version) is None  # the build has started; the caller falls back
    assert live.wait(timeout=60)
    assert live.state(version) == "ready" and live.current(version).event_count == 14


def test_an_old_index_is_used_while_a_fresh_one_is_built(imported):
    now = [0.0]
    live = LiveIndex(imported, load_registry(), max_age=60, clock=lambda: now[0])
    version = version_of(imported)
    live.current(version)
    assert live.wait(timeout=60)
    first = live.current(version)
    now[0] = 61.0  # older than max_age: still answers, while a fresh one is built
    assert live.current(version) is first
    assert live.wait(timeout=60) and live.builds == 2
    assert live.current(version) is not first


def test_a_failed_build_is_logged_retried_later_and_the_database_answers(imported, caplog):
    now = [0.0]
    live = LiveIndex(imported, load_registry(), background=False, retry_after=60,
                     clock=lambda: now[0])  # fmt: skip
    version = version_of(imported)
    imported.engine.dispose()
    with imported.connect() as connection:  # break the events table for the build
        connection.exec_driver_sql("ALTER TABLE events RENAME TO events_away")
        connection.commit()
    with caplog.at_level(logging.ERROR):
        assert live.current(version) is None
    assert "building the search index failed" in caplog.text and live.builds == 0
    with imported.connect() as connection:
        connection.exec_driver_sql("ALTER TABLE events_away RENAME TO events")
        connection.commit()
    now[0] = 59.0  # not every search tries again
    assert live.current(version) is None and live.builds == 0
    now[0] = 61.0
    assert live.current(version) is not None and live.builds == 1


def test_after_build_is_called_after_each_build_that_succeeded(imported):
    built = []
    live = LiveIndex(imported, load_registry(), background=False,
                     after_build=lambda: built.append(live.builds))  # fmt: skip
    live.current(version_of(imported))
    edit_title(imported, 3, "Zanzibar talks")
    live.current(version_of(imported))
    assert built == [1, 2]
