"""LUMBAR_CACHE read without the settings table: always the folder the settings table reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.cache_setting import cache_folder, default_cache
from lumbar.errors import SettingsError
from lumbar.settings import read_settings


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"LUMBAR_CACHE": ""},
        {"LUMBAR_CACHE": "   "},
        {"LUMBAR_CACHE": "/srv/lumbar-cache"},
        {"LUMBAR_CACHE": " /srv/lumbar-cache "},
        {"LUMBAR_CACHE": "~/caches/lumbar"},
        {"lumbar_cache": "/srv/lower-case-name"},
        {"LUMBAR_RATE_BURST": "not a number", "LUMBAR_CACHE": "/srv/other-setting-bad"},
    ],
)
def test_the_cache_folder_is_the_one_the_settings_table_reads(environ: dict[str, str]) -> None:
    try:
        expected = read_settings(environ).cache
    except SettingsError:  # another setting is bad: the table refuses it all, the cache is still readable
        expected = read_settings({k: v for k, v in environ.items() if "CACHE" in k.upper()}).cache
    assert cache_folder(environ) == expected


def test_the_default_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder({}) == default_cache() == tmp_path / "lumbar"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_folder({}) == Path.home() / ".cache" / "lumbar"
