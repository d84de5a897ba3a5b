"""Write the run-time classes of the knowledge base and of the results from their validating schema.

Each pydantic model of the validating modules (the knowledge base's, under ``validation/``; the
results', under :mod:`lumbar.schemas`) becomes an immutable record class
(:class:`lumbar.knowledge.frozen.Frozen`) of the same name in its run-time module (``MODULES``:
``validation/schema.py`` -> ``lumbar/knowledge/schema.py``, ``lumbar/schemas/assessment.py`` ->
``lumbar/assessment.py``): the same fields in the same order, their types without the validation's
constraints, the same defaults, the JSON names of aliased fields, the docstring, each field's
description as a comment, a keyword-only ``__init__``, and every method copied word for word
(validators are left out: the run-time classes never validate). So each item is defined once, in
the schema; ``python -m lumbar.knowledge.validation.generate`` rewrites the run-time modules, and
``tests/unit/knowledge/validation/test_generate.py`` fails when they differ from what it would write.
"""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
import types
from datetime import date
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from lumbar import result_terms
from lumbar.knowledge import terms

#: validating module -> the run-time module written from it
MODULES = {
    "lumbar.knowledge.validation.schema": "lumbar.knowledge.schema",
    "lumbar.knowledge.validation.questionnaires": "lumbar.knowledge.questionnaires",
    "lumbar.knowledge.validation.diary_rules": "lumbar.knowledge.diary_rules",
    "lumbar.schemas.assessment": "lumbar.assessment",
    "lumbar.schemas.care": "lumbar.care.models",
    "lumbar.schemas.interview": "lumbar.interview.models",
}
#: why a run-time module's classes exist, for its docstring (the knowledge base's when not named)
PURPOSE = {
    "lumbar.schemas.assessment": "The engines build an assessment of these, so a command that assesses imports no pydantic.",
    "lumbar.schemas.care": "The engines build a plan of these, so a command that assesses imports no pydantic.",
    "lumbar.schemas.interview": "The interview builds its steps of these; a state sent back is read by the schema.",
}
#: the plain modules of constants and vocabularies that validating and run-time modules share
SHARED = (terms, result_terms)
#: plain modules whose imports a validating module's methods may use, copied into the run-time module
METHOD_IMPORTS = ("lumbar.knowledge.dump",)
#: decorators of methods that validate, which the run-time classes leave out
VALIDATORS = {"model_validator", "field_validator"}
#: the shared vocabularies that are Literal aliases, by value, so a field keeps its alias's name
_ALIASES = {
    getattr(shared, name): (shared.__name__, name)
    for shared in SHARED
    for name in shared.__all__
    if get_origin(getattr(shared, name)) is Literal
}
#: the shared text constants, by identity, so a default that is one keeps its name
_CONSTANTS = {
    id(getattr(shared, name)): (shared.__name__, name)
    for shared in SHARED
    for name in shared.__all__
    if isinstance(getattr(shared, name), str)
}


def runtime_path(validating: str) -> Path:
    """The file of the run-time module written from the validating module ``validating``."""
    package = Path(__file__).resolve().parents[2]  # src/lumbar
    return package.joinpath(*MODULES[validating].split(".")[1:]).with_suffix(".py")


def render_all() -> dict[Path, str]:
    """Every run-time module's text, by its file."""
    return {runtime_path(name): render(name) for name in MODULES}


def render(validating: str) -> str:
    """The text of the run-time module of ``validating``, formatted as ``ruff format`` leaves it."""
    module = import_module(validating)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    lines = source.splitlines()
    imports = _Imports(validating)
    classes: list[str] = []
    names: list[str] = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        model = getattr(module, node.name, None)
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            continue
        if node.name.startswith("_"):  # a private base that only sets the model config
            if _own_fields(model) or _methods(node, lines):
                raise ValueError(f"{validating}.{node.name}: a private base may only set the config")
            continue
        classes.append(_class_source(model, node, lines, imports))
        names.append(node.name)
    reexported = []
    for shared in SHARED:
        found = [name for name in shared.__all__ if vars(module).get(name) is getattr(shared, name)]
        imports.shared.setdefault(shared.__name__, set()).update(found)
        reexported += found
    imports.method_imports = _method_imports(source)
    text = "\n\n\n".join([_header(validating, imports, [*names, *reexported]), *classes]) + "\n"
    return _formatted(text, runtime_path(validating))


