"""The schema of an assessment's result; its JSON form is CONTRACT.md section 2 (plus extra fields).

The one definition: :mod:`lumbar.assessment` is generated from it (see :mod:`lumbar.schemas`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lumbar.knowledge.dump import as_data
from lumbar.knowledge.terms import Level
from lumbar.result_terms import DISCLAIMER


class _Out(BaseModel):
    model_config = ConfigDict(populate_by_name=True, frozen=True)


class FoundFinding(_Out):
    """A finding read from the text or answered in the interview."""

    id: str
    status: Literal["present", "absent", "possible"] = Field(
        description="possible: possibly there but not clearly read; counted as present until answered"
    )
    evidence: str = Field(description="the words it came from, or 'answered: …'")
    value: float | str | None = None
    certainty: Literal["definite", "possible"] = "definite"


class LevelReason(_Out):
    text: str
    findings: list[str]
    sources: list[str]
    rule: str | None = None


class RankedCause(_Out):
    id: str
    name: str
    probability: float
    for_: list[str] = Field(default_factory=list, alias="for", serialization_alias="for")
    against: list[str] = Field(default_factory=list)
    explanation: str = ""
    sources: list[str] = Field(default_factory=list)


class NextQuestion(_Out):
    id: str
    text: str
    why: str | None = None
    warning_sign: bool = False


class Recommendation(_Out):
    """A specialist, test or piece of advice chosen for this person, with why and sources."""

    id: str
    text: str
    sources: list[str]
    why: str | None = None


class Notice(_Out):
    """A number the text gave that could not be right, so it was not used: in plain words for people."""

    text: str = Field(description="plain words: which number could not be right, and that it was not used")
    finding: str = Field(description="the finding id of the number (age, pregnancy_weeks …)")
    evidence: str = Field(description="the words of the text it came from")


class SourceRef(_Out):
    title: str
    locator: str


class Person(_Out):
    """Who the text is about, as far as it says."""

    subject: Literal["self", "other"] = "self"
    relation: str | None = None
    age: float | None = None
    sex: Literal["female", "male"] | None = None
    pregnancy_weeks: float | None = None
    temperature_c: float | None = None
    duration_days: float | None = None
    pain_score: float | None = None


class Assessment(_Out):
    """Urgency, likely causes, what to ask next and what to do, every line with its reasons and sources."""

    level: Level
    level_reasons: list[LevelReason]
    causes: list[RankedCause]
    findings: list[FoundFinding]
    next_questions: list[NextQuestion]
    specialists: list[Recommendation]
    tests: list[Recommendation]
    advice: list[Recommendation]
    sources: dict[str, SourceRef]
    person: Person = Field(default_factory=Person)
    fits_back_problem: bool = True
    summary: str = ""
    disclaimer: str = DISCLAIMER
    negated: list[str] = Field(default_factory=list, description="findings the text ruled out")
    notices: list[Notice] = Field(
        default_factory=list, description="numbers the text gave that could not be right, so were not used"
    )
    answered: list[str] = Field(
        default_factory=list, description="ids of the findings answered (interview answers), besides the text"
    )
    interviewed: bool = Field(False, description="the interview ran: its questions were offered")

    def to_json_dict(self) -> dict[str, Any]:
        """The CONTRACT.md JSON object (``for`` spelled as in the contract)."""
        return as_data(self, by_alias=True)

    @property
    def present(self) -> set[str]:
        """Ids of the findings present (a finding possibly present counts: safety first)."""
        return {f.id for f in self.findings if f.status in ("present", "possible")}


class Screening(_Out):
    """What triage of a message needs (an inbox of many): the level and why, the findings, the likely
    causes and the sources they cite. An :class:`Assessment` of the same text has the same values in
    these fields and adds the questions still to ask, specialists, tests and the plan's advice."""

    level: Level
    level_reasons: list[LevelReason]
    causes: list[RankedCause]
    findings: list[FoundFinding]
    sources: dict[str, SourceRef]
    fits_back_problem: bool = True
    summary: str = ""
