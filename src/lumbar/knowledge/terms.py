"""The knowledge base's fixed vocabularies: urgency levels, kinds and grades, and the few constants
both its validating schema (:mod:`lumbar.knowledge.validation`) and its run-time classes
(:mod:`lumbar.knowledge.schema`, generated) use.

Plain Python, no pydantic: a command that reads the compiled knowledge base imports these, never the
validating schema.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

__all__ = [
    "NOTICE_FIELDS",
    "TOTAL",
    "ContextCategory",
    "EvidenceGrade",
    "Level",
    "MissingRule",
    "RecommendationStrength",
    "Sex",
    "SourceKind",
    "UnsurePolicy",
    "ValueType",
    "YesMeans",
    "YesNo",
]


class Level(StrEnum):
    """The five urgency levels of CONTRACT.md section 3, least urgent first."""

    SELF_CARE = "self_care"
    CONSULTATION = "consultation"
    CONSULTATION_24 = "consultation_24"
    EMERGENCY = "emergency"
    EMERGENCY_AMBULANCE = "emergency_ambulance"

    @property
    def rank(self) -> int:
        """0 for self-care up to 4 for an ambulance."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {level: index for index, level in enumerate(Level)}


class SourceKind(StrEnum):
    SEED = "seed"
    GUIDELINE = "guideline"
    PAPER = "paper"
    STANDARD = "standard"
    PATIENT_INFO = "patient_info"
    PATHWAY = "pathway"


class ValueType(StrEnum):
    BOOLEAN = "boolean"
    NUMBER = "number"
    DURATION = "duration"
    CHOICE = "choice"


class UnsurePolicy(StrEnum):
    """What a "not sure" answer means for a warning-sign question."""

    REASK = "reask"  # ask once more in other words, then treat as present
    PRESENT = "present"  # treat as present at once (escalate)
    UNKNOWN = "unknown"  # leave unknown


class EvidenceGrade(StrEnum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"
    EXPERT = "expert_opinion"
    NONE = "insufficient"


class RecommendationStrength(StrEnum):
    """How strongly the sources back a treatment: recommended, an option, or advised against."""

    RECOMMENDED = "recommended"
    OPTION = "option"
    NOT_RECOMMENDED = "not_recommended"


class ContextCategory(StrEnum):
    NEGATED = "negated"
    POSSIBLE = "possible"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"
    OTHER_PERSON = "other_person"
    TERMINATE = "terminate"
    PSEUDO = "pseudo"


#: a yes/no question's answer.
YesNo = Literal["yes", "no", "unsure"]
#: what "yes" to a wording says about its finding.
YesMeans = Literal["present", "absent"]
#: A person's sex; each value is also the id of that finding.
Sex = Literal["female", "male"]
#: what an unanswered questionnaire item means: ``refuse`` (no score until every item is answered) or
#: ``not_ticked`` (it scores as a blank, as the form's own instructions say)
MissingRule = Literal["refuse", "not_ticked"]

#: the fields a PlausibleRange's notice may use
NOTICE_FIELDS = frozenset({"words", "min", "max"})
#: the score a questionnaire band's condition reads: the total, or a subscale's id
TOTAL = "total"
