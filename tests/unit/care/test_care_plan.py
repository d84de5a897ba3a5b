"""The plan generator: personalised, sourced, and never a home plan first when help is needed now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from lumbar.assessment import Assessment
from lumbar.assessor import AssessmentEngine
from lumbar.care.models import CarePlan
from lumbar.care.plan import (
    _built_home_sections,
    _home_sections,
    _named_by_treatments,
    advice_items,
    make_plan,
    plan_advice,
)
from lumbar.care.profile import Profile
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Cause, Conflict, Level, Position, Treatment

TODAY = date(2025, 1, 1)
NSAIDS = {"nsaid_oral", "topical_nsaid"}
URGENT = [Level.CONSULTATION_24, Level.EMERGENCY, Level.EMERGENCY_AMBULANCE]
MakeAssessment = Callable[..., Assessment]


def plan_ids(plan: CarePlan) -> set[str]:
    return {item.id for item in plan.items()}


def test_simple_strain_gets_home_sections_in_time_order(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(present=("lifting_injury", "muscle_spasm"), age=34), kb, TODAY)
    assert plan.urgent is None and plan.home_plan_first
    order = [s.id for s in plan.sections]
    assert order[:4] == ["today", "48h", "2_weeks", "long_term"]
    assert order[-2:] == ["doctor", "advised_against"]
    assert {"stay_active", "heat_pack", "nsaid_oral"} <= {i.id for i in plan.sections[0].items}


def test_no_anti_inflammatory_when_pregnant(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(make_assessment(present=("pregnant",), causes=("pregnancy_back_pain",)), kb, TODAY)
    assert plan_ids(plan) & NSAIDS == set()
    left_out = {left.id: left for left in plan.left_out}
    assert set(left_out) >= NSAIDS
    assert "pregnant" in left_out["nsaid_oral"].reason.lower()


def test_no_anti_inflammatory_when_pregnancy_is_known_only_from_the_weeks(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(pregnancy_weeks=24), kb, TODAY)
    assert plan_ids(plan) & NSAIDS == set()
    assert "knees_up_position" in {left.id for left in plan.left_out}


def test_no_anti_inflammatory_with_a_blood_thinner(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(present=("anticoagulant",)), kb, TODAY)
    assert plan_ids(plan) & NSAIDS == set()
    assert {left.findings[0] for left in plan.left_out if left.id in NSAIDS} == {"anticoagulant"}


def test_cautions_become_check_first_notes(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(make_assessment(present=("asthma",), age=70), kb, TODAY)
    nsaid = next(i for i in plan.items() if i.id == "nsaid_oral")
    assert nsaid.cautions and "asthma" in nsaid.cautions[0] and "65 years old or older" in nsaid.cautions[0]


@pytest.mark.parametrize("level", URGENT)
def test_no_home_plan_first_at_urgent_levels(
    kb: KnowledgeBase, make_assessment: MakeAssessment, level: Level
) -> None:
    plan = make_plan(make_assessment(level=level), kb, TODAY)
    assert plan.urgent is not None and not plan.home_plan_first
    assert [s.id for s in plan.sections] == ["while_you_wait"]
    waiting = plan.sections[0].items
    assert all("now" in kb.treatments[i.id].phase for i in waiting)
    assert all(kb.treatments[i.id].kind != "medicine" for i in waiting)


def test_urgent_plan_leads_with_the_fired_rules_actions(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    rule = next(r for r in kb.rules.values() if r.level is Level.EMERGENCY and not r.outside_back)
    plan = make_plan(make_assessment(level=Level.EMERGENCY, rules=(rule.id,)), kb, TODAY)
    assert plan.urgent is not None
    assert plan.urgent.actions == [rule.action]
    assert plan.urgent.reasons == [rule.reason]
    assert not plan.urgent.not_back_problem


def test_emergency_outside_the_back_is_named_as_such(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    rule = next(r for r in kb.rules.values() if r.outside_back and r.level is Level.EMERGENCY_AMBULANCE)
    plan = make_plan(make_assessment(level=rule.level, rules=(rule.id,)), kb, TODAY)
    assert plan.urgent is not None and plan.urgent.not_back_problem
    assert plan.urgent.actions[0] == rule.action


def test_no_back_comfort_measures_while_waiting_for_help_outside_the_back(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    """A bleeding stomach's plan waits with its rule's action ("lie down, do not eat or drink"), not with
    the back's positions; a back emergency keeps them."""
    outside = next(r for r in kb.rules.values() if r.outside_back and r.level is Level.EMERGENCY_AMBULANCE)
    plan = make_plan(make_assessment(level=outside.level, rules=(outside.id,)), kb, TODAY)
    assert plan.sections == []
    back = next(r for r in kb.rules.values() if r.level is Level.EMERGENCY and not r.outside_back)
    plan = make_plan(make_assessment(level=back.level, rules=(back.id, outside.id)), kb, TODAY)
    assert [s.id for s in plan.sections] == ["while_you_wait"]


