"""Read the knowledge base for `lumbar ask` leniently: what validates is used, the rest skipped.

The knowledge base may be half-written while people edit it; questions should still be answered
from every item that is valid. `lumbar kb check` is where problems are reported.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lumbar.errors import Problem
from lumbar.knowledge.loader import ITEM_FILES, KnowledgeBase, parse_knowledge, read_yaml


def _valid_items(raw: Any, model: type[BaseModel]) -> list[BaseModel]:
    items = []
    for entry in raw if isinstance(raw, list) else []:
        try:
            items.append(model.model_validate(entry))
        except ValidationError:
            continue
    return items


def lenient_knowledge(root: Traversable | Path) -> KnowledgeBase | None:
    """The knowledge base under ``root``, keeping every valid item even when other files are broken.

    Returns None only when no file could be read at all.
    """
    kb, _ = parse_knowledge(root)
    if kb is not None:
        return kb
    tables: dict[str, Any] = {}
    found_any = False
    for name, model in ITEM_FILES.items():
        problems: list[Problem] = []
        raw = read_yaml(root / name, problems)
        found_any = found_any or (raw is not None and not problems)
        items = _valid_items(raw, model)
        key = name.removesuffix(".yaml")
        tables[key] = items if key == "context_rules" else {getattr(i, "id", ""): i for i in items}
    if not found_any:
        return None
    return KnowledgeBase(
        sources=tables["sources"],
        findings=tables["findings"],
        causes=tables["causes"],
        rules=tables["rules"],
        specialists=tables["specialists"],
        tests=tables["tests"],
        treatments=tables["treatments"],
        prevention=tables["prevention"],
        complications=tables["complications"],
        conflicts=tables["conflicts"],
        context_rules=tables["context_rules"],
        claims=[],
        skipped=[],
        root=str(root),
    )
