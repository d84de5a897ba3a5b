"""The REST API's questionnaire bodies: the list, a score request and its reply."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from lumbar.questionnaires.change import ScoreChange
from lumbar.questionnaires.scoring import QuestionnaireScore

AnswerIn = Annotated[str, Field(max_length=40)] | Annotated[int, Field(ge=-1000, le=1000)] | bool


class QuestionnaireSummary(BaseModel):
    """One questionnaire lumbar has."""

    id: str
    name: str
    questions: int
    purpose: str
    recall: str


class ScoreRequest(BaseModel):
    """Answers by question id: an answer's id or words (choice), true/false (tick), a number."""

    model_config = ConfigDict(extra="forbid")

    answers: dict[Annotated[str, Field(max_length=60)], AnswerIn] = Field(
        max_length=60,
        description="question id -> answer; see GET /api/questionnaires/{id} for the ids",
        examples=[{"leg_pain": "agree", "bothersome": "very_much"}],
    )
    before: dict[Annotated[str, Field(max_length=60)], AnswerIn] | None = Field(
        None,
        max_length=60,
        description="an earlier filling's answers, to compare with (change and whether it matters)",
    )


class AdviceOut(BaseModel):
    """What the group changes in the self-care plan, with why and its sources."""

    id: str
    title: str
    text: str
    why: str
    sources: list[str]


class ScoreReply(BaseModel):
    """The score, the group and what it means, the plan changes, the change since ``before``, the notice."""

    score: QuestionnaireScore
    advice: list[AdviceOut]
    change: ScoreChange | None = None
    notice: str = Field(description="the licence notice, shown with every result")
    sources: dict[str, str] = Field(description="source id -> title, for every source the advice cites")
