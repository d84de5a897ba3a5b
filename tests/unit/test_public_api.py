"""`lumbar.__all__` lists exactly the public names of the package (as httpx's test_exported_members)."""

from __future__ import annotations

import inspect

import lumbar


def public_members() -> list[str]:
    """Names defined on the package that are not private and not sub-modules."""
    return [
        name
        for name, value in vars(lumbar).items()
        if not name.startswith("_") and not inspect.ismodule(value) and name != "annotations"
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
