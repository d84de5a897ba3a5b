"""The run-time classes are what the schema generates: a schema changed without running
``python -m lumbar.knowledge.validation.generate`` fails here, and the classes keep every field,
default and method of the models they were written from."""

from __future__ import annotations

from importlib import import_module

import pytest
from pydantic import BaseModel

from lumbar.knowledge.dump import as_data
from lumbar.knowledge.frozen import Frozen, FrozenInstanceError
from lumbar.knowledge.validation.convert import runtime_class, schema_model
from lumbar.knowledge.validation.generate import MODULES, render_all


def schema_models() -> list[type[BaseModel]]:
    found = []
    for name in MODULES:
        module = import_module(name)
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, BaseModel)
            and value.__module__ == name
            and not value.__name__.startswith("_")
        ]
    return found


def test_the_runtime_modules_are_what_the_schema_generates() -> None:
    stale = [path.name for path, text in render_all().items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], "run: python -m lumbar.knowledge.validation.generate"


@pytest.mark.parametrize("model", schema_models(), ids=lambda model: model.__name__)
def test_each_model_has_a_runtime_class_with_its_fields_and_defaults(model: type[BaseModel]) -> None:
    runtime = runtime_class(model)
    assert schema_model(runtime) is model and issubclass(runtime, Frozen)
    assert tuple(model.model_fields) == runtime.FIELDS
    required = {name: "given" for name, info in model.model_fields.items() if info.is_required()}
    made = runtime(**required)
    for name, info in model.model_fields.items():
        if info.default_factory is not None:
            expected = info.default_factory()  # type: ignore[call-arg]
            if isinstance(expected, BaseModel):  # a record of its own defaults
                assert as_data(runtime.DEFAULTS[name]) == as_data(expected) == as_data(getattr(made, name)), (
                    name
                )
            else:
                assert runtime.DEFAULTS[name] == expected == getattr(made, name), name
        elif info.is_required():
            assert name not in runtime.DEFAULTS, name
        else:
            assert runtime.DEFAULTS[name] == info.default == getattr(made, name), name
            assert type(runtime.DEFAULTS[name]) is type(info.default), name
    with pytest.raises(FrozenInstanceError):
        made.__setattr__(runtime.FIELDS[0], "changed")
    methods = {name for name, value in vars(model).items() if callable(value) or isinstance(value, property)}
    validators = set(model.__pydantic_decorators__.model_validators) | set(
        model.__pydantic_decorators__.field_validators
    )
    own = {name for name in methods - validators if not name.startswith("__") or name == "__str__"}
    assert own <= set(vars(runtime)), f"methods missing at run time: {own - set(vars(runtime))}"


def test_a_runtime_class_holds_no_pydantic() -> None:
    for model in schema_models():
        assert not any(issubclass(base, BaseModel) for base in runtime_class(model).__mro__)
