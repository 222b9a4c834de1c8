"""A named statement: its key, built once per process from its module, and run by
``rows``/``first`` on a SQLAlchemy connection or session."""

import pytest

from binational.store import event_statements
from binational.store.named_statements import NamedStatement, first, rows
from binational.store.schema_version import SCHEMA_HEADS

EVENT_DAY = NamedStatement("binational.store.event_statements", "EVENT_DAY")
STORED_VERSIONS = NamedStatement("binational.store.database", "STORED_VERSIONS")


@pytest.mark.parametrize(
    ("statement", "key"),
    [
        (EVENT_DAY, "event_statements.EVENT_DAY"),
        (NamedStatement("binational.store.event_filters", "listing", (("status",),)),
         "event_filters.listing(('status',),)"),
    ],
)  # fmt: skip
def test_key(statement, key):
    assert statement.key == key


def test_built_once_from_its_module():
    assert EVENT_DAY.build() is event_statements.EVENT_DAY
    family = NamedStatement("binational.store.event_filters", "listing", (("status",),))
    assert family.build() is family.build()


def test_rows_and_first_on_a_connection_and_a_session(sqlite_database):
    with sqlite_database.connect() as connection:
        assert rows(connection, EVENT_DAY, {"event_id": 1}) == []
        assert first(connection, EVENT_DAY, {"event_id": 1}) is None
        versions = rows(connection, STORED_VERSIONS)
    assert {row.version_num for row in versions} == SCHEMA_HEADS
    with sqlite_database.sessions() as session:
        assert first(session, STORED_VERSIONS).version_num in SCHEMA_HEADS
