"""Patient-facing words stay plain: Flesch-Kincaid grade measured offline with textstat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from statistics import mean

import pytest

from lumbar.assessment import Assessment
from lumbar.care.pages import page_for
from lumbar.care.plan import make_plan
from lumbar.care.readability import page_text, plan_text, reading_grade
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level

MakeAssessment = Callable[..., Assessment]
#: Grade ceilings: about grade 8 on average is the aim; no single text may be hard to read.
AVERAGE_CEILING = 9.0
SINGLE_CEILING = 12.0


def test_reading_grade_tells_plain_from_hard_text() -> None:
    plain = "Keep moving. Use a warm pack. Walk a little more each day."
    hard = (
        "Pharmacological management necessitates individualised consideration of gastrointestinal, "
        "hepatic and cardiovascular contraindications prior to administration."
    )
    assert reading_grade(plain) < 4 < 14 < reading_grade(hard)
    assert reading_grade("   ") == 0.0


def test_treatment_texts_are_plain(kb: KnowledgeBase) -> None:
    grades = {t.id: reading_grade(t.text) for t in kb.treatments.values()}
    assert mean(grades.values()) <= AVERAGE_CEILING, grades
    assert max(grades.values()) <= SINGLE_CEILING, max(grades, key=lambda k: grades[k])


@pytest.mark.parametrize(
    "case",
    [
        {"age": 34, "present": ("lifting_injury",)},
        {"present": ("pregnant",), "pregnancy_weeks": 31, "causes": ("pregnancy_back_pain",)},
        {"present": ("anticoagulant",), "age": 70, "level": Level.CONSULTATION},
        {"level": Level.EMERGENCY},
    ],
)
def test_plan_text_is_plain(
    kb: KnowledgeBase, make_assessment: MakeAssessment, case: dict[str, object]
) -> None:
    plan = make_plan(make_assessment(**case), kb, date(2025, 1, 1))
    assert reading_grade(plan_text(plan)) <= AVERAGE_CEILING


def test_treatment_pages_are_plain_on_average(kb: KnowledgeBase) -> None:
    grades = [reading_grade(page_text(page_for(kb, t))) for t in kb.treatments]
    assert mean(grades) <= AVERAGE_CEILING
