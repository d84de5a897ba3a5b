"""The migrations: an empty database goes to the newest revision; one made by the previous revision
keeps its rows; the tables they make are the models' tables (Alembic's autogenerate finds no
difference), on SQLite and PostgreSQL."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from store_helpers import NOW, a_day

import lumbar
from lumbar.store import open_store
from lumbar.store.database import make_engine
from lumbar.store.migrate import current_revision, head_revision, upgrade
from lumbar.store.models import Base

PREVIOUS = "0001"


def test_an_empty_database_is_brought_to_the_newest_revision(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision() == "0002"
    assert set(inspect(engine).get_table_names()) == {*Base.metadata.tables, "alembic_version"}
    upgrade(engine)  # at the newest revision already: nothing to do, nothing fails
    engine.dispose()


def test_a_database_of_the_previous_revision_keeps_its_rows(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine, PREVIOUS)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO person (username, password_hash, created) VALUES ('ann', 'h', :now)"),
            {"now": NOW},
        )
        connection.execute(text("INSERT INTO interview_state VALUES ('k', 'sealed', 1000)"))
    engine.dispose()
    store = open_store(database_url)
    ann = store.people.by_username("ann")
    assert ann.created == NOW and store.interview_states.token("k") == "sealed"
    assert store.diary.add(ann.id, a_day(), NOW).owner_id == ann.id  # the new tables work with the old rows
    store.close()


def test_the_migrations_make_the_models_tables(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == [], "write a migration for these changes of lumbar/store/models.py"


def test_the_migrations_ship_inside_the_package() -> None:
    folder = Path(str(files("lumbar.store") / "migrations"))
    assert folder.is_relative_to(Path(lumbar.__file__).parent)
    assert (folder / "env.py").is_file() and (folder / "script.py.mako").is_file()
    assert len(list((folder / "versions").glob("r0*.py"))) == 2
