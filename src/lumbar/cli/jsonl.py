"""JSON in and out for the verbs: the --json flag, reading a JSONL batch, printing one JSON value."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

JSON_HELP = "print the CONTRACT.md JSON instead of a report"
BATCH_UNREADABLE = 2


def add_json_flag(parser: argparse.ArgumentParser, help: str = JSON_HELP) -> None:
    """The --json switch every verb with a machine-readable output has."""
    parser.add_argument("--json", action="store_true", help=help)


def read_lines(path: str) -> list[str] | None:
    """The lines of FILE ("-" for stdin); None, after saying why on stderr, when it cannot be read.

    Lines end at a newline only (\\n, \\r\\n or \\r), so a U+2028 inside a JSON string stays in its line.
    """
    try:
        if path == "-":
            return sys.stdin.readlines()
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.readlines()
    except OSError as exc:
        print(f"lumbar: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return None


def print_json(value: Any, flush: bool = False) -> None:
    """One JSON value on one line, non-ASCII kept as it is."""
    print(json.dumps(value, ensure_ascii=False), flush=flush)