def test_every_item_carries_sources_grade_and_why(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    for assessment in [
        make_assessment(age=34),
        make_assessment(present=("pregnant",), causes=("pregnancy_back_pain",)),
        make_assessment(level=Level.CONSULTATION, present=("anticoagulant", "asthma"), age=70),
        make_assessment(level=Level.EMERGENCY),
    ]:
        plan = make_plan(assessment, kb, TODAY)
        for item in plan.items():
            assert item.sources and item.why, item.id
            assert set(item.source_ids) <= set(plan.sources)
            if item.id in kb.treatments:
                assert item.evidence_grade is not None


def test_a_treatment_without_sources_is_never_shown(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    unsourced = Treatment(
        id="unsourced_tip",
        name="An unsourced tip",
        kind="self_care",
        text="Something nobody cited.",
        phase=["today"],
        evidence_grade="low",
        recommendation="recommended",
    )
    plan = make_plan(
        make_assessment(), kb.replace(treatments={**kb.treatments, "unsourced_tip": unsourced}), TODAY
    )
    assert "unsourced_tip" not in plan_ids(plan)


def test_guidelines_win_over_the_seed_advice_not_to_move(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(), kb, TODAY)
    stay_active = next(i for i in plan.items() if i.id == "stay_active")
    assert stay_active.recommendation == "recommended"
    assert "should not move" in stay_active.text and "this plan follows them" in stay_active.text


def test_conflicts_that_affect_an_item_are_noted_on_it(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    conflict = Conflict(
        id="test_rest",
        topic="Rest or move?",
        positions=[
            Position(sources=["000_c649623189fe4d57"], says="Rest."),
            Position(sources=["nice_ng59"], says="Move."),
        ],
        follows="Keep moving",
        reason="Better evidence.",
        affects=["stay_active"],
    )
    kb2 = kb.replace(conflicts={**kb.conflicts, conflict.id: conflict})
    item = next(i for i in make_plan(make_assessment(), kb2, TODAY).items() if i.id == "stay_active")
    assert any("Rest or move" in note and "Keep moving" in note for note in item.notes)


def test_procedures_appear_only_when_a_likely_cause_lists_them(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    disc = Cause(
        id="test_disc",
        name="A test disc problem",
        category="neurological",
        icd10=["M51.16"],
        explanation="A disc presses on a nerve.",
        prior=0.1,
        typical_level=Level.SELF_CARE,
        care=["surgery"],
        sources=["nhs_sciatica"],
    )
    kb2 = kb.replace(causes={**kb.causes, disc.id: disc})
    assert "surgery" not in plan_ids(make_plan(make_assessment(), kb2, TODAY))
    plan = make_plan(make_assessment(level=Level.CONSULTATION, causes=("test_disc",)), kb2, TODAY)
    doctor = plan.section("doctor")
    assert doctor is not None and "surgery" in {i.id for i in doctor.items}


def test_care_of_causes_specific_to_the_person_is_included(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    only_for_pregnancy = Cause(
        id="test_pregnancy_ache",
        name="Test pregnancy ache",
        category="pregnancy",
        icd10=["O26.89"],
        explanation="Back ache in pregnancy.",
        prior=0.01,
        typical_level=Level.SELF_CARE,
        requires=["pregnant"],
        care=["pregnancy_back_care"],
        sources=["nhs_pregnancy_back_pain"],
    )
    kb2 = kb.replace(causes={**kb.causes, only_for_pregnancy.id: only_for_pregnancy})
    pregnant = make_plan(make_assessment(present=("pregnant",), causes=("muscle_strain",)), kb2, TODAY)
    assert "pregnancy_back_care" in plan_ids(pregnant)
    item = next(i for i in pregnant.items() if i.id == "pregnancy_back_care")
    assert "Test pregnancy ache" in item.why
    not_pregnant = make_plan(make_assessment(sex="male"), kb2, TODAY)
    assert "pregnancy_back_care" not in plan_ids(not_pregnant)
    assert kb.treatments["pregnancy_back_care"].name not in {n for s in not_pregnant.sections for n in s.more}


def test_advised_against_section_lists_what_guidelines_advise_against(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    section = make_plan(make_assessment(), kb, TODAY).section("advised_against")
    assert section is not None
    assert {i.id for i in section.items} >= {"paracetamol", "acupuncture", "tens_traction_ultrasound"}
    assert all(i.recommendation == "not_recommended" for i in section.items)


def test_long_term_section_uses_prevention_and_tolerates_none(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    long_term = make_plan(make_assessment(), kb, TODAY).section("long_term")
    assert long_term is not None
    assert {i.id for i in long_term.items} & set(kb.prevention) or not kb.prevention
    empty = make_plan(make_assessment(), kb.replace(prevention={}), TODAY).section("long_term")
    assert empty is None or all(i.id in kb.treatments for i in empty.items)


def test_sections_keep_every_recommended_item_and_name_the_rest(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(), kb, TODAY)
    shown = plan_ids(plan)
    recommended_home = {
        t.id
        for t in kb.treatments.values()
        if t.recommendation == "recommended" and t.phase and t.phase[0] != "doctor"
    }
    assert recommended_home - {"review_if_not_better", "early_review"} <= shown
    named = {name for s in plan.sections for name in s.more}
    assert all(kb.treatments[i].name not in named for i in shown if i in kb.treatments)


def test_plan_is_deterministic_for_a_fixed_date(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    assessment = make_assessment(present=("pregnant",), age=30)
    assert make_plan(assessment, kb, TODAY) == make_plan(assessment, kb, TODAY)
    assert make_plan(assessment, kb, TODAY).created == TODAY


def test_advice_items_put_urgent_actions_first_and_carry_sources(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    rule = next(r for r in kb.rules.values() if r.level is Level.EMERGENCY)
    advice = advice_items(make_plan(make_assessment(level=Level.EMERGENCY, rules=(rule.id,)), kb, TODAY))
    assert advice[0].id == rule.id and advice[0].text == rule.action
    assert all(a.sources for a in advice)
    home = advice_items(make_plan(make_assessment(), kb, TODAY))
    assert home[0].id == "stay_active" and all(a.why for a in home)
    assert "review_if_not_better" in {a.id for a in home}
    assert all("#" not in s for a in home for s in a.sources)


def test_each_plan_items_advice_is_made_once_and_says_what_the_item_says(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(), kb, TODAY)
    first, again = advice_items(plan), advice_items(make_plan(make_assessment(), kb, TODAY))
    assert first == again and all(a is b for a, b in zip(first, again, strict=True))
    item = plan.sections[0].items[0]
    changed = item.replace(text=item.text + " More.")
    made = advice_items(plan.replace(sections=[plan.sections[0].replace(items=[changed])]))
    assert (
        made[0].text == item.text + " More."
        and made[0].sources == item.source_ids
        and made[0].why == item.why
    )


@pytest.mark.parametrize(
    "text",
    [
        "my lower back went into spasm this morning when I bent to pick up my kid",
        "back pain for 3 weeks, I am 72 and had cancer, losing weight",
        "I am 30 weeks pregnant and my back cramps come and go",
        "back pain and I cannot feel the inside of my thighs, I wet myself",
        "sore lower back after gardening, I take ibuprofen, kidney disease",
        "aching back for 8 months, stiff in the morning for an hour, better with exercise",
    ],
)
def test_plan_advice_is_the_whole_plans_advice(kb: KnowledgeBase, text: str) -> None:
    """The assessment's short way to its advice gives what the whole plan's advice list gives."""
    assessment = AssessmentEngine(kb).assess(text)
    assert plan_advice(assessment, kb) == advice_items(make_plan(assessment, kb, TODAY))


@pytest.mark.parametrize(
    ("finding", "left_out"),
    [
        ("poor_skin_sensation", {"heat_pack", "cold_pack", "hot_tub"}),
        ("opioid_use", {"driving", "muscle_relaxant"}),
        ("pregnancy_over_20_weeks", {"knees_up_position", "knee_to_chest_stretch", "hot_tub"}),
        ("stomach_ulcer_or_bleeding", {"nsaid_oral"}),
        ("kidney_disease", {"nsaid_oral"}),
    ],
)
def test_contraindicated_care_is_left_out_with_the_reason(
    kb: KnowledgeBase, make_assessment: MakeAssessment, finding: str, left_out: set[str]
) -> None:
    plan = make_plan(make_assessment(level=Level.CONSULTATION, present=(finding,)), kb, TODAY)
    assert plan_ids(plan) & left_out == set()
    reasons = {left.id: left for left in plan.left_out}
    assert left_out <= set(reasons)
    for treatment_id in left_out:
        because = reasons[treatment_id]
        assert because.findings and all(
            kb.findings[f].name.lower() in because.reason for f in because.findings
        )


def test_a_kept_home_plan_is_the_one_worked_out_for_the_whole_profile(kb: KnowledgeBase) -> None:
    """The home sections are kept by the findings a treatment names and the causes each treatment
    suits: for every finding of the knowledge base present (the others absent, an age given), with no
    cause's care suited and with each cause's, they are as worked out from the whole profile."""
    suits: list[dict[str, list[str]]] = [{}]
    suits += [{t: [cause.name] for t in cause.care} for cause in kb.causes.values()]
    changed = set()
    plain = _built_home_sections(kb, Profile(frozenset(), frozenset()), {})
    for finding in kb.findings:
        profile = Profile(frozenset({finding}), frozenset(kb.findings) - {finding}, age=70)
        for suited in suits if finding in _named_by_treatments(kb) else suits[:1]:
            kept = _home_sections(kb, profile, suited)
            assert kept == _built_home_sections(kb, profile, suited), (finding, suited)
        if kept != plain:
            changed.add(finding)
    assert {
        "diabetes",
        "pregnant",
        "poor_skin_sensation",
    } <= changed  # a caution, a sentence, a reason to leave out


def test_a_kept_home_plans_lists_are_the_callers_own(kb: KnowledgeBase) -> None:
    profile = Profile(_named_by_treatments(kb), frozenset())
    sections, left_out = _home_sections(kb, profile, {})
    assert sections and left_out
    sections.clear()
    left_out.clear()
    assert _home_sections(kb, profile, {}) == _built_home_sections(kb, profile, {})
