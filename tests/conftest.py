"""Every test runs with a data folder of the test session's own: none reads or writes the real one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder for the whole test session."""
    return tmp_path_factory.mktemp("lumbar-home")


@pytest.fixture(autouse=True)
def _private_data_folder(session_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``LUMBAR_HOME`` in the session's folder unless the environment names one already: a test that
    opens the default database must not meet the person's own, or another checkout's newer one."""
    if "LUMBAR_HOME" not in os.environ:
        monkeypatch.setenv("LUMBAR_HOME", str(session_home))
