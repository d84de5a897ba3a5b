"""What an engine derives from the knowledge base (its phrase tables, its speller), built once and
kept in the cache folder beside the compiled knowledge base, so a one-shot command does not rebuild it.

A derived file is named by the knowledge base's fingerprint and a checksum of a stamp of lumbar's code
(the size and modification time of every Python file of the package, the rule Python itself uses for
its ``.pyc`` files), so a change to the data or to any engine's code means a new file. The stamp itself
is written first in the file and compared whole when it is read, so two versions of the code whose
stamps share a checksum never read each other's tables. (No ``hashlib``: loading it and its first
SHA-256 cost a one-shot assessment 17 M instructions.) The knowledge
base itself is not stored again: the value's references to it, its tables and their items are
written as their places in :func:`knowledge_parts` and read back as the current knowledge base's own
objects. Written whole or not at all (:func:`lumbar.knowledge.compiled.write_whole`); a file that
cannot be read is built again.
"""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import IO, Any, TypeVar

from lumbar.cache_setting import cache_folder
from lumbar.knowledge.compiled import kept_from_collector, write_whole
from lumbar.knowledge.loader import KnowledgeBase

T = TypeVar("T")
#: values that are never written as references to the knowledge base (copies cost nothing)
_PLAIN = (str, bytes, int, float, bool, type(None))


def kept(kb: KnowledgeBase, name: str, build: Callable[[], T]) -> T:
    """``build()``, read from the cache folder when this knowledge base and code built it before.

    Without a cache folder or a compiled knowledge base (``kb.fingerprint`` empty), simply ``build()``.
    """
    folder = cache_folder()
    if folder is None or not kb.fingerprint:
        return build()
    path = derived_file(folder, name, kb.fingerprint)
    value = load_derived(path, kb)
    if value is None:
        value = build()
        write_whole(path, lambda handle: _write(handle, kb, value))
    return value


def derived_file(folder: Path, name: str, fingerprint: str) -> Path:
    """Where ``name`` derived from the knowledge base of ``fingerprint`` lives, for this code."""
    return folder / f"{name}-{fingerprint}{zlib.crc32(code_stamp().encode()):08x}.pickle"


@cache
def code_stamp() -> str:
    """Every Python file of the lumbar package with its size and modification time, one a line."""
    lines: list[str] = []
    _list_code(str(Path(__file__).resolve().parents[1]), lines)
    return "\n".join(lines)


def _list_code(folder: str, lines: list[str]) -> None:
    with os.scandir(folder) as found:
        entries = sorted(found, key=attrgetter("name"))
    for entry in entries:
        if entry.name.endswith(".py"):
            stat = entry.stat()
            lines.append(f"{entry.path} {stat.st_size} {stat.st_mtime_ns}")
        elif entry.name != "__pycache__" and entry.is_dir():
            _list_code(entry.path, lines)


def _write(handle: IO[bytes], kb: KnowledgeBase, value: object) -> None:
    """What the value was built from (the code stamp, the knowledge base's fingerprint and number of
    parts), then ``value`` with its references to ``kb`` written as places in its parts."""
    parts = knowledge_parts(kb)
    pickle.dump((code_stamp(), kb.fingerprint, len(parts)), handle, protocol=pickle.HIGHEST_PROTOCOL)
    _Pickler(handle, parts).dump(value)


def load_derived(path: Path, kb: KnowledgeBase) -> Any:
    """The value in ``path`` with its references to ``kb`` restored; None when it cannot be read or
    was built from another version of the code or another knowledge base."""
    # the objects read are none of them garbage and live as long as the engine: the collector's passes
    # over them (a full one, some 15 ms, fell in this read) are wasted on a one-shot command
    try:
        with path.open("rb") as handle:
            parts = knowledge_parts(kb)
            if pickle.load(handle) != (code_stamp(), kb.fingerprint, len(parts)):
                return None
            with kept_from_collector():
                return _Unpickler(handle, parts).load()
    except Exception:  # missing or damaged: built again
        return None


def knowledge_parts(kb: KnowledgeBase) -> list[Any]:
    """The knowledge base, each of its tables and each item in them, in a fixed order: the same for
    every copy of a compiled knowledge base, which is read with its tables in the order written.

    A plain value among them (a string) is listed too but never written as a reference, being a copy
    worth nothing; leaving it out here would cost a Python test per item at every start."""
    parts: list[Any] = [kb]
    for name in kb.FIELDS:
        table = getattr(kb, name)
        if isinstance(table, _PLAIN):
            continue
        parts.append(table)
        if isinstance(table, dict):
            parts += table.values()
        elif isinstance(table, list):
            parts += table
    return parts


class _Pickler(pickle.Pickler):
    """Writes the knowledge base's own objects as their places in its parts."""

    def __init__(self, handle: IO[bytes], parts: list[Any]) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.places = {id(part): place for place, part in enumerate(parts)}
        self.parts = parts  # held, so that no id above is reused while writing

    def persistent_id(self, obj: Any) -> int | None:
        return None if isinstance(obj, _PLAIN) else self.places.get(id(obj))


class _Unpickler(pickle.Unpickler):
    """Reads those places back as the current knowledge base's objects.

    Found by the parts list's own ``__getitem__``, called from C: a ``persistent_load`` method for each
    of some 2,000 references, with the table of names it looked them up in, cost a one-shot assessment
    about 10 M instructions.
    """

    def __init__(self, handle: IO[bytes], parts: list[Any]) -> None:
        super().__init__(handle)
        self.persistent_load = parts.__getitem__  # type: ignore[method-assign]
