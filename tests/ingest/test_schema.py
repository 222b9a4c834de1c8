"""The ingest models and migration 0002_ingest describe the same tables."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.store import ingest_models
from binational.store.models import Base

INGEST_TABLES = {
    ingest_models.FetchState.__table__.name,
    ingest_models.Candidate.__table__.name,
    ingest_models.Document.__table__.name,
}


def _table_of(diff) -> str | None:
    """The table a diff of ``compare_metadata`` is about."""
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        if isinstance(part, str) and part in INGEST_TABLES:
            return part
        if getattr(part, "__visit_name__", None) == "table":
            return part.name
        table = getattr(part, "table", None)
        if table is not None:
            return table.name
    return None


def test_models_match_the_migration(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    ours = [diff for diff in diffs if _table_of(diff) in INGEST_TABLES]
    assert ours == []
    assert set(database.table_names()) >= INGEST_TABLES
