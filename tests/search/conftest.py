"""A database (SQLite file and PostgreSQL) holding the sample report's 14 events,
linked and tagged by the registry's annotator, plus three events of our own: one
with more institutions and topics than the index has slots for, one whose words
are in its title only, one whose words are in its implications only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from binational.config import Settings
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.search.engine import SearchEngine, open_engine
from binational.store.database import Database
from binational.store.links import add_link, set_topics
from binational.store.models import Event

MANY_INSTITUTIONS = ("usmca", "ibwc", "hled", "nadbank", "bicentennial-framework")
MANY_TOPICS = ("security", "water", "trade-economy", "health")


def add_event(database: Database, **fields) -> int:
    defaults = {"date_value": dt.date(2023, 5, 20), "status": "draft", "summary": "",
                "implications": ""}  # fmt: skip
    with database.transaction() as session:
        event = Event(**{**defaults, **fields})
        session.add(event)
        session.flush()
        return event.id


@pytest.fixture
def corpus(database: Database, sample_report_path: Path) -> dict[str, int]:
    """Fill ``database``; the ids of our own events by name."""
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    ids = {
        "linked": add_event(database, title="Quarterly binational review", status="reviewed",
                            summary="A review of many institutions at once.",
                            date_value=dt.date(2022, 11, 3)),
        "title": add_event(database, title="Zapotec quinoa harvest",
                           summary="Farmers met officials.", date_value=dt.date(2023, 6, 2)),
        "implications": add_event(database, title="Farm meeting",
                                  summary="Officials met farmers.",
                                  implications="The zapotec quinoa program may grow.",
                                  date_value=dt.date(2023, 6, 2)),
    }  # fmt: skip
    with database.transaction() as session:
        event = session.get(Event, ids["linked"])
        for slug in MANY_INSTITUTIONS:
            add_link(session, event, slug, "institution", "analyst")
        set_topics(session, event, MANY_TOPICS, "analyst")
    return ids


@pytest.fixture
def engine(database: Database, corpus: dict[str, int], tmp_path: Path) -> SearchEngine:
    settings = Settings(search_dir=str(tmp_path / "search"))
    return open_engine(database, load_registry(), settings)
