"""`lumbar summary`: the summary for your doctor (the web page's), as an HTML or PDF file."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from lumbar.care.stratified import START_BACK
from lumbar.cli.answers import add_answer_flag, read_answer_flags
from lumbar.cli.scores import add_score_flag, read_score_flags
from lumbar.errors import InputError
from lumbar.export.records import DatedScore, latest_band
from lumbar.interview.models import InterviewState, Result
from lumbar.web.app import create_templates
from lumbar.web.doctor_summary import doctor_summary
from lumbar.web.engines import Engines
from lumbar.web.settings import WebSettings
from lumbar.web.summary_pdf import PAPER_SIZES, summary_html, summary_pdf

FORMATS = ("html", "pdf")
#: why the "interview" ended, for answers given on the command line
GIVEN = "the answers were given on the command line"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make the one-page summary for your doctor: what you said and answered, how urgent it looks "
        "and why, questionnaire scores over time, medicines and the plan's first steps. "
        "lumbar informs; it does not diagnose."
    )
    add_common(parser)
    parser.add_argument("--format", choices=FORMATS, default="html", help="an HTML page or a PDF")
    parser.add_argument("--paper", choices=sorted(PAPER_SIZES), default="a4", help="the PDF's paper size")
    parser.add_argument("--output", metavar="FILE", help="write to FILE (needed for a PDF); else the screen")
    parser.set_defaults(handler=run)


def add_common(parser: argparse.ArgumentParser) -> None:
    """The options `lumbar summary` and `lumbar export` share: the description, answers, scores, group."""
    parser.add_argument("--text", required=True, help="the description, in your own words")
    add_answer_flag(parser)
    add_score_flag(parser)
    parser.add_argument(
        "--start-back",
        metavar="GROUP",
        help="your STarT Back group (low, medium or high), if not given by a --score start_back=…",
    )
    parser.add_argument("--date", type=date.fromisoformat, help="today's date, YYYY-MM-DD (default: today)")


def interview_of(args: argparse.Namespace) -> tuple[Engines, Result, list[DatedScore], str | None]:
    """(engines, the result as an interview would give it, the scores, the STarT Back group)."""
    today = args.date or date.today()
    engines = Engines(WebSettings(today=lambda: today))
    answers = read_answer_flags(engines.kb, args.answer)
    scores = read_score_flags(engines.kb, args.score, today)
    state = InterviewState(
        text=args.text,
        answers={k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in answers.items()},
        asked=list(answers),
    )
    result = Result(
        assessment=engines.assess(args.text, answers),
        questions_asked=len(answers),
        stopped_because=GIVEN,
        state=state,
    )
    return engines, result, scores, args.start_back or latest_band(scores, START_BACK)


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.output:
        raise InputError("a PDF needs a file: add --output summary.pdf")
    engines, result, scores, group = interview_of(args)
    summary = doctor_summary(result, engines.plan(result.assessment, group), engines, scores)
    html = summary_html(create_templates(), summary)
    if args.output is None:
        sys.stdout.write(html)
        return 0
    if args.format == "pdf":
        Path(args.output).write_bytes(summary_pdf(html, args.paper))
    else:
        Path(args.output).write_text(html, encoding="utf-8")
    print(f"Summary written to {args.output}", file=sys.stderr)
    return 0
