"""Where `lumbar ask` keeps its index and which folder of documents it indexes by default.

Read from the environment when asked (never at import time), so tests pass their own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

INDEX_FILE = "ask-index.sqlite3"


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


def repository_root() -> Path | None:
    """The source checkout lumbar runs from (the folder with pyproject.toml), if any."""
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    return None


def default_seeds() -> Path | None:
    """The five seed pages beside the checkout (``../shared/seeds``), when that folder exists.

    The checkout is the one lumbar runs from, else the current folder when it is a checkout.
    """
    roots = [repository_root()]
    if (Path.cwd() / "pyproject.toml").is_file():
        roots.append(Path.cwd())
    for root in roots:
        if root is not None and (root.parent / "shared" / "seeds").is_dir():
            return root.parent / "shared" / "seeds"
    return None


def settings_from_env(environ: Mapping[str, str] | None = None) -> AskSettings:
    """Settings from ``$LUMBAR_HOME`` (else ``~/.local/share/lumbar``) and ``$LUMBAR_SEEDS``.

    ``LUMBAR_SEEDS`` names the default document folder; set it empty to index no default folder.
    """
    env = os.environ if environ is None else environ
    home_value = env.get("LUMBAR_HOME", "").strip()
    home = Path(home_value).expanduser() if home_value else Path.home() / ".local" / "share" / "lumbar"
    if "LUMBAR_SEEDS" in env:
        seeds_value = env["LUMBAR_SEEDS"].strip()
        seeds = Path(seeds_value).expanduser() if seeds_value else None
    else:
        seeds = default_seeds()
    return AskSettings(home=home, seeds=seeds)
