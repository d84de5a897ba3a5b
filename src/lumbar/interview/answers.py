"""Answers: check an answer against its question, and read typed replies ("y", "2 weeks", "101 F", "2").

Numbers are checked against their finding's plausible range in the knowledge base, and a number
outside it is refused with that range's notice (the words the assessment shows for the same slip
in a text), so the question is asked again. A temperature in °F is converted to °C. A one-of-several
question takes one of its choices' ids (typed: the choice's number or its words).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Literal

from lumbar.errors import InputError, InterviewError
from lumbar.interview.models import AnswerValue
from lumbar.knowledge.choices import choice_answers, choice_question_of, is_choice
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding, ValueType

#: what may be stored for a finding: "yes", "no", "unsure", a choice's id, or a number in its unit.
Stored = str | float
#: a reply typed in a terminal or form: an answer, or "why" (explain the question).
Reply = AnswerValue | Literal["why"]

_WORDS: dict[str, AnswerValue | Literal["why"]] = {
    **dict.fromkeys(["y", "yes", "yeah", "yep", "yup", "true"], "yes"),
    **dict.fromkeys(["n", "no", "nope", "nah", "false"], "no"),
    **dict.fromkeys(
        ["s", "u", "not sure", "unsure", "dont know", "don't know", "do not know", "dk", "maybe"],
        "unsure",
    ),
    **dict.fromkeys(["b", "back", "undo", "previous"], "back"),
    **dict.fromkeys(["?", "w", "why", "why?", "help"], "why"),
}
_ANSWER_WORDS: dict[str, Literal["yes", "no", "unsure"]] = {"yes": "yes", "no": "no", "unsure": "unsure"}
_NUMBER = re.compile(r"^\s*([-+]?\s?\d+(?:[.,]\d+)?)\s*([a-z°]*)\s*$")
#: days per unit word of a duration reply.
_DURATION_UNITS: dict[str, float] = {
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours"], 1 / 24),
    **dict.fromkeys(["d", "day", "days"], 1.0),
    **dict.fromkeys(["w", "wk", "wks", "week", "weeks"], 7.0),
    **dict.fromkeys(["fortnight", "fortnights"], 14.0),
    **dict.fromkeys(["m", "mo", "mos", "month", "months"], 30.0),
    **dict.fromkeys(["y", "yr", "yrs", "year", "years"], 365.0),
}
#: unit words accepted after a number, by the finding's unit.
_UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "years": ("y", "yr", "yrs", "year", "years", "yo"),
    "weeks": ("w", "wk", "wks", "week", "weeks"),
    "°C": ("c", "°c", "°", "degrees"),
}


def is_number(finding: Finding) -> bool:
    """True for questions answered with a number (age, temperature, weeks, days, pain score)."""
    return finding.type in (ValueType.NUMBER, ValueType.DURATION)


def check_answer(finding: Finding, answer: object) -> Stored:
    """The answer as stored, or InterviewError saying what is wrong and what to send instead."""
    if is_choice(finding):
        return check_choice(finding, answer)
    if isinstance(answer, bool):
        answer = "yes" if answer else "no"
    if isinstance(answer, str):
        word = _ANSWER_WORDS.get(answer)
        if word is None:
            raise InterviewError(
                f"{answer!r} is not an answer to {finding.id!r}: send 'yes', 'no', 'unsure' or 'back'"
                + (", or a number" if is_number(finding) else "")
            )
        if is_number(finding) and word != "unsure":
            raise InterviewError(
                f"{finding.id!r} needs a number ({_unit(finding)}) or 'unsure', not {answer!r}"
            )
        return word
    if not isinstance(answer, int | float):
        raise InterviewError(f"an answer must be 'yes', 'no', 'unsure', 'back' or a number, not {answer!r}")
    if not is_number(finding):
        raise InterviewError(
            f"{finding.id!r} is a yes/no question: send 'yes', 'no' or 'unsure', not a number"
        )
    try:
        value = float(answer)
    except OverflowError:  # an int beyond the float range (10**400)
        raise InterviewError(f"{finding.id!r} needs an ordinary number, not one that long") from None
    return check_number(finding, value)


def check_choice(finding: Finding, answer: object) -> str:
    """One of the choices' ids of ``finding``, or "unsure"; InputError names the valid choices."""
    if answer == "unsure" or (isinstance(answer, str) and finding.choice(answer) is not None):
        return str(answer)
    raise InputError(f"{str(answer)[:40]!r} is not an answer to {finding.id!r}: {choices_hint(finding)}")


def choices_hint(finding: Finding) -> str:
    """What a one-of-several question takes: "send one of 'one_leg' (In one leg only), … or 'unsure'"."""
    listed = ", ".join(f"{c.id!r} ({c.text})" for c in finding.choices)
    return f"send one of {listed}, or 'unsure'"


