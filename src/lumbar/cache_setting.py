"""``LUMBAR_CACHE``, the folder of lumbar's caches, read the way the settings table reads it but without
its machinery (pydantic-settings costs more to import than a one-shot command's whole start-up).

:class:`lumbar.settings.Settings` takes its default from here, documents the setting, and a test holds
:func:`cache_folder` equal to ``read_settings().cache`` for every kind of value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

VARIABLE = "LUMBAR_CACHE"


def default_cache() -> Path:
    """$XDG_CACHE_HOME/lumbar, else ~/.cache/lumbar."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lumbar"


def cache_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """The cache folder set in ``environ`` (default: the process environment); None when the value is empty.

    Like the settings table, the variable's name is read in any case and its value stripped.
    """
    environ = os.environ if environ is None else environ
    values = [value for name, value in environ.items() if name.upper() == VARIABLE]
    if not values:
        return default_cache()
    value = values[0].strip()
    return Path(value).expanduser() if value else None
