"""Every public name of `lumbar.errors` is exported from `lumbar` (as httpx's test_exported_members)."""

from __future__ import annotations

import inspect

import lumbar
from lumbar import errors


def error_module_members() -> list[str]:
    """The public classes defined in lumbar.errors (not the names it imports)."""
    return [
        name
        for name, value in vars(errors).items()
        if not name.startswith("_") and inspect.isclass(value) and value.__module__ == errors.__name__
    ]


def test_every_public_name_of_errors_is_exported() -> None:
    missing = set(error_module_members()) - set(lumbar.__all__)
    assert not missing, f"add {sorted(missing)} to lumbar/__init__.py and its __all__"


def test_every_exported_error_is_the_one_in_errors() -> None:
    for name in error_module_members():
        assert getattr(lumbar, name) is getattr(errors, name)


def test_every_exception_lumbar_raises_on_purpose_is_a_lumbar_error() -> None:
    exceptions = [
        getattr(errors, n) for n in error_module_members() if issubclass(getattr(errors, n), Exception)
    ]
    assert len(exceptions) >= 7
    for exception in exceptions:
        assert issubclass(exception, errors.LumbarError), exception
        assert exception.code and exception.__doc__, exception
