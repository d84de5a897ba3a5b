"""`lumbar plan`: a personal care plan with its safety-net, in the terminal, Markdown, HTML or JSON."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from rich.console import Console

from lumbar.assessor import assess
from lumbar.care.models import CarePlan
from lumbar.care.plan import make_plan
from lumbar.care.render import render_html, render_markdown
from lumbar.care.stratified import risk_group
from lumbar.care.terminal import print_plan
from lumbar.cli.answers import add_answer_flag, read_answer_flags
from lumbar.errors import InputError
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.validation.convert import to_runtime, to_schema
from lumbar.schemas import assessment as schema

FORMATS = ("terminal", "markdown", "html", "json")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make a personal care plan from a description of lower-back cramps, or from a saved "
        "`lumbar assess --json` result. lumbar informs; it does not diagnose."
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--text", help="the description, in your own words")
    source.add_argument("--assessment", metavar="FILE", help="a saved `lumbar assess --json` result")
    add_answer_flag(parser)
    parser.add_argument("--format", choices=FORMATS, default="terminal", help="how to show the plan")
    parser.add_argument("--output", metavar="FILE", help="write the plan to FILE instead of the screen")
    parser.add_argument(
        "--date", type=date.fromisoformat, help="the plan's date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--start-back",
        metavar="GROUP",
        help="your STarT Back group (low, medium or high; see `lumbar questionnaire score start_back`): "
        "brings the care NICE suggests for it to the top of a home plan",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    if args.assessment:
        try:
            read = schema.Assessment.model_validate_json(Path(args.assessment).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read an assessment from {args.assessment}: {exc}") from exc
        assessment = to_runtime(read)
    else:
        assessment = assess(args.text, read_answer_flags(kb, args.answer))
    plan = make_plan(assessment, kb, today=args.date, risk_group=risk_group(kb, args.start_back))
    return _emit(plan, args.format, args.output)


def _emit(plan: CarePlan, fmt: str, output: str | None) -> int:
    """Print or write the plan; "terminal" written to a file is Markdown."""
    if fmt == "terminal" and output is None:
        print_plan(plan, Console())
        return 0
    if fmt == "html":
        text = render_html(plan)
    elif fmt == "json":
        text = to_schema(plan).model_dump_json(indent=2) + "\n"
    else:
        text = render_markdown(plan)
    if output is None:
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"Plan written to {output}", file=sys.stderr)
    return 0
