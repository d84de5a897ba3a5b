"""`lumbar assess`: one text (--text) or a JSONL batch (--batch), rendered for people or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.cli.answers import add_answer_flag, read_answer_flags
from lumbar.cli.jsonl import BATCH_UNREADABLE, add_json_flag, print_json, read_lines
from lumbar.errors import LumbarError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Assess a description of lower-back cramps. lumbar informs; it does not diagnose."
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="the description, in your own words")
    group.add_argument("--batch", metavar="FILE", help='JSONL file of {"id", "text"} lines ("-" for stdin)')
    add_json_flag(parser)
    add_answer_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.batch:
        return run_batch(args.batch)
    engine = default_engine()
    result = engine.assess(args.text, read_answer_flags(engine.kb, args.answer))
    if args.json:
        print_json(result.to_json_dict())
    else:
        from lumbar.cli.render import print_assessment  # noqa: PLC0415 - for the report only: --json need not pay

        print_assessment(result)
    return 0


def run_batch(path: str) -> int:
    """One JSON line per input line, same order; a bad line gives {"id", "error"} and the batch goes on."""
    lines = read_lines(path)
    if lines is None:
        return BATCH_UNREADABLE
    engine = default_engine()
    for number, line in enumerate(lines, 1):
        if line.strip():
            print_json(_assess_line(engine, number, line))
    sys.stdout.flush()
    return 0


def _assess_line(engine: AssessmentEngine, number: int, line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return {"id": f"line-{number}", "error": f"line {number} is not valid JSON"}
    case_id = row.get("id", f"line-{number}") if isinstance(row, dict) else f"line-{number}"
    text = row.get("text") if isinstance(row, dict) else None
    if not isinstance(text, str):
        return {"id": case_id, "error": 'each line needs a "text" string'}
    try:
        return {"id": case_id, **engine.assess(text).to_json_dict()}
    except LumbarError as exc:
        return {"id": case_id, "error": str(exc)}
