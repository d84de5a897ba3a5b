"""The REST API's request and response bodies (the OpenAPI schema is built from these)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lumbar.ask.answer import MAX_QUESTION_CHARS
from lumbar.intake.validate import MAX_CHARS as MAX_TEXT_CHARS
from lumbar.interview.models import Question, Result
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.validation.convert import to_schema
from lumbar.result_terms import MAX_ANSWER_CHARS
from lumbar.schemas.assessment import Assessment
from lumbar.schemas.interview import AnswerChoice, Progress
from lumbar.web.signed_state import MAX_TOKEN_CHARS

Number = Annotated[float, Field(allow_inf_nan=False)]
#: a word answer: yes, no, unsure, back, or a choice's id (checked against the question it answers)
AnswerWord = Annotated[str, Field(max_length=MAX_ANSWER_CHARS, pattern=r"^[a-z][a-z0-9_]*$")]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextRequest(_Request):
    """A free-text description of the back problem, in the person's own words."""

    text: str = Field(
        max_length=MAX_TEXT_CHARS,
        description="what is happening, in your own words",
        examples=["I pulled my back lifting a box yesterday, no numbness, I am 35"],
    )


class AssessRequest(TextRequest):
    """A description, and any answers to the interview's questions (the same result as the interview)."""

    answers: dict[str, AnswerWord | Number] = Field(
        default_factory=dict,
        max_length=100,
        description='answers by question id (the `id` of a question): "yes", "no", "unsure", a number, '
        "or for a question of type choice the `id` of one of its choices",
        examples=[{"saddle_numbness": "no", "age": 35, "leg_sides": "one_leg"}],
    )


class StepRequest(_Request):
    """An answer to the last question of the interview in ``token``."""

    token: str = Field(max_length=MAX_TOKEN_CHARS, description="the token of the last reply")
    answer: AnswerWord | Number = Field(
        description='"yes", "no", "unsure" (not sure), "back" (the previous question), a number, or for '
        "a question of type choice the `id` of one of its choices"
    )


class AskRequest(_Request):
    question: str = Field(
        max_length=MAX_QUESTION_CHARS,
        description="a question about lower-back cramps",
        examples=["Can I drive with back spasms?"],
    )


class QuestionOut(BaseModel):
    """The next question, without the state (which travels encrypted and signed in ``token``)."""

    id: str
    text: str
    why: str
    type: Literal["boolean", "number", "duration", "choice"]
    unit: str | None = None
    choices: list[AnswerChoice] = Field(
        default_factory=list, description="type choice: the answers; send back the `id` of one (or unsure)"
    )
    warning_sign: bool = False
    reasked: bool = False
    progress: Progress

    @classmethod
    def of(cls, question: Question) -> QuestionOut:
        shown = {name: value for name, value in as_data(question).items() if name not in ("state", "kind")}
        return cls.model_validate(shown)


class InterviewReply(BaseModel):
    """Either the next ``question`` or the final ``assessment``; send ``token`` back with the next answer."""

    kind: Literal["question", "result"]
    token: str
    question: QuestionOut | None = None
    assessment: Assessment | None = None
    questions_asked: int | None = None
    stopped_because: str | None = None

    @classmethod
    def of(cls, reply: Question | Result, token: str) -> InterviewReply:
        if isinstance(reply, Result):
            return cls(
                kind="result",
                token=token,
                assessment=to_schema(reply.assessment),
                questions_asked=reply.questions_asked,
                stopped_because=reply.stopped_because,
            )
        return cls(kind="question", token=token, question=QuestionOut.of(reply))


class KnowledgeKind(BaseModel):
    kind: str
    count: int
    has_pages: bool


class KnowledgeEntryOut(BaseModel):
    id: str
    name: str


class KnowledgeList(BaseModel):
    kind: str
    items: list[KnowledgeEntryOut]


class KnowledgeItemOut(BaseModel):
    """A knowledge item as stored, and its patient page when its kind has pages."""

    kind: str
    id: str
    item: dict[str, Any]
    page: dict[str, Any] | None = None


class AskPassage(BaseModel):
    text: str
    source: str
    score: float
    locator: str | None = None
    title: str | None = None
    kind: str | None = None


class AskReply(BaseModel):
    """CONTRACT.md section 5: the answer, the ranked passages and their sources."""

    model_config = ConfigDict(extra="allow")

    answer: str
    passages: list[AskPassage]
    sources: dict[str, dict[str, str]]


class Health(BaseModel):
    """The server answers."""

    status: Literal["ok"]
