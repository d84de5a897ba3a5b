"""`--answer ID=VALUE`: the interview's answers given on the command line (`lumbar assess`, `lumbar plan`).

The same answers give the same result as the interview (`lumbar check`, the web page, the REST API).
"""

from __future__ import annotations

import argparse

from lumbar.errors import InputError
from lumbar.knowledge.loader import KnowledgeBase


def add_answer_flag(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--answer ID=VALUE`` option."""
    parser.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="ID=VALUE",
        help="an answer to one of the interview's questions: yes, no, unsure, a number, or the id of one of "
        "a choice question's choices (e.g. --answer saddle_numbness=no --answer age=35 "
        "--answer leg_sides=one_leg); repeat for more",
    )


def read_answer_flags(kb: KnowledgeBase, flags: list[str]) -> dict[str, bool | float]:
    """The ``--answer`` values as the assessment takes them; InputError says which one is wrong."""
    if not flags:
        return {}
    # here, not at the top: a command without answers needs none of the interview's modules
    from lumbar.interview.answers import given_answers  # noqa: PLC0415

    raw: dict[str, object] = {}
    for flag in flags:
        finding_id, sep, value = flag.partition("=")
        if not sep or not finding_id.strip() or not value.strip():
            raise InputError(f"--answer {flag!r} must be ID=VALUE, for example saddle_numbness=no")
        raw[finding_id.strip()] = _value(value.strip().lower())
    return given_answers(kb, raw)


def _value(word: str) -> object:
    try:
        return float(word)
    except ValueError:
        return word
