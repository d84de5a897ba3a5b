"""Fixtures for the web app: one app over the packaged knowledge base, a fixed secret and clock,
and the ask library in a temporary folder; a TestClient to call it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import client_class, make_settings

from lumbar.web import create_app

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def ask_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ask library's data folder, one per test run."""
    return tmp_path_factory.mktemp("lumbar-home")


@pytest.fixture(scope="session")
def app(ask_home: Path) -> FastAPI:
    return create_app(make_settings(ask_home))


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with client_class()(app) as test_client:
        yield test_client
