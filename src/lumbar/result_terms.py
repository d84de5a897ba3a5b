"""The constants the result models share with their schema (:mod:`lumbar.schemas`): the disclaimer,
the plan's section ids and order, and what an interview answer may be.

Plain Python, no pydantic: an assessment imports these, never the schema.
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "DISCLAIMER",
    "HOME_SECTIONS",
    "MAX_ANSWER_CHARS",
    "PHASE_SECTION",
    "SECTION_ORDER",
    "AnswerValue",
    "SectionId",
]

DISCLAIMER = (
    "lumbar gives information, not a diagnosis. It cannot examine you. "
    "If you are worried, or things get worse, contact a doctor or call your emergency number."
)

SectionId = Literal["while_you_wait", "today", "48h", "2_weeks", "long_term", "doctor", "advised_against"]
HOME_SECTIONS: tuple[SectionId, ...] = ("today", "48h", "2_weeks", "long_term")
#: the order of a home plan's sections
SECTION_ORDER: tuple[SectionId, ...] = (*HOME_SECTIONS, "doctor", "advised_against")
#: a treatment's first phase (treatments.yaml) -> the section it goes in
PHASE_SECTION: dict[str, SectionId] = {
    "now": "today",
    "today": "today",
    "48h": "48h",
    "2_weeks": "2_weeks",
    "long_term": "long_term",
    "doctor": "doctor",
}

#: what a person can answer: "yes", "no", "unsure" (not sure), "back" (the previous question), the id
#: of one of a one-of-several question's choices, or a number.
AnswerValue = str | float
#: the longest answer word a state keeps (a choice's id is short).
MAX_ANSWER_CHARS = 64