class _Imports:
    """The names a run-time module imports: from the shared modules and from the other run-time modules."""

    def __init__(self, validating: str) -> None:
        self.validating = validating
        self.shared: dict[str, set[str]] = {terms.__name__: set()}
        self.runtime: dict[str, set[str]] = {}
        self.typing: set[str] = set()
        self.datetime: set[str] = set()
        self.frozen: set[str] = {"Frozen"}
        self.method_imports: list[str] = []

    def share(self, module: str, name: str) -> str:
        self.shared.setdefault(module, set()).add(name)
        return name

    def model(self, model: type[BaseModel]) -> str:
        if model.__module__ != self.validating:
            self.runtime.setdefault(MODULES[model.__module__], set()).add(model.__name__)
        return model.__name__


def _method_imports(source: str) -> list[str]:
    """The validating module's imports from ``METHOD_IMPORTS``, as written (for its methods' use)."""
    return [
        ast.unparse(node)
        for node in ast.parse(source).body
        if isinstance(node, ast.ImportFrom) and node.module in METHOD_IMPORTS
    ]


def _header(validating: str, imports: _Imports, exported: list[str]) -> str:
    purpose = PURPOSE.get(validating)
    why = (
        [f"without validation. {purpose}"]
        if purpose
        else [
            "without validation. The compiled knowledge base holds these, so a command that reads it imports",
            "no pydantic.",
        ]
    )
    typing_check = {"TYPE_CHECKING"} if imports.datetime else set()
    lines = [
        f'"""The run-time form of :mod:`{validating}`:',
        "one immutable record class per model, with the same fields, defaults, docstrings and methods,",
        *why,
        "",
        "Generated by ``python -m lumbar.knowledge.validation.generate`` from the schema: edit the schema,",
        "then run it; never edit this file.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        f"from typing import {', '.join(sorted({'Any', 'ClassVar', *imports.typing, *typing_check}, key=_export_order))}",
        "",
        f"from lumbar.knowledge.frozen import {', '.join(sorted(imports.frozen))}",
    ]
    for module, names in sorted(imports.shared.items()):
        if names:
            lines.append(f"from {module} import {', '.join(sorted(names))}")
    lines += imports.method_imports
    for module, names in sorted(imports.runtime.items()):
        lines.append(f"from {module} import {', '.join(sorted(names))}")
    # dates are in annotations only (a record never checks a field's type): datetime costs 5 M instructions
    if imports.datetime:
        lines += ["", "if TYPE_CHECKING:", f"    from datetime import {', '.join(sorted(imports.datetime))}"]
    lines.append("")
    lines.append(f"__all__ = [{', '.join(repr(name) for name in sorted(exported, key=_export_order))}]")
    return "\n".join(lines)


def _export_order(name: str) -> tuple[int, str]:
    """isort's order, as ruff keeps ``__all__``: constants, then classes, then the rest."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _own_fields(model: type[BaseModel]) -> list[str]:
    own = inspect.get_annotations(model)
    return [name for name in model.model_fields if name in own]


def _methods(node: ast.ClassDef, lines: list[str]) -> list[str]:
    """The source of each method of ``node`` that does not validate, with its decorators."""
    found = []
    for item in node.body:
        if not isinstance(item, ast.FunctionDef):
            continue
        decorators = {_decorator_name(d) for d in item.decorator_list}
        if decorators & VALIDATORS:
            continue
        start = min([item.lineno, *(d.lineno for d in item.decorator_list)])
        found.append("\n".join(lines[start - 1 : item.end_lineno]))
    return found


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    return target.id if isinstance(target, ast.Name) else ast.unparse(target)


def _class_source(model: type[BaseModel], node: ast.ClassDef, lines: list[str], imports: _Imports) -> str:
    bases = [
        imports.model(base)
        for base in model.__bases__
        if issubclass(base, BaseModel) and base is not BaseModel and not base.__name__.startswith("_")
    ]
    body: list[str] = []
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        body.append("\n".join(lines[first.lineno - 1 : first.end_lineno]))
    names = list(model.model_fields)
    defaults = {name: _default_source(model, name, imports) for name in names}
    given = ", ".join(f"{name!r}: {value}" for name, value in defaults.items() if value is not None)
    aliases = {
        name: alias
        for name, info in model.model_fields.items()
        if (alias := info.serialization_alias or info.alias) and alias != name
    }
    body.append(
        f"    FIELDS: ClassVar[tuple[str, ...]] = ({', '.join(repr(name) for name in names)}{',' if len(names) == 1 else ''})\n"
        f"    DEFAULTS: ClassVar[dict[str, Any]] = {{{given}}}"
        + (f"\n    ALIASES: ClassVar[dict[str, str]] = {aliases!r}" if aliases else "")
    )
    fields = [_field_source(model, name, imports) for name in _own_fields(model)]
    if fields:
        body.append("\n".join(fields))
    body.append(_init_source(model, defaults, imports))
    body += _methods(node, lines)
    return f"class {node.name}({', '.join(bases or ['Frozen'])}):\n" + "\n\n".join(body)


def _field_source(model: type[BaseModel], name: str, imports: _Imports) -> str:
    info = model.model_fields[name]
    line = f"    {name}: {_type_source(info.annotation, imports)}"
    if info.description:
        return f"    #: {' '.join(info.description.split())}\n{line}"
    return line


def _default_source(model: type[BaseModel], name: str, imports: _Imports) -> str | None:
    """The source of the field's default (a new empty list or dict for a factory, a record of its own
    defaults for a model's factory); None when required."""
    info = model.model_fields[name]
    if info.default_factory is not None:
        empty = info.default_factory()  # type: ignore[call-arg]
        if isinstance(empty, BaseModel) and not empty.model_fields_set:  # a record of its defaults: shared,
            return f"{imports.model(type(empty))}()"  # as it is immutable
        if empty not in ([], {}):
            raise ValueError(f"{model.__name__}.{name}: only list and dict factories have a run-time form")
        return repr(empty)
    if info.default is PydanticUndefined:
        return None
    return _value_source(info.default, imports)


