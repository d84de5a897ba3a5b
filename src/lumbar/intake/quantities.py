"""Numbers people write: ages, temperatures (°C or °F), pain scores, durations, weeks of pregnancy.

Each reader returns the value and the words it came from, or None. A number stated as plainly
as "I am 999 years old", "-5 weeks pregnant", "a temperature of 50 °C" or "12/10" is returned as
written, even when it cannot be right: whether a value can be right is the knowledge base's call
(each numeric finding's ``plausible`` range), and the intake tells the person it was not used. A
bare number that is not plainly stated is read only inside each reader's window of likely values.
A minus sign stuck to a number is read ("-5"); the dash of "30-35" is not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import ClassVar

from lumbar.intake.caseless import Caseless, CaselessMatch
from lumbar.intake.person import RELATIONS
from lumbar.knowledge.frozen import Frozen

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "couple of": 2, "a couple of": 2, "few": 3, "a few": 3, "several": 4, "couple": 2,
}  # fmt: skip
_NUM = r"(\d+(?:\.\d+)?|a couple of|couple of|a few|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1, "week": 7, "fortnight": 14, "month": 30,
             "year": 365}  # fmt: skip
_UNIT = r"(minute|min|hour|hr|day|night|week|wk|fortnight|month|year|yr)s?"
_UNIT_ALIASES = {"min": "minute", "hr": "hour", "wk": "week", "yr": "year"}
#: a time unit holds one of these ("fortnight" holds "night"): a text without any gives no duration
_UNIT_NEEDS = ("min", "hour", "hr", "day", "night", "week", "wk", "month", "year", "yr")

_RELATIVE_DAYS = {
    "yesterday": 1, "last night": 0.5, "this morning": 0.3, "this afternoon": 0.2, "this evening": 0.1,
    "today": 0.3, "tonight": 0.1, "last week": 7, "last month": 30, "last year": 365, "the weekend": 3,
    "the morning": 0.3, "monday": 3, "tuesday": 3, "wednesday": 3, "thursday": 3, "friday": 3,
    "saturday": 3, "sunday": 3, "christmas": 30, "the summer": 90,
}  # fmt: skip


class Quantity(Frozen):
    """A number read from the text, and the words it was read from."""

    FIELDS: ClassVar[tuple[str, ...]] = ("value", "evidence")

    value: float
    evidence: str

    def __init__(self, value: float, evidence: str) -> None:
        vars(self).update(value=value, evidence=evidence)


def _num(word: str) -> float:
    word = word.lower().strip()
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def _negative(text: str, at: int) -> bool:
    """True when the number starting at ``at`` carries a minus sign ("-5", not the dash of "30-35")."""
    return (
        at > 0 and text[at - 1] == "-" and (at == 1 or not (text[at - 2].isalnum() or text[at - 2] in "-."))
    )


def _signed(text: str, m: CaselessMatch) -> Quantity:
    """The number of group 1 of ``m`` with its sign, and the words from the sign to the match's end."""
    at = m.start(1)
    if _negative(text, at):
        return Quantity(-float(m.group(1)), text[at - 1 : m.end()].strip(" .!?,"))
    return Quantity(float(m.group(1)), m.group(0).strip(" .!?,"))


def _first_stated(text: str, patterns: list[Caseless]) -> Quantity | None:
    """The first number the patterns find, as written (with its sign), whatever its value."""
    for pattern in patterns:
        m = pattern.search(text)
        if m:
            return _signed(text, m)
    return None


