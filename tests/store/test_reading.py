"""A read command's connection: SQLAlchemy the first time (writing the compiled
statements), the stdlib sqlite3 module after; SQLAlchemy on PostgreSQL, where no
cache is written."""

import pytest

from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.registry.records import registry_labels
from binational.store.cached_reader import CachedReader
from binational.store.database import Database
from binational.store.event_reads import read_events
from binational.store.reading import read_connection
from binational.store.statement_cache import PREFIX


@pytest.fixture
def sample(tmp_path, sample_report_path):
    database = Database.open(str(tmp_path / "demo.db"))
    import_reports(database, [sample_report_path], annotator=registry_annotator())
    database.close()
    return str(tmp_path / "demo.db")


def test_sqlalchemy_first_then_the_cached_reader(sample, tmp_path):
    cache = tmp_path / "cache"
    labels = registry_labels(load_registry())
    with read_connection(sample, 1.0, cache) as connection:
        assert not isinstance(connection, CachedReader)
        first = read_events(connection, [1, 2, 3], labels)
    assert [path.name.startswith(PREFIX) for path in cache.iterdir()] == [True]
    with read_connection(sample, 1.0, cache) as connection:
        assert isinstance(connection, CachedReader)
        assert read_events(connection, [1, 2, 3], labels) == first
    assert len(first) == 3


def test_no_cache_directory_means_sqlalchemy(sample):
    for _ in range(2):
        with read_connection(sample, 1.0, None) as connection:
            assert not isinstance(connection, CachedReader)


def test_a_new_database_is_created_and_migrated(tmp_path):
    """No file yet: opened (and migrated) through SQLAlchemy, as every command."""
    with read_connection(str(tmp_path / "new.db"), 1.0, tmp_path / "cache") as connection:
        assert read_events(connection, [1], {}) == []
    with read_connection(str(tmp_path / "new.db"), 1.0, tmp_path / "cache") as connection:
        assert isinstance(connection, CachedReader)
        assert read_events(connection, [1], {}) == []


@pytest.mark.postgres
def test_postgresql_reads_through_sqlalchemy(postgres_database, tmp_path):
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    for _ in range(2):
        with read_connection(url, 1.0, tmp_path / "cache") as connection:
            assert not isinstance(connection, CachedReader)
            assert read_events(connection, [1], {}) == []
    assert not (tmp_path / "cache").exists()
