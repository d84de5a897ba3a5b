"""Numbers people write: ages, temperatures (°C or °F), pain scores, durations, weeks of pregnancy.

Each reader returns the value and the words it came from, or None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 4, "couple": 2,
}  # fmt: skip
_NUM = r"(\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "month": 30, "year": 365}
_UNIT = r"(minute|min|hour|hr|day|night|week|wk|month|year|yr)s?"
_UNIT_ALIASES = {"min": "minute", "hr": "hour", "wk": "week", "yr": "year"}

_RELATIVE_DAYS = {
    "yesterday": 1, "last night": 0.5, "this morning": 0.3, "this afternoon": 0.2, "this evening": 0.1,
    "today": 0.3, "tonight": 0.1, "last week": 7, "last month": 30, "last year": 365, "the weekend": 3,
    "the morning": 0.3, "monday": 3, "tuesday": 3, "wednesday": 3, "thursday": 3, "friday": 3,
    "saturday": 3, "sunday": 3, "christmas": 30, "the summer": 90,
}  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    value: float
    evidence: str


def _num(word: str) -> float:
    word = word.lower().strip()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def _unit_days(unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return UNIT_DAYS[_UNIT_ALIASES.get(unit, unit)]


_AGE_PATTERNS = [
    re.compile(r"(?<![\d.])(\d{1,3})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b", re.I),
    re.compile(r"(?<![\d.])(\d{1,3})\s*(?:y/o|yo|y\.o\.?|yr old|yrs)\b", re.I),
    re.compile(r"(?<![\d.])(\d{1,3})\s*(?:year|yr)s?\s+of\s+age\b", re.I),
    re.compile(
        r"\b(?:i am|i'm|im|aged?|age:?|is|turned)\s+(\d{1,3})\b(?!\s*(?:weeks?|wks?|kg|kilos?|lbs?|pounds|%|/|out of"
        r"|minutes?|mins?|hours?|days?|months?|times|cm|degrees|°|c\b|f\b|mg|\.\d|percent|stone))",
        re.I,
    ),
    re.compile(
        r"\b(?:male|female|man|woman|boy|girl)\s*,\s*(?:aged\s*)?(\d{1,3})\b(?!\s*(?:weeks?|kg|%))", re.I
    ),
    re.compile(r"(?<![\d.])(\d{1,3})\s*,?\s*(?:male|female|man|woman)\b", re.I),
    re.compile(
        r"(?<![\d.°])\b(\d{1,3})\s*(?:m|f)\b(?!\s*(?:°|degrees))(?=\s*[,.]|\s+(?:with|presents|c/o|complains))",
        re.I,
    ),
    re.compile(r"(?:^|[.!?]\s+)(\d{1,3})\s*\.?\s*$"),
]


#: ages said in words, read as a typical age for the phrase.
_AGE_WORDS = [
    (
        re.compile(
            r"\bin (?:my|his|her) (teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            re.I,
        ),
        None,
    ),
    (re.compile(r"\bin (?:my|his|her) (\d)0s\b", re.I), None),
    (re.compile(r"\b(teenage|teenager|teen)\b", re.I), 16.0),
    (re.compile(r"\b(elderly|pensioner|old age pensioner)\b", re.I), 78.0),
    (re.compile(r"\b(middle[- ]aged)\b", re.I), 50.0),
    (re.compile(r"\b(grandad|grandfather|grandma|grandmother|granny|gran|nan)\b", re.I), 75.0),
]
_DECADES = {"teens": 16, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
            "seventies": 75, "eighties": 85, "nineties": 95}  # fmt: skip


def read_age(text: str) -> Quantity | None:
    """The age of the person described, in years; words ("teenager", "in my forties") give a typical age."""
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            value = float(m.group(1))
            if 0 < value <= 110:
                return Quantity(value, m.group(0).strip(" .!?"))
    for word_pattern, typical in _AGE_WORDS:
        found = word_pattern.search(text)
        if found:
            word = found.group(1).lower()
            if typical is not None:
                return Quantity(typical, found.group(0))
            value = _DECADES.get(word) or int(word) * 10 + 5
            return Quantity(float(value), found.group(0))
    return None


_TEMP_WITH_UNIT = re.compile(
    r"\b(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?|deg)?\s*(c|f|celsius|fahrenheit|centigrade)\b", re.I
)
_TEMP_AFTER_WORD = re.compile(
    r"\b(?:temperature|temp|fever|pyrexia)\s*(?:of|is|was|at|reading|=|:|around|about|up to|over)?\s*"
    r"(?:of\s*)?(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?)?\s*(c|f|celsius|fahrenheit)?\b",
    re.I,
)


def read_temperature(text: str) -> Quantity | None:
    """Body temperature in °C; °F is converted and a bare number is read by its size."""
    for pattern in (_TEMP_WITH_UNIT, _TEMP_AFTER_WORD):
        for m in pattern.finditer(text):
            value = float(m.group(1))
            unit = (m.group(2) or "").lower()[:1]
            if unit == "f" or (not unit and value > 50):
                value = (value - 32) * 5 / 9
            if 33 <= value <= 44:
                return Quantity(round(value, 1), m.group(0).strip())
    return None


_PAIN = [
    re.compile(r"\b(\d{1,2}(?:\.\d)?)\s*(?:/|out of|of)\s*10\b", re.I),
    re.compile(
        r"\bpain(?: score| level)?\s*(?:is|of|at|:|=)?\s*(?:about|around)?\s*(\d{1,2})\b(?!\s*(?:years?|days?|weeks?|months?|hours?|minutes?|%))",
        re.I,
    ),
]


def read_pain_score(text: str) -> Quantity | None:
    """A 0-10 pain score ("8/10", "7 out of 10", "pain 6")."""
    for pattern in _PAIN:
        for m in pattern.finditer(text):
            value = float(m.group(1))
            if 0 <= value <= 10:
                return Quantity(value, m.group(0).strip())
    return None


_PREG_WEEKS = re.compile(
    r"\b(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?|w)\s*(?:pregnant|along|gestation|into (?:my|the|her) pregnancy|of pregnancy)",
    re.I,
)
_PREG_WEEKS_LOOSE = re.compile(r"\b(\d{1,2})\s*(?:weeks?|wks?)\b", re.I)
_TRIMESTER = re.compile(r"\b(first|1st|second|2nd|third|3rd|last)\s+trimester\b", re.I)
_TRIMESTER_WEEKS = {"first": 10, "1st": 10, "second": 20, "2nd": 20, "third": 32, "3rd": 32, "last": 32}


_IM_WEEKS = re.compile(
    r"\b(?:i am|i'm|im|she is|she's|now)\s+(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?)\b(?!\s*(?:ago|old|of|since))",
    re.I,
)


def read_pregnancy_weeks(text: str) -> Quantity | None:
    """Weeks of pregnancy ("31 weeks pregnant", "I'm 36 weeks"); a trimester gives its middle week."""
    m = _PREG_WEEKS.search(text) or _IM_WEEKS.search(text)
    if m and 1 <= int(m.group(1)) <= 43:
        return Quantity(float(m.group(1)), m.group(0).strip())
    if re.search(r"\bpregnan", text, re.I):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if re.search(r"\bpregnan", sentence, re.I):
                loose = _PREG_WEEKS_LOOSE.search(sentence)
                if (
                    loose
                    and 4 <= int(loose.group(1)) <= 43
                    and not re.search(r"ago|for\s+\d", loose.group(0))
                ):
                    before = sentence[: loose.start()].lower()
                    if not re.search(r"\b(for|since|past|last|over)\s*$", before):
                        return Quantity(float(loose.group(1)), loose.group(0).strip())
    t = _TRIMESTER.search(text)
    if t:
        return Quantity(float(_TRIMESTER_WEEKS[t.group(1).lower()]), t.group(0))
    return None


_FOR_DURATION = re.compile(
    rf"\b(?:for|over|in the past|in the last|within the last)\s+(?:the\s+)?(?:past|last|previous|almost|about|nearly|"
    rf"around|over|more than|the)?\s*(?:{_NUM}\s+)?{_UNIT}\b",
    re.I,
)
_LASTED = re.compile(
    rf"\b(?:lasted|lasting|had (?:it|this|them|these))\s+(?:for\s+)?(?:about\s+)?{_NUM}\s+{_UNIT}\b", re.I
)
_SINCE = re.compile(r"\bsince\s+(yesterday|last night|this morning|this afternoon|this evening|today|last week|last "
                    r"month|last year|the weekend|the morning|monday|tuesday|wednesday|thursday|friday|saturday|"
                    r"sunday|christmas|the summer)\b", re.I)  # fmt: skip
_AGO = re.compile(rf"\b{_NUM}\s+{_UNIT}\s+ago\b", re.I)
_BARE = re.compile(
    rf"\b{_NUM}\s+(day|night|week|wk|month|year|yr)s?\b(?!\s*(?:old|pregnant|along|a day|per day|a week|per week|each))",
    re.I,
)
_VAGUE = re.compile(r"\bfor\s+(years|months|weeks|days|ages|a long time|decades)\b", re.I)
_VAGUE_DAYS = {
    "years": 730,
    "decades": 3650,
    "months": 90,
    "weeks": 21,
    "days": 3,
    "ages": 365,
    "a long time": 365,
}
_EVENT = re.compile(r"\b(yesterday|last night|this morning|today)\b", re.I)


def read_duration(text: str) -> Quantity | None:
    """How long the problem has lasted, in days; the longest stated span wins."""
    spans: list[Quantity] = []
    for m in _FOR_DURATION.finditer(text):
        days = _num(m.group(1) or "1") * _unit_days(m.group(2))
        if days >= 1 or re.search(
            r"past|last", m.group(0), re.I
        ):  # "walk for 10 minutes" is not the duration
            spans.append(Quantity(days, m.group(0).strip()))
    for m in _LASTED.finditer(text):
        spans.append(Quantity(_num(m.group(1)) * _unit_days(m.group(2)), m.group(0).strip()))
    for m in _SINCE.finditer(text):
        spans.append(Quantity(float(_RELATIVE_DAYS[m.group(1).lower()]), m.group(0)))
    for m in _VAGUE.finditer(text):
        spans.append(Quantity(float(_VAGUE_DAYS[m.group(1).lower()]), m.group(0)))
    spans = [s for s in spans if not _is_age_or_pregnancy(text, s.evidence)]
    if spans:
        return max(spans, key=lambda q: q.value)
    found = [
        Quantity(_num(m.group(1)) * _unit_days(m.group(2)), m.group(0).strip())
        for pattern in (_AGO, _BARE)
        for m in pattern.finditer(text)
        if not _is_age_or_pregnancy(text, m.group(0))
    ]
    found += [Quantity(float(_RELATIVE_DAYS[m.group(1).lower()]), m.group(0)) for m in _EVENT.finditer(text)]
    return max(found, key=lambda q: q.value) if found else None


def _is_age_or_pregnancy(text: str, evidence: str) -> bool:
    idx = text.find(evidence)
    after = text[idx + len(evidence) : idx + len(evidence) + 14].lower() if idx >= 0 else ""
    return bool(re.match(r"\s*(-|\s)?\s*(old|pregnant|along|of pregnancy|gestation)", after))
