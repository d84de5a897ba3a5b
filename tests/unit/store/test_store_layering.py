"""The engines never import the store: it is handed in through its interface by the adapters."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lumbar

ENGINES = ("knowledge", "intake", "triage", "interview", "care", "ask", "diary", "questionnaires", "followup")
FORBIDDEN = ("lumbar.store", "sqlalchemy", "alembic", "psycopg")
ROOT = Path(lumbar.__file__).parent


def imported_modules(source: Path) -> set[str]:
    """Every module ``source`` imports, at any depth of the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def engine_modules() -> list[Path]:
    return sorted(path for engine in ENGINES for path in (ROOT / engine).rglob("*.py"))


def test_the_engines_are_found() -> None:
    assert len(engine_modules()) > 50


@pytest.mark.parametrize("module", engine_modules(), ids=lambda path: str(path.relative_to(ROOT)))
def test_an_engine_module_imports_no_storage(module: Path) -> None:
    found = {
        name
        for name in imported_modules(module)
        if any(name == forbidden or name.startswith(f"{forbidden}.") for forbidden in FORBIDDEN)
    }
    assert not found, f"{module.relative_to(ROOT)} imports {sorted(found)}; hand the store in instead"
