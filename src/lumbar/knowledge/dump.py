"""A knowledge item or a result as plain JSON data, as ``lumbar kb show``, ``lumbar questionnaire show
--json``, the REST API's knowledge pages and ``lumbar assess --json`` give it: the record's fields in
order, nested records as objects, levels and kinds as their values, dates as ISO text (what pydantic's
``model_dump(mode="json")`` gives for the schema's models)."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Any, cast

from lumbar.knowledge.frozen import Frozen


def as_data(item: object, *, exclude_defaults: bool = False, by_alias: bool = False) -> dict[str, Any]:
    """``item``'s fields as JSON data; ``exclude_defaults`` leaves out each field (at any depth) that
    holds its default, ``by_alias`` names a field by its alias where it has one (``for_`` -> ``for``).

    A schema's pydantic model (:mod:`lumbar.schemas`) is dumped by pydantic, to the same data."""
    if not isinstance(item, Frozen):
        dumped: dict[str, Any] = cast(Any, item).model_dump(
            mode="json", exclude_defaults=exclude_defaults, by_alias=by_alias
        )
        return dumped
    out: dict[str, Any] = {}
    aliases = item.ALIASES if by_alias else {}
    for name in item.FIELDS:
        value = getattr(item, name)
        if exclude_defaults and name in item.DEFAULTS and value == item.DEFAULTS[name]:
            continue
        out[aliases.get(name, name)] = _plain(value, exclude_defaults, by_alias)
    return out


def json_text(item: Frozen, indent: int | None = None) -> str:
    """``item`` as a JSON document."""
    return json.dumps(as_data(item), indent=indent, ensure_ascii=False)


def _plain(value: Any, exclude_defaults: bool, by_alias: bool) -> Any:
    if isinstance(value, Frozen):
        return as_data(value, exclude_defaults=exclude_defaults, by_alias=by_alias)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(entry, exclude_defaults, by_alias) for entry in value]
    if isinstance(value, dict):
        return {_key(key): _plain(entry, exclude_defaults, by_alias) for key, entry in value.items()}
    # a date or a datetime: none exists until datetime is imported, which a one-shot assessment never does
    dates = sys.modules.get("datetime")
    if dates is not None and isinstance(value, dates.date):
        return value.isoformat()
    return value


def _key(key: Any) -> Any:
    """A mapping's key as JSON has it: a string (a number's digits, an enum's value)."""
    if isinstance(key, Enum):
        return key.value
    return key if isinstance(key, str) else str(key)
