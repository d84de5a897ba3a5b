"""The verb registry: every registered verb has its module, a missing one fails loudly, --help loads none."""

from __future__ import annotations

import subprocess
import sys

import pytest

from lumbar.cli import VERBS, Verb, build_parser, verb_module


@pytest.mark.parametrize("name", sorted(VERBS))
def test_every_registered_verb_configures_its_parser(name: str) -> None:
    assert callable(verb_module(name).configure)


def test_a_registered_verb_whose_module_is_missing_is_a_clear_error() -> None:
    verbs = {**VERBS, "vanished": Verb("a command whose module was not installed", "vanished")}
    with pytest.raises(
        ModuleNotFoundError, match=r"'vanished' is registered .* lumbar\.cli\.vanished is missing"
    ):
        build_parser(verbs=verbs)


def test_an_import_error_inside_a_verb_module_is_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lumbar.cli.assess", None)  # importing it now raises ImportError
    with pytest.raises(ImportError):
        build_parser(load=["assess"])


def test_help_lists_every_verb_without_loading_any_engine() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from lumbar.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):\n"
        "    main(['--help'])\n"
        "verbs = [m for m in sys.modules if m.startswith('lumbar.cli.')]\n"
        f"print(verbs, all(f'    {{v}}' in out.getvalue() for v in {sorted(VERBS)!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] True"
