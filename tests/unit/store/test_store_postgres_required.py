"""PostgreSQL that cannot be started fails the storage tests (CI skips nothing); only the explicit
developer's opt-out turns that into a skip."""

from __future__ import annotations

import pytest

from postgres_cluster import OPT_OUT, PostgresUnavailable, new_postgres_database


def test_postgresql_missing_fails_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(OPT_OUT, raising=False)
    with pytest.raises(pytest.fail.Exception, match="could not be started: initdb was not found"):
        new_postgres_database(PostgresUnavailable("initdb was not found"))


def test_postgresql_missing_is_skipped_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(OPT_OUT, "1")
    with pytest.raises(pytest.skip.Exception, match=OPT_OUT):
        new_postgres_database(PostgresUnavailable("initdb was not found"))