def _unit_days(unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return UNIT_DAYS[_UNIT_ALIASES.get(unit, unit)]


#: "45 yrs" is an age; "3 yrs ago" or "3 yrs of pain" is not (nor, in read_age, "diabetic 15 yrs")
_AGE_YRS = Caseless(
    r"(?<![\d.])(\d{1,3})\s*(?:y/o|yo|y\.o\.?|yr old|yrs)\b(?!\s*(?:ago|of|before|since|later|back|now)\b)",
    digit=True,
    needs=("y/o", "yo", "y.o", "yr"),
)
_AGE_PATTERNS = [
    Caseless(r"(?<![\d.])(\d{1,3})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b", digit=True, needs=("old",)),
    _AGE_YRS,
    Caseless(r"(?<![\d.])(\d{1,3})\s*(?:year|yr)s?\s+of\s+age\b", digit=True, needs=("age",)),
    Caseless(
        # not "since i am 20" (since the age of 20)
        r"\b(?<!since )(?:i am|i'm|im|aged?|age:?|is|turned)\s+(\d{1,3})\b(?!\s*(?:weeks?|wks?|kg|kilos?|lbs?|pounds|%|/|out of"
        r"|minutes?|mins?|hours?|days?|months?|times|cm|degrees|°|c\b|f\b|mg|\.\d|percent|stone|foot|feet|ft\b|inch))",
        digit=True,
    ),
    Caseless(
        r"\b(?:male|female|man|woman|boy|girl)\s*,\s*(?:aged\s*)?(\d{1,3})\b(?!\s*(?:weeks?|kg|%))",
        digit=True,
        needs=("male", "man", "boy", "girl"),
    ),
    # "woman 52 years", and learners' "I have 45 years" (the age, in several languages)
    Caseless(
        r"\b(?:male|female|man|woman|lady|boy|girl)\s*,?\s*(\d{1,3})\s*(?:years?|yrs?|y)\b(?!\s*(?:ago|of))",
        digit=True,
        needs=("male", "man", "lady", "boy", "girl"),
    ),
    Caseless(
        r"\bi\s+have\s+(\d{2,3})\s+(?:years?|yrs?)\b(?!\s*(?:ago|of|with|since|now|already))",
        digit=True,
        needs=("have",),
    ),
    Caseless(r"(?<![\d.])(\d{1,3})\s*,?\s*(?:male|female|man|woman)\b", digit=True, needs=("male", "man")),
    Caseless(
        r"(?<![\d.°])\b(\d{1,3})\s*(?:m|f)\b(?!\s*(?:°|degrees))(?=\s*[,.]|\s+(?:with|presents|c/o|complains))",
        digit=True,
    ),
    Caseless(r"(?:^|[.!?]\s+)(\d{1,3})\s*\.?\s*$", digit=True),
    # a sentence that is only an age and sex, at the end: "... at all. 45 M"
    Caseless(r"(?:^|[.!?]\s+)(\d{1,3})\s*(?:m|f|male|female)\.?\s*$", digit=True),
    # "Dad's 82", "my mum's 79"
    Caseless(
        rf"\b(?:{'|'.join(RELATIONS)})['’]s\s+(\d{{1,3}})\b(?!\s*(?:weeks?|months?|kg|%))",
        digit=True,
        needs=RELATIONS,
    ),
    # a sentence that is only an age: "47 years." ("I have 47 years" in several languages)
    Caseless(
        r"(?:^|[.!?,]\s*)(?:i am |i'm |im |i have |age |aged )?(\d{1,3})\s*(?:years?|yrs?|y)\s*\.?\s*(?=[.!?]|$"
        # or an age and a word on the person: "55 years, healthy", "38 yrs, fit"
        r"|\s*,\s*(?:healthy|fit|well|otherwise|male|female|man|woman|smoker|non-smoker|no\b|not\b|never\b))",
        digit=True,
        needs=("y",),
    ),
    Caseless(
        rf"\b(?:{'|'.join(RELATIONS)}|m|f)\s*(?:\(\s*|,\s*)(?:aged\s*)?(\d{{1,3}})\s*(?:\)|,|\.|$)",
        digit=True,
    ),
]
#: an age stated so plainly that a number outside any life span is a slip, not something else
#: ("I am 999 years old", "aged 150", "-5 years old"; not "a 300 year old cottage").
_AGE_STATED = [
    Caseless(
        r"\b(?:i am|i'm|im|i was|he is|she is|he's|she's|am)\s+-?(\d+(?:\.\d+)?)\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b",
        digit=True,
        needs=("old",),
    ),
    Caseless(
        r"(?:^|[.!?]\s+)-?(\d+(?:\.\d+)?)\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b", digit=True, needs=("old",)
    ),
    Caseless(r"(?<![\d.])-?(\d+(?:\.\d+)?)\s*(?:years?|yrs?)\s+of\s+age\b", digit=True, needs=("age",)),
    Caseless(
        r"\b(?:aged?|age:|turned)\s+-?(\d+(?:\.\d+)?)\b(?!\s*(?:weeks?|months?|days?|hours?|%|kg|lbs?))",
        digit=True,
        needs=("age", "turned"),
    ),
]
#: number words up to 99 ("sixty-eight", "thirty four").
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
#: common misspellings of the tens.
_TENS_SPELT = {"fourty": "forty", "ninty": "ninety"}
_WORD_NUM = rf"((?:{'|'.join([*_TENS, *_TENS_SPELT])})(?:[\s-]?(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)})"
#: what a number in words of _WORD_NUM holds: the tens end in "ty", the teens hold "teen"
_WORD_NUM_NEEDS = ("ty", "ten", "eleven", "twelve", "teen")
_AGE_IN_WORDS = [
    Caseless(rf"\b{_WORD_NUM}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b", needs=_WORD_NUM_NEEDS),
    Caseless(rf"\b(?:male|female|man|woman|lady),?\s+(?:aged\s+)?{_WORD_NUM}\b", needs=_WORD_NUM_NEEDS),
    Caseless(
        rf"\b(?:i am|i'm|im|aged?|is|turned|she's|he's|shes|hes)\s+{_WORD_NUM}\b"
        r"(?!\s*(?:weeks?|months?|days?|hours?|minutes?|times))",
        needs=_WORD_NUM_NEEDS,
    ),
    # a message that opens with the age: "Sixty six and my back's been grumbling", "Seventy, and ..."
    Caseless(rf"^\W*{_WORD_NUM}\s*(?:,|\band\b)", needs=_WORD_NUM_NEEDS),
]
#: a lone two-digit number between commas, opening a sentence before a comma, or at the very end is an
#: age ("high blood pressure, 71, and", "... into the car. 71, on blood pressure tablets").
_LONE_AGE = Caseless(r"(?:^|,|[.!?]\s)\s*(\d{2,3})\s*(?=,|\.?\s*$)", digit=True)


def word_number(words: str) -> int:
    """The value of a number written in words, up to 999 ("sixty-eight" -> 68, "a hundred and one" -> 101)."""
    parts = re.split(r"[\s-]+", words.lower().strip())
    value = 0
    for part in parts:
        part = _TENS_SPELT.get(part, part)
        if part in _TENS:
            value += 20 + 10 * _TENS.index(part)
        elif part in _TEENS:
            value += 10 + _TEENS.index(part)
        elif part == "hundred":
            value = max(value, 1) * 100
        elif part in _UNITS:
            value += 1 + _UNITS.index(part)
        # "a" and "and" ("a hundred and one") add nothing
    return value


#: ages said in words, read as a typical age for the phrase.
_AGE_WORDS = [
    (
        Caseless(
            r"\bin (?:my|his|her) (teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            needs=("teens", "ties"),
        ),
        None,
    ),
    (Caseless(r"\bin (?:my|his|her) (\d)0s\b", digit=True), None),
    (Caseless(r"\b(teenage|teenager|teen)\b", needs=("teen",)), 16.0),
    (Caseless(r"\b(elderly|pensioner|old age pensioner)\b", needs=("elderly", "pensioner")), 78.0),
    (Caseless(r"\b(middle[- ]aged)\b", needs=("middle",)), 50.0),
    (Caseless(r"\b(grandad|grandfather|grandma|grandmother|granny|gran|nan)\b", needs=("gran", "nan")), 75.0),
]
_DECADES = {"teens": 16, "twenties": 25, "thirties": 35, "forties": 45, "fifties": 55, "sixties": 65,
            "seventies": 75, "eighties": 85, "nineties": 95}  # fmt: skip


#: a young child's age in months: "my son is 19 months", "aged 8 months old".
_AGE_MONTHS = Caseless(
    r"(?<!baby )\b(?:is|aged?|of|son|daughter|girl|boy|child|toddler)\s*(?:only\s+|just\s+)?(\d{1,2})\s*(?:months?|mths?|mo)\b"
    r"(?:\s*old)?(?!\s*(?:ago|pregnant|along|of|since))",
    digit=True,
    needs=("mo", "mth"),
)


@lru_cache(maxsize=64)
def read_age(text: str) -> Quantity | None:
    """The age of the person described, in years; words ("teenager", "in my forties") give a typical age."""
    months = _AGE_MONTHS.search(text)
    if months and not read_pregnancy_weeks(text):
        return Quantity(round(float(months.group(1)) / 12, 2), months.group(0).strip())
    pain = read_pain_score(text)
    pain_span = _span_of(text, pain.evidence) if pain else None
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            if pattern is _AGE_YRS and _HISTORY_CUE.search(text[max(0, m.start() - 25) : m.start()]):
                continue  # "type 2 diabetic 15 yrs": how long the condition has lasted
            value = float(m.group(1))
            # "pain is 5 from 10" is no age, and "-5 years old" is not 5
            if 0 < value <= 110 and not _overlaps(m, pain_span) and not _negative(text, m.start(1)):
                return Quantity(value, m.group(0).strip(" .!?,"))
    for pattern in _AGE_IN_WORDS:
        for m in pattern.finditer(text):
            value = float(word_number(m.group(1)))
            if value >= 13:
                return Quantity(value, m.group(0).strip())
    for lone in _LONE_AGE.finditer(text):
        value = float(lone.group(1))
        if 12 <= value <= 110 and not _negative(text, lone.start(1)):
            return Quantity(value, lone.group(1))
    for word_pattern, typical in _AGE_WORDS:
        found = word_pattern.search(text)
        if found:
            word = found.group(1).lower()
            if typical is not None:
                return Quantity(typical, found.group(0))
            value = _DECADES.get(word) or int(word) * 10 + 5
            return Quantity(float(value), found.group(0))
    return _first_stated(text, _AGE_STATED)


_TEMP_WITH_UNIT = Caseless(
    r"\b(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?|deg)?\s*(c|f|celsius|fahrenheit|centigrade)\b", digit=True
)
_TEMP_AFTER_WORD = Caseless(
    r"\b(?:temperature|temp|fever|pyrexia|thermometer)\s*"
    # a correction after the word: "no temp.. well 38.2 earlier", "temperature - actually 38"
    r"(?:[.,!?…-]+\s*(?:well|actually|sorry|i mean|oh|wait)[,\s]*)?"
    r"(?:of|is|was|at|has been|had been|been|reading|reads|read|says|said|shows|showed|hit|reached|got to|went up to|peaked at|=|:|around"
    r"|about|up to|over)?\s*"
    r"(?:of\s*)?(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?)?\s*(c|f|celsius|fahrenheit)?\b",
    needs=("temp", "fever", "pyrexia", "thermometer"),
    digit=True,
)


#: "102.5 degrees", but not the weather ("in 40 degree heat").
_TEMP_DEGREES = Caseless(
    r"\b(\d{2,3}(?:\.\d+)?)\s*(?:°|º|degrees?)()(?!\s*(?:c|f|celsius|fahrenheit)\b)"
    r"(?!\s*(?:heat|outside|weather|sun|in the shade|day|room))",
    needs=("°", "º", "degree"),
    digit=True,
)


#: "39.4 on my mate's thermometer": a reading said before the word.
_TEMP_BEFORE_WORD = Caseless(
    r"\b(\d{2}(?:\.\d+)?)\s*(?:°|º|degrees?)?\s*()(?:on|by|with|according to|says the|on the|on my)\s+"
    r"(?:[\w']+\s+){0,2}?(?:thermometer|temperature|temp)\b",
    needs=("thermometer", "temp"),
    digit=True,
)


#: a body temperature said as a bare reading with one decimal ("had 39.2 last night", "I was 38.1
#: this afternoon"): 35.0 to 42.9 (°C) or 100.0 to 106.9 (°F), not part of a larger number, a date, a
#: price or a measure with its unit ("38.5 kg", "37.5 weeks", "39.2%").
_TEMP_BARE = Caseless(
    r"(?<![\w.,£$€/:-])((?:3[5-9]|4[0-2]|10[0-6])\.\d)(?![\d.,]\d|\d|%|/|:)"
    r"(?!\s*(?:kgs?|kilos?|lbs?|pounds?|stones?|st|cm|mm|mmol|mg|ml|weeks?|wks?|w|days?|years?|yrs?"
    r"|hours?|hrs?|mins?|minutes?|miles?|km|k|percent|per cent|bmi|psa|units?)\b)",
    digit=True,
)
#: words that make a bare decimal some other measure ("BMI 38.5", "sugar 39.1", "weigh 40.5").
_NOT_TEMPERATURE = Caseless(
    r"\b(?:bmi|sugars?|glucose|bm|hba1c|weigh\w*|psa|potassium|sodium|calcium|levels?|reading of my"
    r"|gfr|egfr|crp|inr|ferritin|bp|pressure|size|waist|shoe|£|\$|€|costs?|paid|price)\W*(?:\w+\W+){0,2}$",
)
#: the top of a range of readings, straight after the first: "37.9 to 38.1", "38-38.5".
_TEMP_RANGE_TOP = Caseless(r"\s*(?:to|-|–)\s*(3\d(?:\.\d)?)(?!\d)", digit=True)
#: a temperature stated with its unit: a degree sign or word, or the name of the scale.
_TEMP_STATED_UNIT = Caseless(r"°|degree|deg\b|celsius|fahrenheit|centigrade")


#: a temperature in words after its word: "temp thirty eight point two", "fever of thirty-nine", and in
#: Fahrenheit "my temp's a hundred and one".
_TEMP_IN_WORDS = Caseless(
    r"\b(?:temperature|temp|fever|thermometer)\b\W*(?:[a-z']+\W+){0,3}?"
    r"(thirty[\s-]?(?:five|six|seven|eight|nine)|forty(?:[\s-]?(?:one|two))?"
    r"|(?:a|one)\s+hundred(?:\s+and)?\s+(?:one|two|three|four|five|six))"
    r"(?:\s+point\s+(zero|one|two|three|four|five|six|seven|eight|nine))?\b"
    r"(?!\s*(?:years?|yrs?|days?|weeks?|months?|minutes?|mins?|hours?|times|kg|kilos?|pounds|mg|%))",
    needs=("temp", "fever", "thermometer"),
)
_DIGIT_WORDS = ["zero", *_UNITS]


def read_temperature(text: str) -> Quantity | None:
    """Body temperature in °C; °F is converted and a bare number is read by its size."""
    in_words = _TEMP_IN_WORDS.search(text)
    if in_words and not any(ch.isdigit() for ch in in_words.group(0)):
        tenths = _DIGIT_WORDS.index(in_words.group(2).lower()) / 10 if in_words.group(2) else 0.0
        said = word_number(in_words.group(1)) + tenths
        celsius = (said - 32) * 5 / 9 if said >= 100 else said
        return Quantity(round(celsius, 1), in_words.group(0).strip())
    stated: Quantity | None = None
    for pattern in (_TEMP_WITH_UNIT, _TEMP_AFTER_WORD, _TEMP_DEGREES, _TEMP_BEFORE_WORD):
        for m in pattern.finditer(text):
            quantity = _signed(text, m)
            value = quantity.value
            unit = (m.group(2) or "").lower()[:1]
            if unit == "f" or (not unit and value > 50):
                value = (value - 32) * 5 / 9
            if 33 <= value <= 44 and quantity.value > 0:
                # a range ("37.9 to 38.1 on and off"): the highest reading decides
                upper = _TEMP_RANGE_TOP.match(text, m.end())
                if upper and value < float(upper.group(1)) <= 44:
                    return Quantity(float(upper.group(1)), text[m.start() : upper.end()].strip())
                return Quantity(round(value, 1), m.group(0).strip())
            marked = _TEMP_STATED_UNIT.search(m.group(0))
            plain = (pattern is _TEMP_WITH_UNIT and marked) or (
                pattern is _TEMP_AFTER_WORD and (marked or m.group(2))
            )
            if stated is None and plain:  # "a temperature of 50 °C": stated, even if it cannot be right
                stated = Quantity(round(value, 1), quantity.evidence)
    if stated is None:
        for m in _TEMP_BARE.finditer(text):
            if _NOT_TEMPERATURE.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            value = float(m.group(1))
            celsius = (value - 32) * 5 / 9 if value >= 100 else value
            return Quantity(round(celsius, 1), m.group(0).strip())
    return stated


_PAIN = [
    Caseless(r"\b(\d{1,2}(?:\.\d)?)\s*(?:/|out of|of|from)\s*10\b", digit=True, needs=("10",)),
    Caseless(
        r"\bpain(?: score| level)?\s*(?:is|of|at|:|=)?\s*(?:about|around|a)?\s*(\d{1,2})\b"
        r"(?!\s*(?:years?|yrs?|days?|d\b|weeks?|wks?|w\b|months?|mths?|hours?|hrs?|minutes?|mins?|%))",
        needs=("pain",),
        digit=True,
    ),
]


#: a score stated on the scale of 10 ("12 out of 10", "pain 11/10"); "12/10" alone may be a date.
_PAIN_STATED = Caseless(
    r"(?<![\d./])-?(\d{1,3}(?:\.\d)?)\s*(out of|/)\s*10\b(?!/|\.?\d)", digit=True, needs=("10",)
)
#: "12/10" is a score when a pain word leads straight to it, or "pain" follows it (else it may be a date)
_PAIN_LEADS = Caseless(
    r"\b(?:pain|score|scale|hurts?|rate|rated|level)\W*(?:(?:is|was|it|of|at|about|around|a|an|like)\W+)*$",
)
_PAIN_FOLLOWS = Caseless(r"\s*(?:for\s+)?pain\b")


@lru_cache(maxsize=64)
def read_pain_score(text: str) -> Quantity | None:
    """A 0-10 pain score ("8/10", "7 out of 10", "pain 6")."""
    for pattern in _PAIN:
        for m in pattern.finditer(text):
            value = float(m.group(1))
            if 0 <= value <= 10 and not _negative(text, m.start(1)):
                return Quantity(value, m.group(0).strip())
    for m in _PAIN_STATED.finditer(text):
        if (
            m.group(2).lower() == "out of"
            or _PAIN_LEADS.search(_just_before(text, m.start(), 30))
            or _PAIN_FOLLOWS.match(text, m.end())
        ):
            return _signed(text, m)
    return None


_PREG_WEEKS = Caseless(
    r"\b(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?|w)\s*(?:pregnant|along|gestation|into (?:my|the|her) pregnancy|of pregnancy"
    # "30 weeks with my second": the weeks of a pregnancy with the child it carries
    r"|with (?:my|our|her|the) (?:first|second|third|fourth|fifth|baby|bump|twins)\b)",
    digit=True,
)
#: weeks of pregnancy stated plainly, however many ("-5 weeks pregnant", "50 weeks pregnant").
_PREG_WEEKS_STATED = Caseless(
    r"(?<![\d.])-?(\d{1,3})\s*(?:\+\d)?\s*(?:weeks?|wks?|w)\s*(?:pregnant|along|gestation|of pregnancy)",
    digit=True,
)
_PREG_WEEKS_LOOSE = Caseless(r"\b(\d{1,2})\s*(?:weeks?|wks?)\b", digit=True)
_TRIMESTER = Caseless(r"\b(first|1st|second|2nd|third|3rd|last)\s+trimester\b", needs=("trimester",))
_TRIMESTER_WEEKS = {"first": 10, "1st": 10, "second": 20, "2nd": 20, "third": 32, "3rd": 32, "last": 32}


_IM_WEEKS = Caseless(
    r"\b(?:i am|i'm|im|she is|she's|now)\s+(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?)\b(?!\s*(?:ago|old|of|since))",
    digit=True,
)


#: a born child's age: "my baby is 7 weeks", "he is 6 weeks".
_CHILD_BEFORE = Caseless(r"\b(?:baby|son|daughter|newborn|little one|he|him)\s*$")
#: a child's age is said in weeks only while it is small: from this many weeks, "my daughter is N weeks"
#: in a text about a pregnancy is her pregnancy ("my daughter is 34 weeks ... the baby's position")
_DAUGHTERS_PREGNANCY_FROM_WEEKS = 20
#: "she is 31 weeks", in a text that is about a pregnancy somewhere.
_IS_WEEKS = Caseless(
    r"\b(?:is|am|she's|i'm)\s+(\d{1,2})\s*(?:\+\d)?\s*(?:weeks?|wks?)\b(?!\s*(?:ago|old|of|since|now))",
    digit=True,
)
#: words that show a text is about a pregnancy, so "38 weeks" means weeks of pregnancy.
_PREGNANCY_CONTEXT = Caseless(
    r"\b(?:pregnan\w*|expecting|baby|bump|midwife|waters|contractions?|tightenings?|trimester|labour|labor|braxton|"
    r"kicks?|kicking|goes tight|our first|my first|with clots|passing clots|spotting)\b",
    needs=(
        "pregnan",
        "expecting",
        "baby",
        "bump",
        "midwife",
        "waters",
        "contraction",
        "tightening",
        "trimester",
        "labo",
        "braxton",
        "kick",
        "goes tight",
        "first",
        "clots",
        "spotting",
    ),
)
#: a message that opens with a week count standing alone, "28 wks, low back ache": how people in
#: pregnancy write their stage (a duration says "for", "ago" or what lasted); from 12 weeks, since a
#: back problem of three months or more is said in months.
_OPENING_WEEKS = Caseless(
    r"^\W*(\d{2})\s*(?:\+\d)?\s*(?:weeks?|wks?)\s*(?:[,.;:!-]|$)", digit=True, needs=("week", "wk")
)
_PREG_MONTHS = Caseless(
    r"\b(\d|one|two|three|four|five|six|seven|eight|nine)\s+months?\s+(?:pregnant|gone|along|into (?:my|the|her) pregnancy)",
    needs=("month",),
)
WEEKS_PER_MONTH = 4.35


@lru_cache(maxsize=64)
def read_pregnancy_weeks(text: str) -> Quantity | None:
    """Weeks of pregnancy ("31 weeks pregnant", "I'm 36 weeks", "6 months pregnant"); a trimester gives
    its middle week."""
    m = _PREG_WEEKS.search(text) or _IM_WEEKS.search(text)
    if m and 1 <= int(m.group(1)) <= 43 and not _negative(text, m.start(1)):
        return Quantity(float(m.group(1)), m.group(0).strip())
    context = _PREGNANCY_CONTEXT.search(text)
    bare = _IS_WEEKS.search(text) if context else None
    child = _CHILD_BEFORE.search(text[: bare.start()]) if bare else None
    if bare and child:
        hers = (
            child.group(0).strip().lower() == "daughter"
            and int(bare.group(1)) >= _DAUGHTERS_PREGNANCY_FROM_WEEKS
        )
        if not hers:
            bare = None  # "my baby is 7 weeks" is the baby's age
    if bare and 4 <= int(bare.group(1)) <= 43:
        return Quantity(float(bare.group(1)), bare.group(0).strip())
    opening = _OPENING_WEEKS.search(text)
    if opening and 12 <= int(opening.group(1)) <= 42:
        return Quantity(float(opening.group(1)), opening.group(0).strip(" ,.;:!-"))
    months = _PREG_MONTHS.search(text)
    if months:
        count = float(months.group(1)) if months.group(1).isdigit() else float(word_number(months.group(1)))
        return Quantity(float(round(count * WEEKS_PER_MONTH)), months.group(0))
    if _PREGNANCY_CONTEXT.search(text):
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if _PREGNANCY_CONTEXT.search(sentence):
                loose = _PREG_WEEKS_LOOSE.search(sentence)
                if (
                    loose
                    and 4 <= int(loose.group(1)) <= 43
                    and not _negative(sentence, loose.start(1))
                    and not re.match(r"\s*(?:ago|old|of (?:this|the) pain)", sentence[loose.end() :], re.I)
                ):
                    before = sentence[: loose.start()].lower()
                    if not re.search(
                        r"\b(for|since|past|last|over|in)\s*$", before
                    ) and not _CHILD_BEFORE.search(re.sub(r"\s*\b(?:is|was|now)\s*$", "", before)):
                        return Quantity(float(loose.group(1)), loose.group(0).strip())
    t = _TRIMESTER.search(text)
    if t:
        return Quantity(float(_TRIMESTER_WEEKS[t.group(1).lower()]), t.group(0))
    return _first_stated(text, [_PREG_WEEKS_STATED])


_FOR_DURATION = Caseless(
    rf"\b(?:for|over|in the past|in the last|within the last)\s+(?:the\s+)?(?:past|last|previous|almost|about|nearly|"
    rf"around|over|more than|the)?\s*(?:{_NUM}\s+)?{_UNIT}\b",
    needs=_UNIT_NEEDS,
)
#: "since 5 days", "from 3 weeks": learners' English for "for".
_SINCE_SPAN = Caseless(
    rf"\b(?:since|from|already)\s+(?:about\s+|around\s+|almost\s+|nearly\s+)?{_NUM}\s+{_UNIT}\b(?!\s+ago)",
    needs=("since", "from", "already"),
)
_LASTED = Caseless(
    rf"\b(?:lasted|lasting|had (?:it|this|them|these))\s+(?:for\s+)?(?:about\s+)?{_NUM}\s+{_UNIT}\b",
    needs=("last", "had "),
)
_SINCE_WORDS = (
    r"yesterday|last night|this morning|this afternoon|this evening|today|last week|last month|last year|"
    r"the weekend|the morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|the summer"
)
#: "since yesterday", and "since my back went last week": up to four words before the time.
_SINCE = Caseless(rf"\bsince\s+(?:[\w']+\s+){{0,4}}?({_SINCE_WORDS})\b", needs=("since",))
_AGO = Caseless(rf"\b{_NUM}\s+{_UNIT}\s+ago\b", needs=("ago",))
_BARE = Caseless(
    rf"\b{_NUM}\s+(day|night|week|wk|fortnight|month|year|yr)s?\b"
    r"(?!\s*(?:old|pregnant|along|a day|per day|a week|per week|each))",
    needs=_UNIT_NEEDS,
)
#: an activity up to five words before a vague span: "sit on the loo scrolling for ages" is how long
#: the sitting lasts, not the problem.
_ACTIVITY_BEFORE = Caseless(
    r"\b(?:sit|sitting|stand|standing|walk|walking|drive|driving|lie|lying|work|working|bend|bending|"
    r"scroll|scrolling|gaming|typing|queue|queuing|queueing)\b(?:\s+[\w']+){0,5}\s*$",
)
_VAGUE = Caseless(
    r"\bfor\s+(years|months|weeks|days|ages|a long time|decades)\b",
    needs=("years", "months", "weeks", "days", "ages", "long time", "decades"),
)
_VAGUE_DAYS = {
    "years": 730,
    "decades": 3650,
    "months": 90,
    "weeks": 21,
    "days": 3,
    "ages": 365,
    "a long time": 365,
}
_EVENT = Caseless(
    r"\b(yesterday|last night|this morning|today)\b|\b(?:on|last)\s+(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    needs=("day", "last night", "this morning"),
)
#: "twenty a day", "three times a week": a rate, not a duration.
_RATE_BEFORE = Caseless(rf"(?:\d|\b(?:{'|'.join([*_UNITS, *_TEENS, *_TENS])}|times|once|twice))\s*$")
#: where a clause ends: a time span belongs to the clause it stands in.
_CLAUSE_END = Caseless(r"[.;!?:,()]|\b(?:and|but|so|because|now|then|while|although)\b")
#: a clause about a condition, medicine or procedure of the past: its time span dates that, not the
#: back problem ("treated for cancer three years ago", "on prednisolone for years").
_HISTORY_CUE = Caseless(
    r"\b(?:diabet\w*|asthma|cancer|tumou?r|treated|treatment|surgery|operation|stones?|period|injection|epidural|"
    r"puncture|taking|took|prednis\w*|\w*statins?|steroids?|tablets?|pills?|medicines?|medication|diagnos\w*|"
    r"arthritis|thyroid|smok\w*|transplant|chemo\w*|lost|kg|pounds|weight|x-ray|scan|mri"
    # a birth dates itself: "8 weeks after a straightforward delivery", "had her baby three months ago"
    r"|baby|birth|delivery|delivered|born|caesarean|c-section)\b",
)
_SYMPTOM_CUE = Caseless(
    r"\b(?:pain\w*|ach\w*|hurt\w*|sore\w*|cramp\w*|spasm\w*|stiff\w*|numb\w*|tingl\w*|weak\w*|sciatica|"
    r"symptoms?|fever\w*|temperature|bleed\w*|spotting|start\w*|began|begun|came on|going on|it|this|"
    r"backache|twinge\w*|knot\w*|locked|seized|agony)\b",
)


def read_duration(text: str) -> Quantity | None:
    """How long the problem has lasted, in days; the longest stated span wins.

    Spans that give an age, the weeks of a pregnancy, a rate ("twenty a day") or the date of a past
    condition or treatment ("had surgery six weeks ago") are not the problem's duration.
    """
    pregnancy = read_pregnancy_weeks(text)
    age = read_age(text)
    skip = _span_of(text, pregnancy.evidence) if pregnancy else None
    skip_age = _span_of(text, age.evidence) if age else None
    spans: list[tuple[float, CaselessMatch]] = []
    for m in _SINCE_SPAN.finditer(text):
        spans.append((_num(m.group(1)) * _unit_days(m.group(2)), m))
    for m in _FOR_DURATION.finditer(text):
        days = _num(m.group(1) or "1") * _unit_days(m.group(2))
        # "walk for 10 minutes" is not the duration; "for the past 6 hours" is
        if days >= 1 or re.search(r"past|last", m.group(0), re.I):
            spans.append((days, m))
    for m in _LASTED.finditer(text):
        days = _num(m.group(1)) * _unit_days(m.group(2))
        if days >= 1:  # "stiffness lasting two hours" is an episode, not the duration
            spans.append((days, m))
    for m in _VAGUE.finditer(text):
        # "worse when I sit for a long time" is how long an activity lasts, not the problem
        if not _ACTIVITY_BEFORE.search(_just_before(text, m.start())):
            spans.append((float(_VAGUE_DAYS[m.group(1).lower()]), m))
    spans = [(days, m) for days, m in spans if _is_duration(text, m, skip)]
    # "since my operation last week": the problem dates from that event, whatever it was
    spans += [(float(_RELATIVE_DAYS[m.group(1).lower()]), m) for m in _SINCE.finditer(text)]
    if not spans:
        spans = [
            (_num(m.group(1)) * _unit_days(m.group(2)), m)
            for pattern in (_AGO, _BARE)
            for m in pattern.finditer(text)
            if not (pattern is _BARE and _RATE_BEFORE.search(_just_before(text, m.start())))
        ]
        spans += [
            (float(_RELATIVE_DAYS[(m.group(1) or m.group(2)).lower()]), m) for m in _EVENT.finditer(text)
        ]
        spans = [(days, m) for days, m in spans if _is_duration(text, m, skip)]
    # an age is never a duration ("I am 52 years", "my son is 19 months")
    spans = [(days, m) for days, m in spans if not _overlaps(m, skip_age)]
    if not spans:
        return None
    days, best = max(spans, key=lambda s: s[0])
    return Quantity(days, best.group(0).strip())


def _overlaps(m: CaselessMatch, span: tuple[int, int] | None) -> bool:
    return span is not None and m.start() < span[1] and span[0] < m.end()


def _span_of(text: str, evidence: str) -> tuple[int, int] | None:
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else None


def _is_duration(text: str, m: CaselessMatch, skip: tuple[int, int] | None) -> bool:
    """False for a span that is an age, the pregnancy's weeks, or the date of something past."""
    if skip and m.start() < skip[1] and skip[0] < m.end():
        return False
    if re.match(
        r"\s*(-|\s)?\s*(old|pregnant|along|of pregnancy|gestation)", text[m.end() : m.end() + 14], re.I
    ):
        return False
    return not _dates_the_past(text, *_clause(text, m.start(), m.end()))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around text[start:end] begins and ends: at punctuation and clause-joining words."""
    starts, ends = _clause_ends(text)
    k = bisect_right(ends, start)
    later = bisect_left(starts, end)
    return (ends[k - 1] if k else 0), (starts[later] if later < len(starts) else len(text))


@lru_cache(maxsize=1024)
def _dates_the_past(text: str, lo: int, hi: int) -> bool:
    """True for a clause about a past condition, medicine or procedure (read once per clause, so a
    long clause with many time spans is not read again for each)."""
    clause = text[lo:hi]
    history, symptom = _HISTORY_CUE.search(clause), _SYMPTOM_CUE.search(clause)
    if not history and not symptom and lo > 0 and text[lo - 1] == ",":
        # a clause that says nothing of its own ("..., maybe six years before, ...") dates what the
        # clause before it, in the same sentence, is about
        return _dates_the_past(text, *_clause(text, max(0, lo - 2), lo - 1))
    return bool(history and not symptom)


@lru_cache(maxsize=8)
def _clause_ends(text: str) -> tuple[list[int], list[int]]:
    """Where each clause end of ``text`` starts and ends (found once per text, then looked up)."""
    found = list(_CLAUSE_END.finditer(text))
    return [b.start() for b in found], [b.end() for b in found]


def _just_before(text: str, at: int, window: int = 40) -> str:
    """The few characters before ``at``: what a pattern anchored at their end needs to see."""
    return text[max(0, at - window) : at]
