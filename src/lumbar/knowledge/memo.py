"""Tables the engines derive from a knowledge base, built once per knowledge-base object and reused.

A table declared ``kept=True`` is also kept in the cache folder with the engine's own tables
(:func:`lumbar.assessor.default_engine`, :mod:`lumbar.knowledge.derived`): a one-shot command reads
it back instead of building it on its first assessment.
"""

from __future__ import annotations

import functools
from _thread import (
    allocate_lock,
)  # threading.Lock itself: the threading module costs a start 3.6 M instructions
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from lumbar.knowledge.loader import KnowledgeBase

T = TypeVar("T")

#: knowledge bases whose tables are kept (a process uses one; tests build a few more)
KEPT = 8


class PerKnowledgeBase(Generic[T]):
    """``build(kb)`` computed on the first call for each knowledge base, then returned as is.

    Keyed by identity (a knowledge base is not hashable). The tables of the last :data:`KEPT`
    knowledge bases built are kept, so tests that build many do not keep them all alive.
    """

    def __init__(self, build: Callable[[KnowledgeBase], T]) -> None:
        functools.update_wrapper(self, build)
        self.build = build
        self.name = f"{build.__module__}.{build.__qualname__}"
        self._results: dict[int, tuple[KnowledgeBase, T]] = {}
        self._lock = allocate_lock()

    def __call__(self, kb: KnowledgeBase) -> T:
        found = self._results.get(id(kb))
        if found is not None and found[0] is kb:
            return found[1]
        value = self.build(kb)
        self.remember(kb, value)
        return value

    def __reduce__(self) -> str:
        """Pickled by name, like the function it wraps."""
        return self.build.__qualname__

    def built(self, kb: KnowledgeBase) -> bool:
        """True when the table of ``kb`` is at hand (built or read back)."""
        found = self._results.get(id(kb))
        return found is not None and found[0] is kb

    def remember(self, kb: KnowledgeBase, value: T) -> None:
        """Hold ``value`` as the table of ``kb`` (built here, or read back from the cache folder)."""
        with self._lock:
            self._results.pop(id(kb), None)
            self._results[id(kb)] = (kb, value)
            while len(self._results) > KEPT:
                del self._results[next(iter(self._results))]


#: the tables declared ``kept=True``, by name (their module and builder)
KEPT_TABLES: dict[str, PerKnowledgeBase[Any]] = {}


def per_knowledge_base(build: Callable[[KnowledgeBase], T], *, kept: bool = False) -> PerKnowledgeBase[T]:
    """``build`` memoised per knowledge base; ``kept``: also kept in the cache folder with the engine's
    tables (for a table whose building costs a one-shot command more than reading it back)."""
    table = PerKnowledgeBase(build)
    if kept:
        KEPT_TABLES[table.name] = table
    return table


def kept_tables(kb: KnowledgeBase) -> dict[str, Any]:
    """Every table declared kept, built for ``kb`` (to be stored with the engine's)."""
    return {name: table(kb) for name, table in KEPT_TABLES.items()}


def remember_tables(kb: KnowledgeBase, tables: Mapping[str, Any]) -> None:
    """Hold the tables read back for ``kb``; a name no longer declared kept is ignored."""
    for name, value in tables.items():
        table = KEPT_TABLES.get(name)
        if table is not None:
            table.remember(kb, value)
