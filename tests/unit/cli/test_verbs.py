"""The verb registry: every registered verb has its module, a missing one fails loudly, --help loads none;
a command builds its verb's parser alone, with the same help and errors as the whole parser."""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys

import pytest

from lumbar.cli import VERBS, Verb, build_parser, parser_for, terminal_columns, verb_module


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


#: what a person may type: helps, and errors at the top level, in a verb and in a verb's own sub-command
ARGVS = [
    [],
    ["--help"],
    ["bogus"],
    ["--text", "x", "assess"],
    ["assess"],
    ["assess", "--help"],
    ["assess", "--bogus"],
    ["assess", "--text"],
    ["assess", "--text", "x", "--batch", "y"],
    ["kb", "nope"],
    ["kb", "list", "--help"],
    ["serve", "--port", "abc"],
    *([verb, "--help"] for verb in sorted(VERBS)),
]


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    """What parsing ``argv`` prints and exits with (or the verb it read)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = parser.parse_args(argv).verb
        except SystemExit as exc:
            result = exc.code
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", ARGVS, ids=" ".join)
def test_the_parser_of_one_verb_helps_and_fails_as_the_whole_one(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    assert _outcome(parser_for(argv), argv) == _outcome(build_parser(), argv)


def test_a_named_verb_builds_no_other_verbs_parser() -> None:
    parser = parser_for(["assess", "--text", "x"])
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == ["assess"]
    assert list(
        next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    ) == list(VERBS)


@pytest.mark.parametrize("columns", [None, "100", "37", "0", "-5", "wide"])
def test_the_terminal_width_is_shutils(columns: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
