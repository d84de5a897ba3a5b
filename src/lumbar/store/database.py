"""Where the database is and how to connect to it: an SQLite file in lumbar's data folder by default,
PostgreSQL (psycopg 3) when ``LUMBAR_DATABASE_URL`` names one.

SQLite connections get foreign keys (so a person's rows go with them), WAL (readers do not wait for a
writer), full sync (a committed diary entry survives a crash) and a busy timeout. Transactions are
begun by SQLAlchemy, not by the driver, so a write transaction can take the write lock at its start
(``BEGIN IMMEDIATE``) instead of failing half-way when another writer got there first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from lumbar.errors import SettingsError
from lumbar.settings import Settings, variable_of

#: the SQLite file in lumbar's data folder when no database URL is set
DATABASE_FILE = "lumbar.sqlite3"
#: an SQLite database in this process's memory (tests; the web app without a data folder)
IN_MEMORY = "sqlite://"
#: seconds an SQLite connection waits for another writer before giving up
BUSY_TIMEOUT = 10
#: the execution option that makes a transaction take SQLite's write lock when it begins
WRITING = "lumbar_writing"
_DRIVERS = {"sqlite": "sqlite", "postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}


def database_url(settings: Settings) -> str:
    """The database of ``settings``: ``database_url`` when set, else the SQLite file in ``home``."""
    if settings.database_url:
        return settings.database_url
    return f"sqlite:///{settings.home / DATABASE_FILE}"


def parse_url(url: str | URL) -> URL:
    """``url`` with the driver lumbar uses (psycopg 3 for PostgreSQL).

    Raises SettingsError for a URL that is not SQLite or PostgreSQL (the password is never shown).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SettingsError(
            f"{variable_of('database_url')} is not a database URL; give one like "
            "postgresql://user:password@host/lumbar, or unset it to use the SQLite file in the data folder"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS or parsed.drivername not in (backend, _DRIVERS[backend]):
        shown = parsed.render_as_string(hide_password=True)
        raise SettingsError(
            f"{variable_of('database_url')} names {shown}; lumbar keeps its data in SQLite or PostgreSQL, "
            "so give a sqlite:/// or postgresql:// URL"
        )
    return parsed.set(drivername=_DRIVERS[backend])


def make_engine(url: str | URL) -> Engine:
    """An engine for ``url`` (see ``parse_url``); an SQLite file's folder is made when missing."""
    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    options: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT, "check_same_thread": False}}
    if parsed.database in (None, "", ":memory:"):
        options["poolclass"] = StaticPool  # one connection, or each thread would see its own empty database
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, **options)
    event.listen(engine, "connect", _set_up_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _set_up_sqlite(connection: Any, _record: Any) -> None:
    connection.isolation_level = None  # the driver begins nothing; _begin_sqlite does
    cursor = connection.cursor()
    for pragma in ("foreign_keys = ON", "journal_mode = WAL", "synchronous = FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITING, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
