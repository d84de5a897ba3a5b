"""`lumbar summary`: the summary for your doctor (the web page's, built by lumbar.export), as an HTML or
PDF file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lumbar.assessor import default_engine
from lumbar.care.models import CarePlan
from lumbar.care.plan import make_plan
from lumbar.care.stratified import START_BACK, risk_group
from lumbar.cli.answers import add_answer_flag, read_answer_flags
from lumbar.cli.scores import add_score_flag, read_score_flags
from lumbar.errors import InputError
from lumbar.export.records import DatedScore, latest_band
from lumbar.export.result_words import KnowledgeNames
from lumbar.export.summary import doctor_summary
from lumbar.export.summary_pdf import PAPER_SIZES, summary_html, summary_pdf
from lumbar.interview.answers import given_answers
from lumbar.interview.models import InterviewState, Result

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


@dataclass(frozen=True)
class Given:
    """What the command line gave: the result as an interview would give it, the scores, the STarT Back
    group, the day, and the knowledge base's names."""

    result: Result
    scores: list[DatedScore]
    group: str | None
    today: date
    names: KnowledgeNames

    def plan(self) -> CarePlan:
        """The care plan of the result, dated today, with the group's care brought forward."""
        kb = self.names.kb
        return make_plan(self.result.assessment, kb, today=self.today, risk_group=risk_group(kb, self.group))


def interview_of(args: argparse.Namespace) -> Given:
    """The result as an interview would give it from the options, with the scores and the group."""
    today = args.date or date.today()
    assessor = default_engine()
    kb = assessor.kb
    answers = read_answer_flags(kb, args.answer)
    scores = read_score_flags(kb, args.score, today)
    state = InterviewState(
        text=args.text,
        answers={k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in answers.items()},
        asked=list(answers),
    )
    result = Result(
        assessment=assessor.assess(args.text, given_answers(kb, answers)),
        questions_asked=len(answers),
        stopped_because=GIVEN,
        state=state,
    )
    group = args.start_back or latest_band(scores, START_BACK)
    return Given(result, scores, group, today, KnowledgeNames(kb))


def run(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.output:
        raise InputError("a PDF needs a file: add --output summary.pdf")
    given = interview_of(args)
    html = summary_html(doctor_summary(given.result, given.plan(), given.names, given.scores))
    if args.output is None:
        sys.stdout.write(html)
        return 0
    if args.format == "pdf":
        Path(args.output).write_bytes(summary_pdf(html, args.paper))
    else:
        Path(args.output).write_text(html, encoding="utf-8")
    print(f"Summary written to {args.output}", file=sys.stderr)
    return 0
