"""`lumbar.__all__` lists exactly the public names of the package (as httpx's test_exported_members)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import lumbar


def public_members() -> list[str]:
    """The names the package's source imports for type checkers: its static public surface, which the
    lazy ``__all__`` must match exactly (a name exported at run time but unknown to mypy, or the
    reverse, fails)."""
    tree = ast.parse(Path(lumbar.__file__).read_text(encoding="utf-8"))
    block = next(
        node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return [
        alias.asname or alias.name
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


def test_all_lists_every_public_member() -> None:
    assert sorted(lumbar.__all__) == sorted(public_members())


def test_all_is_sorted_and_unique() -> None:
    assert lumbar.__all__ == sorted(lumbar.__all__)
    assert len(set(lumbar.__all__)) == len(lumbar.__all__)


def test_every_exported_name_is_documented_and_importable() -> None:
    namespace: dict[str, object] = {}
    exec("from lumbar import *", namespace)
    assert set(lumbar.__all__) <= set(namespace)
    for name in lumbar.__all__:
        member = getattr(lumbar, name)
        assert inspect.getdoc(member), f"lumbar.{name} has no docstring"
        assert getattr(member, "__module__", "lumbar").startswith("lumbar"), name


def test_the_main_entry_points_are_exported() -> None:
    assert {"assess", "Assessment", "AssessmentEngine", "Level", "LumbarError", "InputError"} <= set(
        lumbar.__all__
    )
