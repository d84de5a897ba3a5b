"""Stratified care: the STarT Back group changes a home plan as NICE NG59 1.1.3 says, each change cited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from lumbar.assessment import Assessment
from lumbar.care.models import CarePlan
from lumbar.care.plan import make_plan
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.questionnaires import Band
from lumbar.knowledge.schema import Level

TODAY = date(2025, 1, 1)
MakeAssessment = Callable[..., Assessment]


def band(kb: KnowledgeBase, band_id: str) -> Band:
    found = kb.questionnaires["start_back"].band(band_id)
    assert found is not None
    return found


def strain(make_assessment: MakeAssessment, **extra: object) -> Assessment:
    return make_assessment(present=("lifting_injury", "muscle_spasm"), age=34, **extra)


def first_ids(plan: CarePlan, section: str) -> list[str]:
    found = plan.section(section)  # type: ignore[arg-type]
    return [item.id for item in found.items] if found else []


def test_low_risk_puts_keeping_active_first_with_nice_cited(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(strain(make_assessment), kb, TODAY, risk_group=band(kb, "low"))
    item = plan.section("today").items[0]  # type: ignore[union-attr]
    assert item.id == "stay_active"
    assert item.why.startswith("Your answers put you in the low-risk group")
    assert item.sources[0] == "nice_ng59#1.1.3"


def test_medium_risk_brings_physiotherapy_exercise_first(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(strain(make_assessment), kb, TODAY, risk_group=band(kb, "medium"))
    doctor = first_ids(plan, "doctor")
    assert doctor[0] == "physiotherapy_exercise"
    assert doctor.count("physiotherapy_exercise") == 1
    assert "medium-risk group" in plan.section("doctor").items[0].why  # type: ignore[union-attr]
    assert "hill_2011" in plan.sources


def test_high_risk_adds_a_psychological_approach_to_exercise(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(strain(make_assessment), kb, TODAY, risk_group=band(kb, "high"))
    assert first_ids(plan, "doctor")[:2] == ["physiotherapy_exercise", "psychological_support"]
    names = [name for section in plan.sections for name in section.more]
    assert kb.treatments["psychological_support"].name not in names


def test_without_a_group_the_plan_is_unchanged_and_groups_change_only_their_items(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plain = make_plan(strain(make_assessment), kb, TODAY)
    medium = make_plan(strain(make_assessment), kb, TODAY, risk_group=band(kb, "medium"))
    assert "hill_2011" not in plain.sources
    assert {i.id for i in plain.items()} | {"physiotherapy_exercise"} == {i.id for i in medium.items()}


@pytest.mark.parametrize("level", [Level.CONSULTATION_24, Level.EMERGENCY, Level.EMERGENCY_AMBULANCE])
def test_an_urgent_plan_is_not_changed_by_the_group(
    kb: KnowledgeBase, make_assessment: MakeAssessment, level: Level
) -> None:
    assessment = make_assessment(level=level, present=("fever",), rules=("rule_fever",))
    plain = make_plan(assessment, kb, TODAY)
    high = make_plan(assessment, kb, TODAY, risk_group=band(kb, "high"))
    assert high == plain
    assert high.urgent is not None


def test_an_item_left_out_for_the_persons_findings_stays_out(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    physio = kb.treatments["physiotherapy_exercise"]
    blocked = physio.replace(contraindications=["pregnant"])
    changed = kb.replace(treatments={**kb.treatments, physio.id: blocked})
    pregnant = make_assessment(present=("lifting_injury", "pregnant"))
    plan = make_plan(pregnant, changed, TODAY, risk_group=band(changed, "medium"))
    assert "physiotherapy_exercise" in {item.id for item in plan.left_out}
    assert "physiotherapy_exercise" not in {item.id for item in plan.items()}
