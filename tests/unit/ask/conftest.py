"""Fixtures for the `lumbar ask` tests: a private data folder and a small seed folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from ask_helpers import HEAT_PAGE, MEDICINE_PAGE, small_knowledge

from lumbar.knowledge.loader import KnowledgeBase


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A folder of two small documents standing in for the seed pages."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "home_care.txt").write_text(HEAT_PAGE, encoding="utf-8")
    (folder / "medicines.md").write_text(MEDICINE_PAGE, encoding="utf-8")
    return folder


@pytest.fixture
def env(tmp_path: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private LUMBAR_HOME and the small seed folder; returns the home."""
    home = tmp_path / "home"
    monkeypatch.setenv("LUMBAR_HOME", str(home))
    monkeypatch.setenv("LUMBAR_SEEDS", str(seeds))
    return home


@pytest.fixture
def knowledge() -> KnowledgeBase:
    return small_knowledge()
