"""Tables the engines derive from a knowledge base, built once per knowledge-base object and reused."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

from lumbar.knowledge.loader import KnowledgeBase

T = TypeVar("T")

#: knowledge bases whose tables are kept (a process uses one; tests build a few more)
KEPT = 8


def per_knowledge_base(build: Callable[[KnowledgeBase], T]) -> Callable[[KnowledgeBase], T]:
    """``build(kb)`` computed on the first call for each knowledge base, then returned as is.

    Keyed by identity (a knowledge base is not hashable). The tables of the last :data:`KEPT`
    knowledge bases built are kept, so tests that build many do not keep them all alive.
    """
    results: dict[int, tuple[KnowledgeBase, T]] = {}
    lock = threading.Lock()

    @functools.wraps(build)
    def cached(kb: KnowledgeBase) -> T:
        found = results.get(id(kb))
        if found is not None and found[0] is kb:
            return found[1]
        value = build(kb)
        with lock:
            results.pop(id(kb), None)
            results[id(kb)] = (kb, value)
            while len(results) > KEPT:
                del results[next(iter(results))]
        return value

    return cached
