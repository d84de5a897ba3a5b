"""Who the text is about: the writer, or someone they describe ("my mum is 78", "my son")."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from lumbar.intake.caseless import Caseless
from lumbar.knowledge.frozen import Frozen

_FEMALE = {"mum", "mom", "mother", "wife", "daughter", "sister", "grandmother", "grandma", "gran", "nan", "aunt",
           "girlfriend", "niece", "mummy", "mam", "girl"}  # fmt: skip
_MALE = {"dad", "father", "husband", "son", "brother", "grandfather", "grandpa", "grandad", "uncle", "boyfriend",
         "nephew", "daddy", "boy"}  # fmt: skip
_OTHER = {
    "partner",
    "child",
    "friend",
    "patient",
    "teenager",
    "kid",
    "toddler",
    "neighbour",
    "flatmate",
}
RELATIONS = tuple(sorted(_FEMALE | _MALE | _OTHER, key=len, reverse=True))
_RELATIONS = "|".join(RELATIONS)
#: relations that may open a text without "my": "Grandma (77) slipped", "Dad is 80".
_BARE_OPENERS = (
    "mum|mom|mother|dad|father|grandma|grandmother|gran|nan|grandad|grandpa|grandfather|husband|wife"
)
#: what may follow the relation when the text introduces them: "my mum is 78", "my son (8) has",
#: "my friend's back"; "my husband says I ..." is about the writer.
_AFTER_RELATION = (
    r"(?=\s*(?:\(|,|['’]s\b|(?:is|has|was|does|did|can|could)(?:n['’]?t)?\b|had\b|who\b|aged?\b|\d|keeps\b"
    r"|gets\b|got\b|woke\b|complains\b|fell\b|went\b|slipped\b|tripped\b|collapsed\b|started\b"
    r"|can't\b|cannot\b|says\b(?!\s+(?:that\s+)?(?:i|i'm|i've|my|me)\b)))"
)
_INTRO = Caseless(
    r"^\W*(?:(?:hi|hello|hey)\W+)?"
    r"(?:(?:i am |i'm )?(?:asking|writing|enquiring|here)\s+(?:for|about|on behalf of)\s+)?"
    rf"(?:(?:my|our)\s+(?:[\w-]+\s+){{0,3}}?|(?=(?:{_BARE_OPENERS})\b))({_RELATIONS})\b{_AFTER_RELATION}",
    needs=RELATIONS,
)
#: "my 13 year old has ...", "our two-year-old keeps ...": someone else, named by their age alone.
_AGE_INTRO = Caseless(
    r"^\W*(?:(?:hi|hello|hey)\W+)?(?:my|our)\s+(?:\d{1,2}|[a-z]+)[\s-]*(?:years?|yrs?|yr|months?)[\s-]*olds?\b"
    r"(?=\s*(?:\(|,|['’]s\b|(?:is|has|was|does|did|can|keeps|gets|got|woke|fell|says|complains)\b))",
    needs=("old",),
)
#: a text that starts with "he" or "she" describes someone else.
_PRONOUN_START = Caseless(r"^\W*(he|she)\b", needs=("he",))
#: the writer speaks of their own symptoms, so an opening relation is background ("my sister had a
#: slipped disc and now I have the same pain").
_FIRST_PERSON_SYMPTOM = Caseless(
    r"\b(?:i\s+(?:also\s+|now\s+|only\s+|still\s+)?(?:have|get|feel|'ve got|have got|have had|'ve had)"
    r"\s+(?:\w+\s+){0,3}?(?:pain|ache|aches|back|backache|leg|legs|cramps?|spasms?|numb\w*|tingl\w*|stiff\w*"
    r"|sciatica|fever|same)\b|\bmy\s+(?:own\s+)?(?:lower\s+)?(?:back|legs?|foot|feet|bladder|bowels?|bottom|bum)\b"
    r"|\bi(?:'m|\s+am)\s+(?:\w+\s+){0,4}?(?:with|in|have|got)\s+(?:\w+\s+){0,2}?(?:pain|agony|ache|backache|sciatica)\b)",
    # what each of its three ways holds: a text with none of these is answered without compiling it
    needs=("have", "get", "feel", "'ve", "my", "pain", "agony", "ache", "sciatica"),
)
_THIRD_PERSON = Caseless(r"\b(he|she|his|her|him)\b")
_SEX_WORDS = {
    "female": Caseless(r"(?:\b|(?<=\d))(woman|female|girl|lady|f)\b(?!\s*/)"),
    "male": Caseless(r"(?:\b|(?<=\d))(man|male|guy|boy|m)\b(?!\s*/)"),
}
_SEX_FROM_PRONOUN = {"she": "female", "her": "female", "he": "male", "his": "male", "him": "male"}


class Subject(Frozen):
    """The person described: the writer ("self") or another, with their relation and sex if known."""

    FIELDS: ClassVar[tuple[str, ...]] = ("who", "relation", "sex")
    DEFAULTS: ClassVar[dict[str, Any]] = {"who": "self", "relation": None, "sex": None}

    who: str
    relation: str | None
    sex: str | None

    def __init__(self, who: str = "self", relation: str | None = None, sex: str | None = None) -> None:
        vars(self).update(who=who, relation=relation, sex=sex)


def read_subject(text: str) -> Subject:
    """Decide whether the text describes the writer or someone else, and their sex where it says."""
    intro = _INTRO.search(text)
    if intro and not _FIRST_PERSON_SYMPTOM.search(text, intro.end()):
        relation = intro.group(1).lower()
        sex = "female" if relation in _FEMALE else "male" if relation in _MALE else None
        return Subject("other", relation, sex or _sex_from_pronoun(text))
    aged = _AGE_INTRO.search(text)
    if aged and not _FIRST_PERSON_SYMPTOM.search(text, aged.end()):
        return Subject("other", None, _sex_from_pronoun(text, aged.end()))
    opening = _PRONOUN_START.search(text)
    if opening:
        return Subject("other", None, _SEX_FROM_PRONOUN[opening.group(1).lower()])
    return Subject("self", None, _sex_of_writer(text))


def _sex_from_pronoun(text: str, start: int = 0) -> str | None:
    """The sex the first "he", "she", "his", "her" or "him" from ``start`` gives, if any."""
    pronoun = _THIRD_PERSON.search(text, start)
    return _SEX_FROM_PRONOUN.get(pronoun.group(1).lower()) if pronoun else None


def speaks_of_own_symptoms(text: str) -> bool:
    """True when the writer describes symptoms of their own ("I have pain", "my back")."""
    return bool(_FIRST_PERSON_SYMPTOM.search(text))


def _sex_of_writer(text: str) -> str | None:
    head = text[:200]
    for sex, pattern in _SEX_WORDS.items():
        for m in pattern.finditer(head):
            if m.group(1).lower() in ("m", "f") and not _bare_sex_letter(head, m.start()):
                continue
            return sex
    return None


def _bare_sex_letter(head: str, at: int) -> bool:
    """A bare "m"/"f" means sex only after an age ("45 M", "52F") or at the start ("F, 62"), and
    never after a temperature ("102 F")."""
    before = head[:at]
    if not before.strip(" \t\n"):
        return bool(re.match(r"[mf]\s*[,\d]", head[at:], re.I))
    number = re.search(r"(\d+(?:\.\d+)?)\s*,?\s*$", before)
    if not number or "." in number.group(1) or float(number.group(1)) > 110:
        return False
    return not re.search(r"(temp|fever|degree|°|º)\w*\W*(?:\w+\W+){0,2}$", before[: number.start()], re.I)
