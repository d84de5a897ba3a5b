"""A knowledge item as plain JSON data, as ``lumbar kb show``, ``lumbar questionnaire show --json`` and
the REST API's knowledge pages give it: the item's fields in order, nested items as objects, levels
and kinds as their values (what pydantic's ``model_dump(mode="json")`` gave for the schema's models)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from lumbar.knowledge.frozen import Frozen


def as_data(item: Frozen, *, exclude_defaults: bool = False) -> dict[str, Any]:
    """``item``'s fields as JSON data; ``exclude_defaults`` leaves out each field (at any depth) that
    holds its default."""
    out: dict[str, Any] = {}
    for name in item.FIELDS:
        value = getattr(item, name)
        if exclude_defaults and name in item.DEFAULTS and value == item.DEFAULTS[name]:
            continue
        out[name] = _plain(value, exclude_defaults)
    return out


def json_text(item: Frozen, indent: int | None = None) -> str:
    """``item`` as a JSON document."""
    return json.dumps(as_data(item), indent=indent, ensure_ascii=False)


def _plain(value: Any, exclude_defaults: bool) -> Any:
    if isinstance(value, Frozen):
        return as_data(value, exclude_defaults=exclude_defaults)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(entry, exclude_defaults) for entry in value]
    if isinstance(value, dict):
        return {_key(key): _plain(entry, exclude_defaults) for key, entry in value.items()}
    return value


def _key(key: Any) -> Any:
    """A mapping's key as JSON has it: a string (a number's digits, an enum's value)."""
    if isinstance(key, Enum):
        return key.value
    return key if isinstance(key, str) else str(key)
