"""The REST API's plan and export bodies: a description with answers, a STarT Back group, scores."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from lumbar.web.questionnaire_schemas import AnswerIn
from lumbar.web.schemas import AssessRequest


class PlanRequest(AssessRequest):
    """A description and answers, and the person's STarT Back group if they know it."""

    start_back: Annotated[str, Field(max_length=20)] | None = Field(
        None,
        description="the STarT Back group (low, medium or high; see /api/questionnaires/start_back/score): "
        "brings the care NICE suggests for it to the top of a home plan",
        examples=["high"],
    )


class FilledQuestionnaire(BaseModel):
    """One filling of a questionnaire: which, on what day, and the answers by question id."""

    model_config = ConfigDict(extra="forbid")

    questionnaire: Annotated[str, Field(max_length=40)] = Field(examples=["pain_nrs"])
    date: date
    answers: dict[Annotated[str, Field(max_length=60)], AnswerIn] = Field(
        max_length=60, examples=[{"pain_now": 6}]
    )


class ExportRequest(PlanRequest):
    """What to export: the description and answers, the group, and the questionnaires filled."""

    questionnaires: list[FilledQuestionnaire] = Field(
        default_factory=list,
        max_length=50,
        description="questionnaires filled, any day; the newest STarT Back sets the group unless start_back is given",
    )
