"""Settings come from the environment given, never at import time."""

from __future__ import annotations

from pathlib import Path

from lumbar.ask.settings import INDEX_FILE, settings_from_env


def test_lumbar_home_and_seeds_are_read_from_the_environment(tmp_path: Path) -> None:
    settings = settings_from_env({"LUMBAR_HOME": str(tmp_path), "LUMBAR_SEEDS": str(tmp_path / "s")})
    assert settings.home == tmp_path
    assert settings.index_path == tmp_path / INDEX_FILE
    assert settings.seeds == tmp_path / "s"
    assert settings.knowledge is None


def test_defaults_and_an_empty_seed_setting(tmp_path: Path) -> None:
    settings = settings_from_env({"LUMBAR_SEEDS": ""})
    assert settings.home == Path.home() / ".local" / "share" / "lumbar"
    assert settings.seeds is None
