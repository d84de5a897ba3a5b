"""Questionnaire answers carried in a page's address, so nothing is stored on the server.

``?start_back=agree,disagree,…&rmdq=ticked,not_ticked,…``: each questionnaire's answers in question
order (see :func:`lumbar.export.records.score_in_order`). The result page reads them to re-make the
plan with the STarT Back group; the summary reads them to show the scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import parse_qsl, urlencode

from lumbar.export.records import DatedScore, answers_in_order, score_in_order
from lumbar.knowledge.loader import KnowledgeBase

#: what an interview key and a line of answers may hold (anything else is dropped, never echoed)
KEY = re.compile(r"[A-Za-z0-9_-]{1,300}")
ANSWERS = re.compile(r"[A-Za-z0-9_,]{1,600}")


def answer_lines(kb: KnowledgeBase, params: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Questionnaire id -> its line of answers, from query parameters (others are ignored)."""
    return {name: value for name, value in params if name in kb.questionnaires and ANSWERS.fullmatch(value)}


def scores_from(kb: KnowledgeBase, lines: Mapping[str, str], today: date) -> list[DatedScore]:
    """The scores of the carried answers, dated ``today``; QuestionnaireError for answers that do not fit."""
    return [score_in_order(kb, name, line, today) for name, line in lines.items()]


def query_of(lines: Mapping[str, str]) -> str:
    """``?…`` carrying the answers, or "" when there are none."""
    return "?" + urlencode(dict(lines)) if lines else ""


def earlier_lines(kb: KnowledgeBase, earlier: str | None) -> dict[str, str]:
    """The answers carried in an ``earlier`` query string (from a form's hidden field)."""
    return answer_lines(kb, parse_qsl(earlier or ""))


def with_score(lines: Mapping[str, str], dated: DatedScore) -> dict[str, str]:
    """``lines`` with this score's answers (replacing that questionnaire's earlier ones)."""
    return {**lines, dated.score.questionnaire: answers_in_order(dated.score)}


def interview_key(raw: object) -> str | None:
    """The interview key when ``raw`` looks like one, else None."""
    return raw if isinstance(raw, str) and KEY.fullmatch(raw) else None
