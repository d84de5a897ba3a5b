"""Who the text is about: the writer, or someone they describe ("my mum is 78", "my son")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FEMALE = {"mum", "mom", "mother", "wife", "daughter", "sister", "grandmother", "grandma", "gran", "nan", "aunt",
           "girlfriend", "niece", "mummy", "mam"}  # fmt: skip
_MALE = {"dad", "father", "husband", "son", "brother", "grandfather", "grandpa", "grandad", "uncle", "boyfriend",
         "nephew", "daddy"}  # fmt: skip
_OTHER = {
    "partner",
    "child",
    "baby",
    "friend",
    "patient",
    "teenager",
    "kid",
    "toddler",
    "neighbour",
    "flatmate",
}
_RELATIONS = "|".join(sorted(_FEMALE | _MALE | _OTHER, key=len, reverse=True))
_INTRO = re.compile(
    rf"^\W*(?:(?:hi|hello|hey)\W+)?(?:my|our)\s+(?:\w+\s+)?({_RELATIONS})\b(?=\s*(?:\(|,|is\b|has\b|had\b|was\b|who\b|aged?\b"
    rf"|\d|keeps\b|gets\b|woke\b|says\b|complains\b|can't\b|cannot\b))",
    re.I,
)
_THIRD_PERSON = re.compile(r"\b(he|she|his|her|him)\b", re.I)
_SEX_WORDS = {
    "female": re.compile(r"\b(woman|female|girl|lady|f)\b(?!\s*/)", re.I),
    "male": re.compile(r"\b(man|male|guy|boy|m)\b(?!\s*/)", re.I),
}
_SEX_FROM_PRONOUN = {"she": "female", "her": "female", "he": "male", "his": "male", "him": "male"}


@dataclass(frozen=True)
class Subject:
    """The person described: the writer ("self") or another, with their relation and sex if known."""

    who: str = "self"
    relation: str | None = None
    sex: str | None = None


def read_subject(text: str) -> Subject:
    """Decide whether the text describes the writer or someone else, and their sex where it says."""
    intro = _INTRO.search(text)
    if intro:
        relation = intro.group(1).lower()
        sex = "female" if relation in _FEMALE else "male" if relation in _MALE else None
        if sex is None:
            pronoun = _THIRD_PERSON.search(text)
            sex = _SEX_FROM_PRONOUN.get(pronoun.group(1).lower()) if pronoun else None
        return Subject("other", relation, sex)
    return Subject("self", None, _sex_of_writer(text))


def _sex_of_writer(text: str) -> str | None:
    head = text[:200]
    for sex, pattern in _SEX_WORDS.items():
        for m in pattern.finditer(head):
            if m.group(1).lower() in ("m", "f") and not re.search(r"\d\s*,?\s*$", head[: m.start()]):
                continue  # a bare "m"/"f" counts only after an age: "45 M"
            return sex
    return None
