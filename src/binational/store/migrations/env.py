"""Alembic environment: the engine is handed in by ``store.database.upgrade``.

Run by hand with ``binational db upgrade``; there is no alembic.ini, so that the
database URL comes from binational's own settings.
"""

from alembic import context

from binational.store.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