def _init_source(model: type[BaseModel], defaults: dict[str, str | None], imports: _Imports) -> str:
    """A keyword-only ``__init__`` that sets every field (a factory's default: a new empty list or dict, or
    a new record of its defaults)."""
    params, values = [], []
    for name, info in model.model_fields.items():
        kind = _type_source(info.annotation, imports)
        default = defaults[name]
        if default in ("[]", "{}") or (default or "").endswith("()"):  # a factory's: a new one each time
            imports.frozen.add("FACTORY")
            params.append(f"{name}: {kind} = FACTORY")
            values.append(f"{name}={default} if {name} is FACTORY else {name}")
        else:
            params.append(f"{name}: {kind}" + ("" if default is None else f" = {default}"))
            values.append(f"{name}={name}")
    return (
        f"    def __init__(self, *, {', '.join(params)}) -> None:\n"
        f"        vars(self).update({', '.join(values)})"
    )


def _value_source(value: Any, imports: _Imports) -> str:
    if isinstance(value, Enum):
        imports.share(terms.__name__, type(value).__name__)
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, str) and id(value) in _CONSTANTS:  # a shared text, by name
        return imports.share(*_CONSTANTS[id(value)])
    if value is None or isinstance(value, bool | int | float | str):
        return repr(value)
    raise TypeError(f"no run-time form for the default {value!r}")


def _type_source(annotation: Any, imports: _Imports) -> str:
    """``annotation`` as a run-time type: constraints dropped, models and vocabularies by name."""
    if annotation is type(None):
        return "None"
    origin = get_origin(annotation)
    if origin is Literal:
        alias = _ALIASES.get(annotation)
        if alias is not None:
            return imports.share(*alias)
        imports.typing.add("Literal")
        return f"Literal[{', '.join(repr(value) for value in get_args(annotation))}]"
    if origin is Annotated:
        return _type_source(get_args(annotation)[0], imports)
    if origin in (Union, types.UnionType):
        return " | ".join(_type_source(arg, imports) for arg in get_args(annotation))
    if origin in (list, dict):
        return f"{origin.__name__}[{', '.join(_type_source(arg, imports) for arg in get_args(annotation))}]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return imports.model(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return imports.share(annotation.__module__, annotation.__name__)
    if annotation is date:
        imports.datetime.add("date")
        return "date"
    if annotation in (str, int, float, bool):
        return str(annotation.__name__)
    raise TypeError(f"no run-time form for the type {annotation!r}")


def _formatted(text: str, path: Path) -> str:
    """``text`` with its imports sorted and formatted by ruff, as the checks in CI expect."""
    for command in (["check", "--select", "I", "--fix", "--quiet"], ["format", "--quiet"]):
        text = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--stdin-filename", str(path), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return text


def main() -> int:
    """Rewrite the run-time modules; print each one that changed."""
    for path, text in render_all().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
