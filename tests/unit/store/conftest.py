"""The storage tests run on both databases: an SQLite file in a temporary folder and a fresh database
in a throw-away PostgreSQL cluster (one cluster for the run, one database per test).

PostgreSQL that cannot be started fails the tests that need it, with the reason; only
``LUMBAR_TEST_WITHOUT_POSTGRES=1`` (for a developer's machine, never CI) skips them instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lumbar.store import Store, open_store
from postgres_cluster import Cluster, PostgresUnavailable, new_postgres_database

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster | PostgresUnavailable]:
    """The run's PostgreSQL cluster, or why it could not be started."""
    try:
        cluster = Cluster().start()
    except PostgresUnavailable as problem:
        yield problem
        return
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, postgres: Cluster | PostgresUnavailable
) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lumbar.sqlite3'}"
    return new_postgres_database(postgres)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """The store over an empty database, migrated to the newest revision."""
    opened = open_store(database_url)
    yield opened
    opened.close()
