"""Fuzzing `assess`: any text gives a sound assessment or a documented InputError, and nothing else.

What "sound" means is written once, in tests/engine_invariants.py; the texts are those of
tests/fuzz_strategies.py (adversarial families up to and past the length limit, any Unicode, the
lexicon's phrases mixed with noise, numbers of every kind, huge repetitions).
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from engine_invariants import assessment_problems
from fuzz_strategies import FUZZ, any_text, family_texts, short_text
from known_bugs import known_bug
from lumbar.assessment import Assessment
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.errors import InputError
from lumbar.interview.answers import is_number
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level

#: invisible characters that normalise removes: zero-width space, joiners, soft hyphen, bidi controls.
INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u202a\u202e\u2066\u2069"
#: a person who has every sign that calls an ambulance and can be read from words (found by fuzzing).
EVERY_AMBULANCE_SIGN = (
    "After a car crash I have severe pain between my shoulder blades, tearing pain, chest pain, "
    "severe belly pain and a pulsing feeling in my belly. I am short of breath and wheezing. I feel "
    "faint. My face has gone grey. I am confused and hard to wake. I have a fever and a rash that does "
    "not fade. I took too much paracetamol. I wet myself. I have no feeling during sex. I have spasms "
    "all over my body."
)


@pytest.fixture(scope="module")
def engine() -> AssessmentEngine:
    return default_engine()


@pytest.fixture(scope="module")
def fresh_engine() -> AssessmentEngine:
    """A second engine with its own caches: the same text must give the same assessment."""
    return AssessmentEngine(load_knowledge())


def assess_or_none(
    engine: AssessmentEngine, text: str, answers: dict[str, bool | float] | None = None
) -> Assessment | None:
    """The assessment, or None for a documented refusal or a known bug (see known_bugs.py)."""
    try:
        assessment = engine.assess(text, answers)
    except InputError as exc:
        assert str(exc), "an InputError says what is wrong"
        event("refused: " + re.sub(r"\d[\d,]*", "N", str(exc).split(":")[0].split(";")[0]))
        return None
    except Exception as exc:
        bug = known_bug(exc)
        if bug is None:
            raise
        event(f"known bug: {bug}")
        return None
    event(f"assessed: {assessment.level}")
    return assessment


@FUZZ
@given(text=any_text())
def test_any_text_gives_a_sound_assessment_or_an_input_error(
    engine: AssessmentEngine, fresh_engine: AssessmentEngine, text: str
) -> None:
    assessment = assess_or_none(engine, text)
    if assessment is None:
        return
    assert assessment_problems(assessment, text, engine.kb) == []
    if len(text) <= 2_000:  # the same text, another engine: nothing carries over from earlier texts
        assert fresh_engine.assess(text) == assessment


def insert_invisible(text: str, places: list[tuple[int, str]]) -> str:
    """``text`` with invisible characters put between two ASCII characters at the given places."""
    out = list(text)
    for at, char in sorted(places, reverse=True):
        k = at % (len(out) + 1)
        if 0 < k < len(out) and out[k - 1].isascii() and out[k].isascii():
            out.insert(k, char)
    return "".join(out)


@FUZZ
@given(
    text=family_texts(max_length=1_500),
    places=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(INVISIBLE)), min_size=1, max_size=30),
)
def test_invisible_characters_between_letters_change_nothing(
    engine: AssessmentEngine, text: str, places: list[tuple[int, str]]
) -> None:
    plain = assess_or_none(engine, text)
    marked = assess_or_none(engine, insert_invisible(text, places))
    if plain is not None and marked is not None:  # the language check counts words split by them
        assert marked == plain


def interview_answers(kb: KnowledgeBase) -> st.SearchStrategy[dict[str, bool | float]]:
    """Answers as the interview passes them on: yes/no to questions, numbers within their range."""
    asked = [f for f in kb.findings.values() if f.question]

    def value(finding_id: str) -> st.SearchStrategy[bool | float]:
        finding = kb.findings[finding_id]
        if not is_number(finding):
            return st.booleans()
        plausible = finding.plausible
        low, high = (plausible.min, plausible.max) if plausible else (0.0, 1e6)
        return st.floats(low, high)

    ids = st.lists(st.sampled_from([f.id for f in asked]), unique=True, max_size=12)
    return ids.flatmap(lambda chosen: st.fixed_dictionaries({i: value(i) for i in chosen}))


@FUZZ
@given(text=short_text(), data=st.data())
def test_text_and_interview_answers_give_a_sound_assessment(
    engine: AssessmentEngine, text: str, data: st.DataObject
) -> None:
    answers = data.draw(interview_answers(engine.kb), label="answers")
    assessment = assess_or_none(engine, text, answers)
    if assessment is None:
        return
    assert assessment_problems(assessment, text, engine.kb, answers) == []


def test_a_text_that_fires_every_ambulance_rule_it_can_is_assessed(engine: AssessmentEngine) -> None:
    assessment = engine.assess(EVERY_AMBULANCE_SIGN)
    assert assessment.level is Level.EMERGENCY_AMBULANCE


@pytest.mark.parametrize("value", [math.nan, math.inf, 10**400], ids=["nan", "inf", "huge int"])
def test_a_non_finite_answer_is_refused_or_kept_out_of_the_assessment(
    engine: AssessmentEngine, value: float
) -> None:
    text, answers = "My lower back hurts after lifting.", {"age": value}
    try:
        assessment = engine.assess(text, answers)
    except InputError:
        return  # refusing the answer is fine
    assert assessment_problems(assessment, text, engine.kb, answers) == []
