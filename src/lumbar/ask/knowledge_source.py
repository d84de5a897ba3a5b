"""Read the knowledge base for `lumbar ask` leniently: what validates is used, the rest skipped.

The knowledge base may be half-written while people edit it; questions should still be answered
from every item that is valid. `lumbar kb check` is where problems are reported.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

from lumbar.knowledge.loader import KnowledgeBase, parse_knowledge


def lenient_knowledge(root: Traversable | Path) -> KnowledgeBase | None:
    """Every valid item of the knowledge base under ``root``; None when it holds no item at all."""
    kb, _ = parse_knowledge(root)
    return kb if any(kb.tables().values()) else None
