"""The migrations: an empty database goes to the newest revision; one made by the previous revision
keeps its rows; the tables they make are the models' tables (Alembic's autogenerate finds no
difference), on SQLite and PostgreSQL."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from store_helpers import FIRST_DAY, NOW, a_day, a_score

import lumbar
from lumbar.store import open_store
from lumbar.store.database import make_engine
from lumbar.store.migrate import current_revision, head_revision, upgrade
from lumbar.store.models import Base

FIRST = "0001"
PREVIOUS = "0002"


def test_an_empty_database_is_brought_to_the_newest_revision(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision() == "0003"
    assert set(inspect(engine).get_table_names()) == {*Base.metadata.tables, "alembic_version"}
    upgrade(engine)  # at the newest revision already: nothing to do, nothing fails
    engine.dispose()


def test_a_database_of_the_first_revision_keeps_its_rows(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine, FIRST)
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


def test_a_database_of_the_previous_revision_keeps_its_rows(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine, PREVIOUS)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO person (username, password_hash, created) VALUES ('ann', 'h', :now)"),
            {"now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO diary_entry (owner_id, day, pain_now, pain_worst, medicines, notes, created) "
                "SELECT id, :day, 6, 8, '[]', 'stiff', :now FROM person"
            ),
            {"day": FIRST_DAY, "now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO saved_assessment (owner_id, made, level, assessment) "
                "SELECT id, :now, 'self_care', '{}' FROM person"
            ),
            {"now": NOW},
        )
    engine.dispose()
    store = open_store(database_url)
    ann = store.people.by_username("ann")
    [entry] = store.diary.of(ann.id)
    assert (entry.day, entry.pain_now, entry.notes) == (FIRST_DAY, 6, "stiff")
    assert [saved.level for saved in store.assessments.of(ann.id)] == ["self_care"]
    assert (
        store.scores.add(ann.id, a_score(), NOW).owner_id == ann.id
    )  # the new table works with the old rows
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
    assert len(list((folder / "versions").glob("r0*.py"))) == 3
