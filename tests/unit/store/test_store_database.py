"""Where the database is and how it is connected: the settings' URL or the SQLite file in the data
folder; only SQLite and PostgreSQL; SQLite with foreign keys and WAL; concurrent writers all land."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from store_helpers import FIRST_DAY, NOW, a_day, a_person

from lumbar.errors import SettingsError
from lumbar.settings import read_settings
from lumbar.store import Store, database_url, open_store
from lumbar.store.database import make_engine, parse_url


def test_the_default_database_is_the_sqlite_file_in_the_data_folder(tmp_path: Path) -> None:
    settings = read_settings(environ={"LUMBAR_HOME": str(tmp_path)})
    assert database_url(settings) == f"sqlite:///{tmp_path / 'lumbar.sqlite3'}"
    given = read_settings(environ={"LUMBAR_HOME": str(tmp_path), "LUMBAR_DATABASE_URL": "postgresql://h/db"})
    assert database_url(given) == "postgresql://h/db"


def test_the_default_data_folder_is_the_users(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert read_settings(environ={}).home == tmp_path / "lumbar"


@pytest.mark.parametrize(
    "given", ["postgresql://u:pw@h/db", "postgres://u:pw@h/db", "postgresql+psycopg://h/d"]
)
def test_postgresql_urls_use_psycopg_3(given: str) -> None:
    assert parse_url(given).drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    "given", ["mysql://u:secret-pw@h/db", "postgresql+psycopg2://u:secret-pw@h/d", "nonsense"]
)
def test_another_database_is_refused_without_showing_the_password(given: str) -> None:
    with pytest.raises(SettingsError, match="LUMBAR_DATABASE_URL") as refused:
        open_store(given)
    assert "secret-pw" not in str(refused.value)


def test_an_sqlite_file_is_made_with_its_folder_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'lumbar.sqlite3'}")
    with engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("PRAGMA synchronous")) == 2  # FULL
    assert (tmp_path / "new" / "lumbar.sqlite3").is_file()
    engine.dispose()


def test_an_in_memory_store_is_one_database_for_every_thread() -> None:
    store = open_store("sqlite://")
    ann = a_person(store)

    def write_then_read(day: int) -> int:
        store.diary.add(ann.id, a_day(FIRST_DAY + timedelta(days=day)), NOW)
        return len(store.diary.of(ann.id)) and store.people.get(ann.id).id

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(write_then_read, range(200))) == {ann.id}
    assert len(store.diary.of(ann.id)) == 200


def test_concurrent_writers_all_land(store: Store) -> None:
    people = [a_person(store, f"person{number}") for number in range(4)]

    def write(person_id: int) -> None:
        for day in range(10):
            store.diary.add(person_id, a_day(FIRST_DAY + timedelta(days=day)), NOW)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, [person.id for person in people for _ in range(2)]))
    assert [len(store.diary.of(person.id)) for person in people] == [20] * 4
