"""The safety-net: derived from the warning-sign rules, on every plan, personal where it should be."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from lumbar.assessment import Assessment
from lumbar.assessor import AssessmentEngine
from lumbar.care.audience import applies
from lumbar.care.models import CarePlan, SafetySign
from lumbar.care.needs import describe, pruned, reduce
from lumbar.care.plan import make_plan
from lumbar.care.profile import Profile, background_ids
from lumbar.care.safety_net import build_safety_net, review_line
from lumbar.errors import KnowledgeError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Condition, Level, WarningSignRule

TODAY = date(2025, 1, 1)
MakeAssessment = Callable[..., Assessment]
CAUDA_EQUINA = {"saddle_numbness", "urinary_retention", "bowel_incontinence", "bilateral_leg_symptoms"}


def signs(plan: CarePlan) -> list[SafetySign]:
    return [sign for group in plan.safety_net.groups for sign in group.signs]


def signs_for(plan: CarePlan, finding_id: str) -> list[SafetySign]:
    return [s for s in signs(plan) if finding_id in s.findings]


@pytest.mark.parametrize("level", list(Level))
def test_every_plan_has_a_safety_net(
    kb: KnowledgeBase, make_assessment: MakeAssessment, level: Level
) -> None:
    plan = make_plan(make_assessment(level=level), kb, TODAY)
    assert plan.safety_net.groups and all(group.signs for group in plan.safety_net.groups)
    assert all(sign.level.rank > level.rank or level is Level.EMERGENCY_AMBULANCE for sign in signs(plan))


def test_self_care_safety_net_names_every_cauda_equina_sign(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(age=34), kb, TODAY)
    for finding_id in CAUDA_EQUINA:
        found = signs_for(plan, finding_id)
        assert found, finding_id
        assert max(s.level.rank for s in found) >= Level.EMERGENCY.rank
        assert any(kb.findings[finding_id].name.lower() in s.text.lower() for s in found)


def test_every_one_sign_emergency_rule_for_the_person_is_in_a_self_care_safety_net(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(age=34, sex="male"), kb, TODAY)
    person = Profile(frozenset({"male", "age_under_45"}), frozenset(), 34)
    listed = {s.rule for s in signs(plan)} | {
        r.id
        for r in kb.rules.values()
        if any(s.text for s in signs(plan) if set(s.findings) == r.when.finding_ids())
    }
    for rule in kb.rules.values():
        need = reduce(rule.when, frozenset({"male", "age_under_45"}), frozenset())
        for_them = applies(rule, person, frozenset(), closer=False)
        if for_them and rule.level.rank >= Level.EMERGENCY.rank and need is not None and need.size == 1:
            names = {kb.findings[f].name.lower() for f in need.finding_ids() if f in kb.findings}
            shown = " ".join(s.text.lower() for s in signs(plan) if s.level.rank >= Level.EMERGENCY.rank)
            assert rule.id in listed or all(n in shown for n in names), rule.id


def test_signs_carry_the_rules_action_and_sources(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    for sign in signs(make_plan(make_assessment(), kb, TODAY)):
        rule = kb.rules[sign.rule]
        assert sign.action == rule.action and sign.level == rule.level
        cited = [str(c) for c in rule.sources]
        assert sign.sources[: len(cited)] == cited


def test_pregnancy_signs_are_personal_and_point_to_maternity_care(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(present=("pregnant",), pregnancy_weeks=31, sex="female"), kb, TODAY)
    for finding_id in (
        "vaginal_bleeding",
        "waters_breaking",
        "regular_contractions",
        "reduced_fetal_movement",
    ):
        found = signs_for(plan, finding_id)
        assert found and all(s.personal for s in found), finding_id
        assert any(s.level.rank >= Level.EMERGENCY.rank and "maternity" in s.action.lower() for s in found)
    assert plan.safety_net.review is not None and plan.safety_net.review.id == "early_review"


def test_the_sooner_review_tells_only_a_pregnant_person_to_call_the_midwife(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    pregnant = make_plan(make_assessment(present=("pregnant",), pregnancy_weeks=31, sex="female"), kb, TODAY)
    older = make_plan(make_assessment(age=68, sex="male"), kb, TODAY)
    for plan in (pregnant, older):
        assert plan.safety_net.review is not None and plan.safety_net.review.id == "early_review"
    assert "midwife" in pregnant.safety_net.review.text  # type: ignore[union-attr]
    assert "midwife" not in older.safety_net.review.text  # type: ignore[union-attr]
    assert "pregnant" not in older.safety_net.review.text  # type: ignore[union-attr]


def test_pregnancy_signs_are_not_shown_to_a_man(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(make_assessment(sex="male", age=40), kb, TODAY)
    assert signs_for(plan, "vaginal_bleeding") == []
    assert plan.safety_net.review is not None and plan.safety_net.review.id == "review_if_not_better"


def test_pregnancy_signs_are_conditional_for_a_woman_who_has_not_said(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(sex="female", age=30), kb, TODAY)
    found = signs_for(plan, "vaginal_bleeding")
    assert found and all(s.text.startswith("If pregnant:") for s in found)
    assert plan.safety_net.review is not None and plan.safety_net.review.id == "review_if_not_better"


@pytest.mark.parametrize(
    ("present", "person", "new_sign", "at_least"),
    [
        (("long_term_steroids",), {"age": 40, "sex": "male"}, "minor_fall", Level.CONSULTATION_24),
        (("recent_spinal_procedure",), {"age": 40, "sex": "male"}, "fever", Level.EMERGENCY),
        ((), {"age": 58, "sex": "male"}, "night_pain", Level.CONSULTATION_24),
    ],
)
def test_risk_groups_get_lower_thresholds(
    kb: KnowledgeBase,
    make_assessment: MakeAssessment,
    present: tuple[str, ...],
    person: dict[str, Any],
    new_sign: str,
    at_least: Level,
) -> None:
    plan = make_plan(make_assessment(present=present, **person), kb, TODAY)
    found = [s for s in signs_for(plan, new_sign) if s.personal]
    assert found and max(s.level.rank for s in found) >= at_least.rank
    baseline = make_plan(make_assessment(age=30, sex="male"), kb, TODAY)
    for sign in found:
        same = [s.level.rank for s in signs(baseline) if s.text == sign.text]
        assert max(same, default=-1) < sign.level.rank, sign.text
    assert plan.safety_net.review is not None and plan.safety_net.review.id == "early_review"
    assert plan.safety_net.review_by is not None and plan.safety_net.review_by < baseline.safety_net.review_by  # type: ignore[operator]


def test_review_date_comes_from_the_review_items_duration(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    net = make_plan(make_assessment(age=30, sex="male"), kb, TODAY).safety_net
    assert net.review is not None and kb.treatments[net.review.id].duration == "2 weeks"
    assert net.review_by == date(2025, 1, 15)
    assert make_plan(make_assessment(level=Level.CONSULTATION), kb, TODAY).safety_net.review is None


def test_no_plan_without_warning_sign_rules(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    with pytest.raises(KnowledgeError, match="safety-net"):
        make_plan(make_assessment(), kb.replace(rules={}), TODAY)


def _rule(when: Condition, level: Level = Level.EMERGENCY) -> WarningSignRule:
    return WarningSignRule(
        id="r", name="r", level=level, applies_to="everyone", when=when, reason="r", action="Act now."
    )


def test_reduce_drops_present_findings_and_blocks_on_none() -> None:
    cond = Condition(all=["a"], any=["b", "c", "d"], min_any=2, none=["x"])
    need = reduce(cond, frozenset({"a", "b"}), frozenset())
    assert need is not None and need.all == () and need.options == ("c", "d") and need.count == 1
    assert need.used == {"a", "b"} and need.size == 1
    assert reduce(cond, frozenset({"x"}), frozenset()) is None


def test_reduce_treats_absent_background_as_impossible_and_nested_terms() -> None:
    cond = Condition(all=["pregnant"], any=["bleeding", Condition(all=["pain"], any=["faint", "sweaty"])])
    assert reduce(cond, frozenset(), frozenset({"pregnant"})) is None
    need = reduce(cond, frozenset({"pregnant", "pain"}), frozenset({"pregnant"}))
    assert need is not None and need.count == 1 and need.size == 1
    text = describe(need, lambda f: f.capitalize())
    assert text == "Bleeding; faint; or sweaty"


def test_pruned_drops_every_way_that_holds_a_sign_already_listed() -> None:
    # "faint" listed on its own: "wheezing with hives or faint" keeps only hives; faint alone goes
    combo = reduce(Condition(all=["wheezing"], any=["hives", "faint"]), frozenset(), frozenset())
    assert combo is not None
    kept = pruned(combo, frozenset({"faint"}))
    assert kept is not None and kept.all == ("wheezing",) and kept.options == ("hives",)
    assert pruned(combo, frozenset({"wheezing"})) is None  # every way needs a sign already listed
    assert pruned(combo, frozenset({"hives", "faint"})) is None
    assert pruned(combo, frozenset({"other"})) is combo
    # nested: "pain with (faint or sweaty)" less faint is "pain with sweaty"
    nested = reduce(
        Condition(any=["bleeding", Condition(all=["pain"], any=["faint", "sweaty"])]),
        frozenset(),
        frozenset(),
    )
    assert nested is not None
    assert (
        describe(pruned(nested, frozenset({"faint"})) or nested, str.capitalize)
        == "Bleeding; or pain with sweaty"
    )
    two_of = reduce(Condition(any=["a", "b", "c"], min_any=2), frozenset(), frozenset())
    assert two_of is not None
    left = pruned(two_of, frozenset({"a"}))
    assert left is not None and left.options == ("b", "c") and left.count == 2
    assert pruned(two_of, frozenset({"a", "b"})) is None


@pytest.mark.parametrize("age", [34, 68])
def test_no_combination_repeats_a_sign_listed_alone_at_its_action_or_a_more_urgent_one(
    kb: KnowledgeBase, make_assessment: MakeAssessment, age: int
) -> None:
    plan = make_plan(make_assessment(age=age), kb, TODAY)
    alone: set[str] = set()
    checked = 0
    for group in plan.safety_net.groups:  # most urgent first
        for sign in group.signs:  # a list of signs each enough on its own
            if " with " not in sign.text and "at least" not in sign.text and not sign.text.startswith("If "):
                alone |= set(sign.findings)
        for sign in group.signs:
            if ", together with " in sign.text:
                checked += 1
                assert not alone & set(sign.findings), (sign.text, alone & set(sign.findings))
    assert checked  # there are combinations to check


def test_describe_reads_as_plain_words() -> None:
    need = reduce(Condition(any=["a", "b", "c"], min_any=2), frozenset(), frozenset())
    assert need is not None
    assert describe(need, lambda f: f"Sign {f}") == "At least 2 of these together: sign a; sign b; sign c"
    pair = reduce(Condition(all=[Condition(any=["a", "b"]), Condition(any=["c"])]), frozenset(), frozenset())
    acronym = describe(pair, lambda f: f"{f.upper()}X") if pair else ""
    assert acronym == "AX or BX, together with CX"  # acronyms keep their capitals


def test_outside_back_emergencies_are_in_the_safety_net_of_whom_they_are_for(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(age=64), kb, TODAY)
    shown = {s.rule for s in signs(plan)}
    person = Profile(frozenset({"age_over_50"}), frozenset(), 64)
    for rule in kb.rules.values():
        need = reduce(rule.when, frozenset(), frozenset())
        if (
            applies(rule, person, frozenset(), closer=False)
            and rule.outside_back
            and rule.level is Level.EMERGENCY_AMBULANCE
            and need is not None
            and need.size == 1
        ):
            assert rule.id in shown, rule.id
    assert any(s.findings == ["chest_pain"] and s.level is Level.EMERGENCY_AMBULANCE for s in signs(plan))


def test_negated_red_flags_stay_in_the_safety_net(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(make_assessment(absent=(*sorted(CAUDA_EQUINA), "fever", "chest_pain")), kb, TODAY)
    for finding_id in [*CAUDA_EQUINA, "fever", "chest_pain"]:
        assert signs_for(plan, finding_id), finding_id


def test_a_person_with_every_ambulance_sign_in_reach_is_told_to_call_now(kb: KnowledgeBase) -> None:
    # found by the fuzz tests: with no ambulance sign left to list, the plan raised KnowledgeError
    text = (
        "After a car crash I have severe pain between my shoulder blades, tearing pain, chest pain, severe "
        "belly pain and a pulsing feeling in my belly. I am short of breath and wheezing. I feel faint. My "
        "face has gone grey. I am confused and hard to wake. I have a fever and a rash that does not fade. "
        "I took too much paracetamol. I wet myself. I have no feeling during sex. I have spasms all over my body. "
        "I had my baby last week and I am soaking a pad every hour; my waters broke and something is coming out. "
        "My poo is black like tar and I vomited blood. My belly is hard as a board. Both my legs are weak and I fell."
    )
    assessment = AssessmentEngine(kb).assess(text)
    assert assessment.level is Level.EMERGENCY_AMBULANCE
    plan = make_plan(assessment, kb, today=TODAY)
    assert plan.safety_net.note and "call 999" in plan.safety_net.note
    ordinary = make_plan(AssessmentEngine(kb).assess("I pulled my back lifting a box"), kb, today=TODAY)
    assert ordinary.safety_net.groups and ordinary.safety_net.note is None


def test_a_rule_that_says_when_to_go_sooner_stands_for_the_more_urgent_one(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    """An older person's net lists a fall once, at the level of the rule that says "go to the emergency
    department if the pain is severe", not again under the emergency department (says_when_worse)."""
    covering = next(r for r in kb.rules.values() if r.says_when_worse)
    lead = "minor_fall"
    assert all(lead in kb.rules[ref].when.finding_ids() for ref in covering.says_when_worse)
    plan = make_plan(make_assessment(age=75, sex="female"), kb, TODAY)
    assert [s.level for s in signs_for(plan, lead)] == [covering.level]


def test_the_review_line_alone_is_the_whole_safety_nets_review_for_every_background_finding(
    kb: KnowledgeBase,
) -> None:
    """review_line looks only at the rules naming a background finding the person has: for each such
    finding, alone, for a woman, and with every other one, it gives the review the whole net gives."""
    background = background_ids(kb)
    named = sorted({f for rule in kb.rules.values() for f in rule.when.finding_ids()} & background)
    profiles = [Profile(frozenset(), frozenset())]
    profiles += [Profile(frozenset({f}), frozenset()) for f in named]
    profiles += [Profile(frozenset({f, "female"}), frozenset()) for f in named]
    profiles += [Profile(frozenset(named) - {f}, frozenset({f})) for f in named]
    reviews = set()
    for profile in profiles:
        whole = build_safety_net(Level.SELF_CARE, kb, profile, background, TODAY).review
        assert review_line(Level.SELF_CARE, kb, profile, background) == whole, profile.present
        reviews.add(whole.id if whole else None)
    assert {"review_if_not_better", "early_review"} <= reviews  # both the usual and the sooner review
