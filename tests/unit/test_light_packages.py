"""Importing a package is light: it loads neither Jinja2, FastAPI, Rich nor the knowledge base."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import lumbar

PACKAGES = sorted(
    "lumbar." + init.parent.relative_to(Path(lumbar.__file__).parent).as_posix().replace("/", ".")
    for init in Path(lumbar.__file__).parent.glob("*/**/__init__.py")
)
HEAVY = ("jinja2", "fastapi", "rich", "uvicorn")


def test_every_package_is_checked() -> None:
    assert {"lumbar.care", "lumbar.web", "lumbar.ask", "lumbar.cli", "lumbar.eval"} <= set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_importing_a_package_loads_nothing_heavy(package: str) -> None:
    code = (
        f"import sys, {package}\n"
        "from lumbar.knowledge.loader import load_knowledge\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules], load_knowledge.cache_info().currsize)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] 0", f"import {package} loads {done.stdout.strip()}"


@pytest.mark.parametrize("package", ["lumbar.care", "lumbar.web", "lumbar.ask", "lumbar.interview"])
def test_the_public_names_of_a_light_package_still_resolve(package: str) -> None:
    module = __import__(package, fromlist=["__all__"])
    for name in module.__all__:
        assert getattr(module, name) is not None
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018
