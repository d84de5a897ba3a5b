"""Questionnaire scores kept in a person's diary: as the API takes them in and hands them out, and as
the diary page lists them, each with the change since the one before of the same form, judged by the
form's minimal important change (:func:`lumbar.questionnaires.change.compare`).

A score is always scored on the server from its answers, never taken as a total from the browser.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from lumbar.errors import InputError
from lumbar.export.records import DatedScore, dated_score
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.questionnaires.change import compare
from lumbar.questionnaires.scoring import Answer
from lumbar.store import PersonRecord, ScoreRecord, Store
from lumbar.store.scores import to_dated, to_score_day
from lumbar.web.diary.entries import FIRST_DAY

#: more answers than any form has questions is refused before scoring
MAX_ANSWERS = 60
MAX_ID_CHARS = 64
NOT_A_DAY = f"the score's day must be between {FIRST_DAY.isoformat()} and today"


class KeptScoreIn(BaseModel):
    """A filled questionnaire to keep: its id, the answers by question id, and the day (default: today)."""

    model_config = ConfigDict(extra="forbid")

    questionnaire: str = Field(max_length=MAX_ID_CHARS, description="the questionnaire's id")
    answers: dict[str, str | int | bool] = Field(
        max_length=MAX_ANSWERS, description="question id -> answer, as for /api/questionnaires/{id}/score"
    )
    day: date | None = Field(None, description="the day it was filled in (default: today)")


class KeptScoreOut(BaseModel):
    """A questionnaire score kept in the diary."""

    id: int
    day: date
    questionnaire: str
    total: int
    subscales: dict[str, int] = Field(description="each part's id -> its score (STarT Back: distress)")
    group: str | None = Field(description="the group's id, for a form with groups")
    answers: dict[str, str | int] = Field(description="question id -> the answer as scored; blank: absent")
    kept: datetime

    @classmethod
    def of(cls, record: ScoreRecord) -> KeptScoreOut:
        """The API's view of a kept score."""
        return cls(
            id=record.id,
            day=record.day,
            questionnaire=record.questionnaire,
            total=record.total,
            subscales=record.subscales,
            group=record.band,
            answers=record.answers,
            kept=record.created,
        )


@dataclass(frozen=True)
class KeptScoreLine:
    """A kept score as the diary page lists it, in words."""

    id: int
    day: date
    name: str
    score: str
    group: str | None
    parts: list[str]
    change: list[str]


def keep_score(
    store: Store,
    kb: KnowledgeBase,
    person: PersonRecord,
    questionnaire_id: str,
    answers: Mapping[str, Answer],
    day: date,
    now: datetime,
    today: date,
) -> ScoreRecord:
    """Score ``answers`` and keep the score in ``person``'s diary for ``day``.

    NotFoundError for an unknown form; QuestionnaireError for answers it cannot score; InputError for a
    day in the future or before 2000.
    """
    if not FIRST_DAY <= day <= today:
        raise InputError(NOT_A_DAY)
    dated = dated_score(kb, questionnaire_id, answers, day)
    return store.scores.add(person.id, to_score_day(dated), now)


def kept_answers(dated: DatedScore) -> dict[str, str | int]:
    """The answers of a score as a form keeps them (blank questions left out), to post them again."""
    return to_score_day(dated).answers


def score_lines(records: Sequence[ScoreRecord], kb: KnowledgeBase) -> list[KeptScoreLine]:
    """The kept scores in words, by day, each with the change since the one before of its form
    (scores of a form lumbar no longer has are left out)."""
    lines = []
    earlier: dict[str, DatedScore] = {}
    for record in sorted(records, key=lambda r: (r.day, r.id)):
        form = kb.questionnaires.get(record.questionnaire)
        if form is None:
            continue
        dated = to_dated(kb, record)
        before = earlier.get(form.id)
        change = compare(form, before.score, dated.score).summary if before else []
        earlier[form.id] = dated
        result = dated.score
        lines.append(
            KeptScoreLine(
                id=record.id,
                day=record.day,
                name=form.name,
                score=f"{result.total} {result.unit}",
                group=result.band_name,
                parts=[f"Questions on {p.name}: {p.score} out of {p.highest}" for p in result.subscales],
                change=change,
            )
        )
    return lines
