"""The web models (users, API tokens, the facet indexes) and migration 0003_web
describe the same schema, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from binational.store import account_models, models

Base = models.Base

WEB_TABLES = {account_models.User.__tablename__, account_models.ApiToken.__tablename__}
WEB_INDEXES = {index.name for index in models.FACET_INDEXES}


def ours(diff) -> bool:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:]:
        name = getattr(part, "name", None)
        table = getattr(part, "table", None)
        if name in WEB_INDEXES or name in WEB_TABLES:
            return True
        if table is not None and getattr(table, "name", None) in WEB_TABLES:
            return True
        if isinstance(part, str) and part in WEB_TABLES:
            return True
    return False


def test_models_match_the_migration(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    assert [diff for diff in diffs if ours(diff)] == []
    assert set(database.table_names()) >= WEB_TABLES
