"""Alembic's environment for lumbar: migrations run over the engine ``lumbar.store.migrate`` hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, text

from lumbar.store.database import WRITING
from lumbar.store.models import Base

#: a fixed key of PostgreSQL's advisory lock, so that two servers starting at once migrate one at a time
MIGRATION_LOCK = 0x6C756D626172

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("run lumbar's migrations through lumbar.store.migrate.upgrade(url)")

with engine.connect().execution_options(**{WRITING: True}) as connection:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        # SQLite: the migration's transaction took the write lock when it began (see WRITING)
        context.run_migrations()
    connection.commit()
