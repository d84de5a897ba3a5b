"""The web's diary engine is lumbar.diary: two weeks without a real improvement prompt a visit, a real
improvement does not, a note's warning sign is shown first, a dose past its limit is warned of, and the
plot is the engine's SVG."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.knowledge.schema import Level
from lumbar.store import DiaryDay, DiaryRecord
from lumbar.store.entries import to_entry as as_entry
from lumbar.web.diary.engine import LumbarDiaryEngine

START = date(2026, 3, 2)


@pytest.fixture(scope="module")
def assessor() -> AssessmentEngine:
    return default_engine()


def diary(assessor: AssessmentEngine, today: date) -> LumbarDiaryEngine:
    return LumbarDiaryEngine(lambda: assessor, lambda: today)


def days(pains: list[int]) -> list[DiaryRecord]:
    made = datetime(2026, 3, 2, tzinfo=UTC)
    return [
        DiaryRecord(
            id=i + 1, owner_id=1, created=made, day=START + timedelta(days=i), pain_now=p, pain_worst=p
        )
        for i, p in enumerate(pains)
    ]


def test_two_weeks_without_a_real_improvement_prompt_a_visit(assessor: AssessmentEngine) -> None:
    engine = diary(assessor, START + timedelta(days=15))
    prompt = engine.reassess(days([6] * 8 + [5] * 8))  # 6 -> 5: less than the pain score's 2 points or 30 %
    assert prompt and "6" in prompt and "5" in prompt


def test_a_real_improvement_prompts_nothing(assessor: AssessmentEngine) -> None:
    engine = diary(assessor, START + timedelta(days=15))
    assert engine.reassess(days([7] * 4 + [5] * 4 + [3] * 8)) is None


def test_a_notes_warning_sign_is_shown_and_a_quiet_note_is_not(assessor: AssessmentEngine) -> None:
    engine = diary(assessor, START)
    assert engine.reread_note("I am numb between my legs and cannot pee") in (
        Level.EMERGENCY,
        Level.EMERGENCY_AMBULANCE,
    )
    assert engine.reread_note("walked to the shops, a bit stiff after") is None


def test_a_dose_past_its_limit_is_warned_of(assessor: AssessmentEngine) -> None:
    engine = diary(assessor, START)
    heavy = DiaryDay(
        day=START, pain_now=5, pain_worst=6, medicines=[{"medicine": "ibuprofen", "amount": 2400}]
    )
    written = DiaryDay(day=START, pain_now=5, pain_worst=6, medicines=[{"name": "ibuprofen 400 mg x3"}])
    named = DiaryDay(day=START, pain_now=5, pain_worst=6, medicines=[{"name": "ibuprofen"}])
    assert engine.check_entry(heavy, None)
    assert engine.check_entry(
        written, None
    )  # 1,200 mg: at the limit of ibuprofen bought without a prescription
    assert as_entry(named).medicines == []  # a name without an amount counts no dose


def test_the_plot_is_an_svg_of_the_days(assessor: AssessmentEngine) -> None:
    engine = diary(assessor, START + timedelta(days=3))
    svg = engine.plot(days([6, 5, 5, 4]))
    assert svg is not None and svg.lstrip().startswith(("<?xml", "<svg"))
    assert engine.plot([]) is None
