"""The `lumbar` command: parse arguments, call an engine, render. One module per verb.

Each verb module under ``lumbar.cli`` defines ``configure(parser)``, which adds its arguments and
sets ``handler`` (``run(args) -> int``) as a default. Only the module of the verb being run is
imported, so ``lumbar --help`` and each verb start without loading the others' engines; this module
itself imports nothing ``--help`` does not use.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any, NamedTuple

DESCRIPTION = (
    "Offline, evidence-linked help for lower-back cramps and spasms. lumbar informs; it does not diagnose."
)


class Verb(NamedTuple):
    """One sub-command: its one-line help and the module under lumbar.cli that configures it."""

    help: str
    module: str


VERBS: dict[str, Verb] = {
    "assess": Verb("assess a free-text description: urgency level, likely causes, what to do", "assess"),
    "check": Verb(
        "answer a few questions in the terminal, then see how urgent it looks and what to do", "check"
    ),
    "simulate": Verb(
        "run the interview against labelled cases and report accuracy and questions asked", "simulate"
    ),
    "plan": Verb("a personal self-care plan with its safety-net", "plan"),
    "questionnaire": Verb(
        "fill in and score STarT Back, Roland-Morris or a pain score, and see what it means", "questionnaire"
    ),
    "diary": Verb(
        "keep a private diary of your back pain: days, medicines, trend and when to see someone", "diary"
    ),
    "summary": Verb("the one-page summary for your doctor, as HTML or PDF", "summary"),
    "export": Verb("export for a clinic: a FHIR R4B Bundle, or the questionnaire scores as CSV", "export"),
    "explain": Verb("explain a cause, specialist, test or treatment in plain words", "explain"),
    "ask": Verb("answer a question about lower-back cramps, citing the sources", "ask"),
    "docs": Verb("add, list or remove the documents that `lumbar ask` answers from", "docs"),
    "serve": Verb("serve the web page and the REST API", "serve"),
    "kb": Verb("check, list and show the knowledge base", "kb"),
    "triage-inbox": Verb(
        "triage a file of messages (JSONL, CSV or Parquet) of any size on Dask, urgent ones first",
        "triage_inbox",
    ),
}


def verb_module(name: str, verbs: Mapping[str, Verb] = VERBS) -> ModuleType:
    """The module of a registered verb; a missing one is a packaging defect and fails loudly."""
    module_name = f"lumbar.cli.{verbs[name].module}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ModuleNotFoundError(
            f"the command '{name}' is registered in lumbar.cli.VERBS but its module {module_name} is missing; "
            "reinstall lumbar, or remove the command from VERBS",
            name=module_name,
        ) from exc


def terminal_columns() -> int:
    """The terminal's width in columns, as ``shutil.get_terminal_size().columns`` gives it (COLUMNS when a
    positive number, else the terminal's, else 80), without importing shutil (with bz2 and lzma)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    if sys.__stdout__ is None:
        return 80
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout at the terminal's width. argparse builds a formatter at every
    ``add_argument`` (to check its metavar), and its own asks shutil for the width each time."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        width = terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser laid out by :class:`HelpFormatter`; its sub-commands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(
    load: Iterable[str] | None = None, verbs: Mapping[str, Verb] = VERBS
) -> argparse.ArgumentParser:
    """The argument parser with every verb listed; the verbs in ``load`` (default: all) get their arguments."""
    parser = ArgumentParser(prog="lumbar", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="verb", metavar="COMMAND")
    wanted = set(verbs if load is None else load)
    for name, verb in verbs.items():
        verb_parser = sub.add_parser(name, help=verb.help)
        if name in wanted:
            verb_module(name, verbs).configure(verb_parser)
    return parser


def parser_for(argv: Sequence[str], verbs: Mapping[str, Verb] = VERBS) -> argparse.ArgumentParser:
    """The parser that reads ``argv``: when its first word names a verb, a parser of that verb alone, with
    its arguments (the others' parsers are not built); else every verb listed, for the help and the errors.

    Both give the same help and errors for the same ``argv``: the top-level usage names no verb
    (``COMMAND``), and a verb's parser is the same whichever others are listed beside it."""
    if argv and argv[0] in verbs:
        return build_parser(load=argv[:1], verbs={argv[0]: verbs[argv[0]]})
    return build_parser(load=(), verbs=verbs)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `lumbar` script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = parser_for(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    # here, not at the top: `lumbar --help` needs no error tree (nor the knowledge package it imports)
    from lumbar.errors import LumbarError  # noqa: PLC0415

    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130
    except LumbarError as exc:
        print(f"lumbar: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
