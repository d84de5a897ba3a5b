"""The "did you mean" of the knowledge base: ids close to one that does not exist."""

from __future__ import annotations

import difflib

from lumbar.knowledge.loader import KnowledgeBase


def similar_ids(
    kb: KnowledgeBase, wrong: str, kind: str | None = None, n: int = 5, cutoff: float = 0.6
) -> list[str]:
    """Up to ``n`` ids of ``kind`` (every kind when None) that look like ``wrong``, closest first.

    ``cutoff`` is difflib's similarity ratio, 0 to 1, below which an id is not offered.
    """
    tables = kb.tables()
    known = list(tables[kind]) if kind is not None else [i for table in tables.values() for i in table]
    return difflib.get_close_matches(wrong, known, n=n, cutoff=cutoff)
