"""The `lumbar` command: parse arguments, call an engine, render. One module per verb.

Each verb module under ``lumbar.cli`` defines ``configure(parser)``, which adds its arguments and
sets ``handler`` (``run(args) -> int``) as a default. Only the module of the verb being run is
imported, so ``lumbar --help`` and each verb start without loading the others' engines; this module
itself imports nothing ``--help`` does not use.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType
from typing import NamedTuple

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


def build_parser(
    load: Iterable[str] | None = None, verbs: Mapping[str, Verb] = VERBS
) -> argparse.ArgumentParser:
    """The argument parser with every verb listed; the verbs in ``load`` (default: all) get their arguments."""
    parser = argparse.ArgumentParser(prog="lumbar", description=DESCRIPTION)
    sub = parser.add_subparsers(dest="verb", metavar="COMMAND")
    wanted = set(verbs if load is None else load)
    for name, verb in verbs.items():
        verb_parser = sub.add_parser(name, help=verb.help)
        if name in wanted:
            verb_module(name, verbs).configure(verb_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `lumbar` script; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(load=argv[:1] if argv and argv[0] in VERBS else ())
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
