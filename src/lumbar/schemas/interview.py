"""The schema of the interview's public types: a JSON-serialisable state, the question asked, the final result.

The web page, the REST API and the terminal share these: `start(text)` and `step(state, answer)`
each return a `Question` (with the new state) or a `Result` (with the final state).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from lumbar.knowledge.terms import YesMeans
from lumbar.result_terms import MAX_ANSWER_CHARS
from lumbar.result_terms import AnswerValue as AnswerValue
from lumbar.schemas.assessment import Assessment


class InterviewState(BaseModel):
    """Everything needed to continue an interview: the opening text and the answers so far.

    ``answers`` maps finding id -> "yes" | "no" | "unsure" | a choice's id | number. ``asked`` keeps the order
    of questions asked (for "back"). ``reasked`` holds warning signs asked again after "not sure".
    ``pending`` is the finding id of the question now waiting for an answer.
    """

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    text: str
    answers: dict[str, Annotated[str, Field(max_length=MAX_ANSWER_CHARS)] | float] = Field(
        default_factory=dict
    )
    asked: list[str] = Field(default_factory=list)
    reasked: list[str] = Field(default_factory=list)
    pending: str | None = None


class Progress(BaseModel):
    """How far along: questions answered so far, and about how many there will be in all."""

    asked: int
    estimated_total: int


class AnswerChoice(BaseModel):
    """One answer of a one-of-several question: the id to send back, and the words to show."""

    id: str
    text: str


class Question(BaseModel):
    """The next question, in plain words, with why it is asked and how to answer it."""

    kind: Literal["question"] = "question"
    id: str = Field(description="the finding id the question is about")
    text: str
    why: str
    type: Literal["boolean", "number", "duration", "choice"] = "boolean"
    unit: str | None = None
    choices: list[AnswerChoice] = Field(
        default_factory=list, description="type choice: the answers; send back one's id (or 'unsure')"
    )
    warning_sign: bool = False
    reasked: bool = Field(False, description="asked again in other words after 'not sure'")
    yes_means: YesMeans = Field(
        "present",
        description="what 'yes' to this wording says about the finding (absent: it asks the other way round)",
    )
    progress: Progress
    state: InterviewState


class Result(BaseModel):
    """The end of the interview: the assessment built from the text and every answer."""

    kind: Literal["result"] = "result"
    assessment: Assessment
    questions_asked: int
    stopped_because: str
    state: InterviewState
