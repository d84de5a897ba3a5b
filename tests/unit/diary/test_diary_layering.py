"""The diary is an engine: it never imports the store, the web, the command line or a database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lumbar

FORBIDDEN = ("lumbar.store", "lumbar.web", "lumbar.cli", "sqlalchemy", "fastapi")
DIARY = Path(lumbar.__file__).parent / "diary"


@pytest.mark.parametrize("module", sorted(DIARY.glob("*.py")), ids=lambda p: p.name)
def test_the_diary_imports_no_adapter(module: Path) -> None:
    imported = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not {name for name in imported if name.startswith(FORBIDDEN)}
