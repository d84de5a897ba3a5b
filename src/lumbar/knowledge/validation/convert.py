"""A validated item (of the knowledge base or a result) as its run-time class, and back: the pydantic
model's values, nested models converted too,
in the immutable record class of the same name that :mod:`lumbar.knowledge.validation.generate` wrote."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.validation.generate import MODULES

T = TypeVar("T")


@cache
def runtime_class(model: type[BaseModel]) -> type:
    """The run-time class written from ``model``."""
    return getattr(import_module(MODULES[model.__module__]), model.__name__)


def to_runtime(value: Any) -> Any:
    """``value`` with every validated model in it (at any depth, in lists and dicts) as its run-time class."""
    if isinstance(value, BaseModel):
        cls = runtime_class(type(value))
        return cls(**{name: to_runtime(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [to_runtime(entry) for entry in value]
    if isinstance(value, dict):
        return {key: to_runtime(entry) for key, entry in value.items()}
    return value


@cache
def schema_model(runtime: type) -> type[BaseModel]:
    """The schema's model that run-time class ``runtime`` was written from."""
    validating = next(name for name, module in MODULES.items() if module == runtime.__module__)
    return getattr(import_module(validating), runtime.__name__)


def validated(runtime: type[T], raw: Any) -> tuple[T | None, list[tuple[str, str]]]:
    """``raw`` validated by the schema and returned as ``runtime``; or None and every problem found, each
    as where (the dotted path to the value, empty for the whole) and what."""
    try:
        return to_runtime(schema_model(cast(type, runtime)).model_validate(raw)), []
    except ValidationError as exc:
        return None, [(".".join(str(part) for part in err["loc"]), err["msg"]) for err in exc.errors()]


def to_schema(value: Any) -> Any:
    """``value`` with every run-time record in it (at any depth, in lists and dicts) as its schema's model,
    built without validating again (pydantic's ``model_construct``): for the REST API, which answers with
    the schema's models, and for pydantic's JSON of a result."""
    if isinstance(value, Frozen):
        model = schema_model(cast(type, type(value)))
        return model.model_construct(**{name: to_schema(getattr(value, name)) for name in value.FIELDS})
    if isinstance(value, list):
        return [to_schema(entry) for entry in value]
    if isinstance(value, dict):
        return {key: to_schema(entry) for key, entry in value.items()}
    return value
