"""The `lumbar` command: parse arguments, call an engine, render. One module per verb."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from lumbar.errors import LumbarError

#: verb -> module under lumbar.cli that defines `add_parser(subparsers)` and `run(args) -> int`.
VERBS: dict[str, str] = {
    "assess": "assess",
    "check": "check",
    "simulate": "simulate",
    "plan": "plan",
    "explain": "explain",
    "ask": "ask",
    "docs": "docs",
    "serve": "serve",
    "kb": "kb",
}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with one sub-command per verb module that exists."""
    parser = argparse.ArgumentParser(
        prog="lumbar",
        description="Offline, evidence-linked help for lower-back cramps and spasms. "
        "lumbar informs; it does not diagnose.",
    )
    sub = parser.add_subparsers(dest="verb", metavar="COMMAND")
    for module_name in VERBS.values():
        try:
            module = importlib.import_module(f"lumbar.cli.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"lumbar.cli.{module_name}":
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `lumbar` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
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
