"""Where `lumbar ask` keeps its index and which folder of documents it indexes by default.

The values come from the settings table (``lumbar.settings``: ``LUMBAR_HOME``, ``LUMBAR_SEEDS``),
read when asked (never at import time), so tests pass their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lumbar.settings import Settings, find_seeds, read_settings, repository_root

__all__ = [
    "INDEX_FILE",
    "AskSettings",
    "ask_settings",
    "default_seeds",
    "repository_root",
    "settings_from_env",
]

INDEX_FILE = "ask-index.sqlite3"
#: the one function that finds the seed pages beside the checkout, under the name `lumbar ask` knows
default_seeds = find_seeds


@dataclass(frozen=True)
class AskSettings:
    """The data folder (holding the index), the default document folder (``None``: none) and the
    knowledge folder (``None``: the one shipped in the package)."""

    home: Path
    seeds: Path | None
    knowledge: Path | None = None

    @property
    def index_path(self) -> Path:
        """The SQLite file of the passage index."""
        return self.home / INDEX_FILE


def ask_settings(table: Settings) -> AskSettings:
    """The ask settings of a settings table: its ``home`` and its default document folder."""
    return AskSettings(home=table.home, seeds=table.seeds_folder())


def settings_from_env(environ: Mapping[str, str] | None = None) -> AskSettings:
    """Settings from ``$LUMBAR_HOME`` (else ``~/.local/share/lumbar``) and ``$LUMBAR_SEEDS``.

    ``LUMBAR_SEEDS`` names the default document folder; set it empty to index no default folder.
    """
    return ask_settings(read_settings(environ))
