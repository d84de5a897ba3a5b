"""The command line reaches the web only to serve it: no cli module but serve.py imports lumbar.web
(the summary for the doctor, for one, is built and printed by lumbar.export)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lumbar

CLI = Path(lumbar.__file__).parent / "cli"
#: the one module that starts the web server
SERVES_THE_WEB = "serve.py"


def web_imports(module: Path) -> set[str]:
    """The lumbar.web modules ``module`` imports, at any depth of the file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found |= {name for name in names if name == "lumbar.web" or name.startswith("lumbar.web.")}
    return found


def test_the_check_finds_an_import_of_the_web(tmp_path: Path) -> None:
    module = tmp_path / "verb.py"
    module.write_text("def run() -> None:\n    from lumbar.web.engines import Engines\n", encoding="utf-8")
    assert web_imports(module) == {"lumbar.web.engines"}


def test_serve_is_the_cli_module_that_imports_the_web() -> None:
    assert web_imports(CLI / SERVES_THE_WEB)


@pytest.mark.parametrize(
    "module", sorted(p for p in CLI.glob("*.py") if p.name != SERVES_THE_WEB), ids=lambda p: p.name
)
def test_no_other_cli_module_imports_the_web(module: Path) -> None:
    assert not web_imports(module), f"cli/{module.name} imports {sorted(web_imports(module))}"
