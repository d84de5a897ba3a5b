"""`--score ID[@DATE]=ANSWERS`: questionnaire answers given on the command line (`lumbar summary`,
`lumbar export`), e.g. ``--score pain_nrs@2026-12-01=7`` or ``--score rmdq=1=ticked,5=ticked``."""

from __future__ import annotations

import argparse
from datetime import date

from lumbar.cli.questionnaire import find, parse_answers
from lumbar.errors import InputError
from lumbar.export.records import DatedScore, dated_score, score_in_order
from lumbar.knowledge.loader import KnowledgeBase


def add_score_flag(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--score ID[@DATE]=ANSWERS`` option."""
    parser.add_argument(
        "--score",
        action="append",
        default=[],
        metavar="ID[@DATE]=ANSWERS",
        help="a filled questionnaire: its id (start_back, rmdq, pain_nrs), the day (YYYY-MM-DD, default "
        "today) and its answers, as `lumbar questionnaire score --answers` takes them ('1=agree,2=disagree,…') "
        "or all in question order ('agree,disagree,…'; a Roland-Morris tick is 1 or 0), "
        "e.g. --score pain_nrs@2026-12-01=7; repeat for more",
    )


def read_score_flags(kb: KnowledgeBase, flags: list[str], today: date) -> list[DatedScore]:
    """The ``--score`` values scored; InputError says which one is wrong."""
    scores = []
    for flag in flags:
        name, sep, answers = flag.partition("=")
        questionnaire_id, _, day = name.partition("@")
        if not sep or not questionnaire_id.strip():
            raise InputError(f"--score {flag!r} must be ID[@DATE]=ANSWERS, for example pain_nrs@2026-12-01=7")
        try:
            when = date.fromisoformat(day.strip()) if day.strip() else today
        except ValueError:
            raise InputError(f"--score {flag!r}: '{day}' is not a date written YYYY-MM-DD") from None
        scores.append(_scored(kb, questionnaire_id.strip(), answers, when))
    return scores


def _scored(kb: KnowledgeBase, questionnaire_id: str, answers: str, when: date) -> DatedScore:
    """NUMBER=ANSWER pairs as `lumbar questionnaire score --answers` takes them, or answers in order."""
    if "=" not in answers:
        return score_in_order(kb, questionnaire_id, answers, when)
    questionnaire = find(kb, questionnaire_id)
    return dated_score(kb, questionnaire_id, parse_answers(questionnaire, answers), when)
