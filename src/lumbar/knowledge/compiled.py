"""The validated knowledge base compiled once into a cache file, so a one-shot command starts fast.

Reading and validating the YAML files takes about a second; unpickling the result takes a few
milliseconds. The cache file is named by a fingerprint of everything the result depends on: every
data file's name and bytes, the knowledge package's own code (schema, loader), and the Python and
pydantic versions. Change any of them and the name changes, so a stale file is never read; it is
rebuilt on first use. Writes go to a temporary file that is renamed into place, so two processes
building at once both leave a whole file, and a reader never sees half of one. A file that cannot
be read (damaged, from another version) is ignored and rebuilt. The folder is the user's own
(``LUMBAR_CACHE``); an empty value turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import pydantic

if TYPE_CHECKING:
    from lumbar.knowledge.loader import KnowledgeBase

#: the knowledge package's code files whose changes change what a cached knowledge base means
CODE_FILES = ("schema.py", "questionnaires.py", "loader.py", "medicine_names.py", "compiled.py")
PREFIX = "knowledge-"


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    """Every file under ``folder`` with its relative name, in a fixed order."""
    found: list[tuple[str, Traversable]] = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found += _files(entry, f"{name}/")
        elif entry.is_file() and not entry.name.endswith((".pyc", ".pyo")):
            found.append((name, entry))
    return sorted(found, key=lambda pair: pair[0])


def fingerprint(root: Traversable) -> str:
    """A hash of the data files under ``root``, the knowledge code and the Python and pydantic versions."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version_info[:2]} {pydantic.VERSION}\n".encode())
    code = resources.files("lumbar.knowledge")
    for name in CODE_FILES:
        digest.update(name.encode() + b"\0" + (code / name).read_bytes() + b"\0")
    for name, entry in _files(root):
        digest.update(name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cache_file(root: Traversable, folder: Path) -> Path:
    """Where the compiled knowledge base of ``root`` lives in ``folder``."""
    return folder / f"{PREFIX}{fingerprint(root)}.pickle"


def load_compiled(path: Path) -> KnowledgeBase | None:
    """The knowledge base in ``path``, or None when there is none or it cannot be read."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged file or one from another version: rebuilt by the caller
        return None


def save_compiled(kb: KnowledgeBase, path: Path) -> None:
    """Write ``kb`` to ``path`` whole or not at all; a folder that cannot be written is skipped."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as handle:
            pickle.dump(kb, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except OSError:
        return
    for old in path.parent.glob(f"{PREFIX}*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)  # an earlier version's file: never read again