def given_answers(kb: KnowledgeBase, answers: Mapping[str, object]) -> dict[str, bool | float]:
    """Answers given all at once (``lumbar assess --answer``, the REST API) as the assessment takes
    them: "yes" True, "no" False, a number in the finding's unit, a choice the findings it sets;
    "unsure" leaves the finding unknown.

    Each is checked as the interview checks it; InterviewError names a question that does not exist
    (and the choice question that asks about a finding without a question of its own).
    """
    out: dict[str, bool | float] = {}
    for finding_id, answer in answers.items():
        finding = kb.findings.get(finding_id)
        if finding is None or finding.question is None:
            asker = choice_question_of(kb, finding_id)
            if asker is not None:
                raise InterviewError(
                    f"{finding_id!r} is asked by the question {asker.id!r}: {choices_hint(asker)}"
                )
            raise InterviewError(
                f"there is no question {finding_id!r}; use the ids of `lumbar kb list findings`"
            )
        value = check_answer(finding, answer)
        if value == "unsure":
            continue
        choice = finding.choice(value) if isinstance(value, str) and is_choice(finding) else None
        if choice is not None:
            out.update(choice_answers(choice))
        else:
            out[finding_id] = value if isinstance(value, float) else value == "yes"
    return out


def check_number(finding: Finding, value: float, words: str | None = None) -> float:
    """``value`` in the finding's unit (°F converted to °C), or InterviewError with the finding's
    notice (quoting ``words``, the reply as typed) when it cannot be right."""
    if not math.isfinite(value):
        raise InterviewError(f"{finding.id!r} needs a real number, not {value!r}")
    plausible = finding.plausible
    if plausible is None:
        return value
    if finding.unit == "°C" and not plausible.holds(value) and plausible.holds(celsius(value)):
        value = round(celsius(value), 1)  # 101.3 is read as °F
    if not plausible.holds(value):
        raise InterviewError(plausible.notice_for(words if words is not None else f"{value:g}"))
    return value


def celsius(fahrenheit: float) -> float:
    """A temperature in °F as °C."""
    return (fahrenheit - 32) * 5 / 9


def parse_reply(text: str, finding: Finding) -> Reply:
    """Read a typed reply: y/n/s, back, why (?), or a number with an optional unit ("3 weeks", "101 F").

    Raises InterviewError with a hint when the reply cannot be read.
    """
    words = " ".join(text.strip().lower().replace("’", "'").split())
    if is_choice(finding):
        return _parse_choice(words, finding)
    if words in _WORDS:
        word = _WORDS[words]
        if is_number(finding) and word in ("yes", "no"):
            raise InterviewError(f"please type a number ({_unit(finding)}), or s if you are not sure")
        return word
    match = _NUMBER.match(words.replace("out of 10", "").replace("/10", ""))
    if not match:
        hint = f"a number ({_unit(finding)})" if is_number(finding) else "y (yes), n (no)"
        raise InterviewError(f"please type {hint}, s (not sure), ? (why we ask) or b (back)")
    if not is_number(finding):
        raise InterviewError("please answer y (yes), n (no) or s (not sure)")
    value = float(match.group(1).replace(",", ".").replace(" ", ""))
    unit = match.group(2)
    if finding.type is ValueType.DURATION:
        if (unit or "days") not in _DURATION_UNITS:
            raise InterviewError(f"please type a number ({_unit(finding)})")
        value *= _DURATION_UNITS[unit or "days"]
    elif finding.unit == "°C" and unit in ("f", "°f"):
        value = celsius(value)
    elif unit and unit not in _UNIT_WORDS.get(finding.unit or "", ()):
        raise InterviewError(f"please type a number ({_unit(finding)})")
    return check_number(finding, round(value, 1), words=" ".join(text.split()))


def _parse_choice(words: str, finding: Finding) -> Reply:
    """A typed reply to a one-of-several question: the choice's number, id or words (all of the
    words typed found in one choice only), s (not sure), b (back) or ? (why)."""
    word = _WORDS.get(words)
    if word is not None and word not in ("yes", "no"):
        return word
    choices = finding.choices
    if words.isdigit() and 1 <= int(words) <= len(choices):
        return choices[int(words) - 1].id
    typed = set(re.findall(r"[a-z0-9]+", words))
    exact = [c.id for c in choices if words in (c.id, c.id.replace("_", " "), c.text.lower())]
    fitting = [c.id for c in choices if typed and typed <= set(re.findall(r"[a-z0-9]+", c.text.lower()))]
    found = exact or fitting
    if len(found) == 1:
        return found[0]
    raise InterviewError(
        f"please type a number from 1 to {len(choices)}, s (not sure), ? (why we ask) or b (back)"
    )


def _unit(finding: Finding) -> str:
    unit = finding.unit or ""
    if unit == "°C":
        return "in °C or °F"
    if finding.type is ValueType.DURATION:
        return "e.g. '3 days' or '2 weeks'"
    if unit == "/10":
        return "0 to 10"
    return unit or "a number"
