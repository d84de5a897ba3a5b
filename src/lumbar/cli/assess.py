"""`lumbar assess`: one text (--text) or a JSONL batch (--batch), rendered for people or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "assess",
        help="assess a free-text description: urgency level, likely causes, what to do",
        description="Assess a description of lower-back cramps. lumbar informs; it does not diagnose.",
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="the description, in your own words")
    group.add_argument("--batch", metavar="FILE", help='JSONL file of {"id", "text"} lines ("-" for stdin)')
    parser.add_argument("--json", action="store_true", help="print the CONTRACT.md JSON instead of a report")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.batch:
        return run_batch(args.batch)
    from lumbar.assessor import assess

    result = assess(args.text)
    if args.json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False))
    else:
        from lumbar.cli.render import print_assessment

        print_assessment(result)
    return 0


def _lines(path: str) -> Iterator[str]:
    if path == "-":
        yield from sys.stdin
        return
    with open(path, encoding="utf-8", errors="replace") as handle:
        yield from handle


def run_batch(path: str) -> int:
    """One JSON line per input line, same order; a bad line gives {"id", "error"} and the batch goes on."""
    from lumbar.assessor import default_engine
    from lumbar.errors import LumbarError

    try:
        lines = list(_lines(path))
    except OSError as exc:
        print(f"lumbar: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 2
    engine = default_engine()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        out: dict[str, Any]
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            out = {"id": f"line-{number}", "error": f"line {number} is not valid JSON"}
        else:
            case_id = row.get("id", f"line-{number}") if isinstance(row, dict) else f"line-{number}"
            text = row.get("text") if isinstance(row, dict) else None
            if not isinstance(text, str):
                out = {"id": case_id, "error": 'each line needs a "text" string'}
            else:
                try:
                    out = {"id": case_id, **engine.assess(text).to_json_dict()}
                except LumbarError as exc:
                    out = {"id": case_id, "error": str(exc)}
        print(json.dumps(out, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    return 0
