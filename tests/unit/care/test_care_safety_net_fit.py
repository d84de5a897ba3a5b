"""A safety-net that fits the person: the universal signs, plus those for their age, sex, pregnancy and history.

Representative people, each sign under exactly one action, nothing written for someone else, and
nothing a person could plausibly get left out (an unknown age or sex keeps the signs that need it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from lumbar.assessment import Assessment
from lumbar.care.audience import applies, fits
from lumbar.care.models import CarePlan, SafetySign
from lumbar.care.needs import alone, reduce
from lumbar.care.plan import make_plan
from lumbar.care.profile import Profile, background_ids, profile_of
from lumbar.knowledge.loader import KnowledgeBase, data_root
from lumbar.knowledge.schema import AgeBand, Audience, Level
from lumbar.knowledge.validation import schema

TODAY = date(2025, 1, 1)
MakeAssessment = Callable[..., Assessment]
CAUDA_EQUINA = ["saddle_numbness", "urinary_retention", "bowel_incontinence", "bilateral_leg_symptoms"]

#: name -> (present findings, person fields)
PEOPLE: dict[str, tuple[tuple[str, ...], dict[str, Any]]] = {
    "young man after lifting": (("lifting_injury",), {"age": 35, "sex": "male"}),
    "pregnant woman": (("pregnant",), {"age": 30, "sex": "female", "pregnancy_weeks": 28}),
    "70 with cancer history": (("cancer_history",), {"age": 70}),
    "long-term steroids": (("long_term_steroids",), {"age": 45, "sex": "female"}),
    "unknown age": ((), {}),
}


def signs(plan: CarePlan) -> list[SafetySign]:
    return [sign for group in plan.safety_net.groups for sign in group.signs]


def plan_for(name: str, make_assessment: MakeAssessment, kb: KnowledgeBase) -> CarePlan:
    present, person = PEOPLE[name]
    return make_plan(make_assessment(present=present, **person), kb, TODAY)


def rules_listed(plan: CarePlan, kb: KnowledgeBase, finding_id: str) -> list[SafetySign]:
    """Signs from rules that need ``finding_id`` in their condition (e.g. being pregnant)."""
    return [s for s in signs(plan) if finding_id in kb.rules[s.rule].when.finding_ids()]


@pytest.mark.parametrize("name", PEOPLE)
def test_no_sign_is_listed_under_two_actions(
    name: str, kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for(name, make_assessment, kb)
    texts = [s.text for s in signs(plan)]
    assert len(texts) == len(set(texts))
    # a sign that is enough on its own ("…; or …", not "together with" another) is under one action
    # only, for everyone and for each "If pregnant: …" alike
    homes: dict[tuple[str, str], set[Level]] = {}
    for group in plan.safety_net.groups:
        for sign in group.signs:
            condition, _, text = (
                sign.text.partition(": ") if sign.text.startswith("If ") else ("", "", sign.text)
            )
            if "together" in text:
                continue
            for item in re.split(r"; (?:or )?", text):
                if " with " not in item:
                    homes.setdefault((condition, item.lower()), set()).add(group.level)
    assert {item: levels for item, levels in homes.items() if len(levels) > 1} == {}
    for finding_id in CAUDA_EQUINA:
        assert (
            len({g.level for g in plan.safety_net.groups for s in g.signs if finding_id in s.findings}) == 1
        )


@pytest.mark.parametrize("name", PEOPLE)
def test_the_universal_signs_are_always_there(
    name: str, kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    present, person = PEOPLE[name]
    assessment = make_assessment(present=present, **person)
    plan = make_plan(assessment, kb, TODAY)
    profile, background = profile_of(assessment, kb), background_ids(kb)
    for rule in kb.rules.values():
        need = reduce(rule.when, profile.present, background)
        if rule.applies_to != "everyone" or need is None or rule.level.rank <= plan.level.rank:
            continue
        for finding_id in alone(need):
            listed = [g.level for g in plan.safety_net.groups for s in g.signs if finding_id in s.findings]
            assert listed and max(lv.rank for lv in listed) >= rule.level.rank, (rule.id, finding_id)
    for finding_id in CAUDA_EQUINA:
        assert any(finding_id in s.findings for s in signs(plan)), finding_id


def test_a_young_man_after_lifting_gets_no_one_elses_signs(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for("young man after lifting", make_assessment, kb)
    shown = {f for s in signs(plan) for f in s.findings}
    # chest pain (aspirin), meningitis rash, tetanus, paracetamol overdose, burst aorta
    for finding_id in [
        "chest_pain",
        "non_blanching_rash",
        "whole_body_spasms",
        "paracetamol_overdose",
        "tearing_pain",
    ]:
        assert finding_id not in shown, finding_id
    assert not rules_listed(plan, kb, "pregnant")
    assert not any("pregnant" in s.text.lower() for s in signs(plan))
    assert len(signs(plan)) <= 20


def test_a_pregnant_woman_keeps_the_pregnancy_signs(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for("pregnant woman", make_assessment, kb)
    listed = {s.rule for s in rules_listed(plan, kb, "pregnant")}
    assert {"rule_preterm_labour", "rule_reduced_movements", "rule_pregnancy_bleeding"} <= listed
    assert any("chest_pain" in s.findings or "breathing_difficulty" in s.findings for s in signs(plan))


def test_an_older_person_with_cancer_keeps_the_cancer_and_aorta_signs(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for("70 with cancer history", make_assessment, kb)
    assert rules_listed(plan, kb, "cancer_history")
    assert any("abdominal_aortic_aneurysm" in kb.rules[s.rule].suspects for s in signs(plan))
    self_care = make_plan(make_assessment(present=("cancer_history",), age=70), kb, TODAY)
    assert any("chest_pain" in s.findings for s in signs(self_care))


@pytest.mark.parametrize(
    "risk", ["recent_spinal_procedure", "iv_drug_use", "immunosuppression", "long_term_steroids"]
)
def test_an_infection_risk_keeps_the_infection_signs(
    risk: str, kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(present=(risk,), age=35, sex="male"), kb, TODAY)
    assert any(s.level.rank >= Level.EMERGENCY.rank and "fever" in s.findings for s in signs(plan)), risk


def test_an_unknown_age_keeps_the_signs_that_need_one(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for("unknown age", make_assessment, kb)
    rules = {s.rule for s in signs(plan)}
    by_age = [
        r for r in kb.rules.values() if isinstance(r.applies_to, list) and any(a.age for a in r.applies_to)
    ]
    assert by_age
    aorta = [r.id for r in by_age if "abdominal_aortic_aneurysm" in r.suspects]
    assert set(aorta) & rules
    assert any(s.text.startswith("If pregnant") for s in signs(plan))


def test_the_person_gets_fewer_lines_than_the_whole_rule_set(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    young = len(signs(plan_for("young man after lifting", make_assessment, kb)))
    unknown = len(signs(plan_for("unknown age", make_assessment, kb)))
    assert young < unknown


def test_every_rule_says_whom_it_applies_to() -> None:
    raw = yaml.safe_load((data_root() / "rules.yaml").read_text(encoding="utf-8"))
    assert raw and all("applies_to" in item for item in raw), [i["id"] for i in raw if "applies_to" not in i]
    rule = {k: v for k, v in raw[0].items() if k != "applies_to"}
    with pytest.raises(ValidationError):
        schema.WarningSignRule.model_validate(rule)
    with pytest.raises(ValidationError):
        schema.WarningSignRule.model_validate({**rule, "applies_to": []})
    with pytest.raises(ValidationError):
        schema.Audience.model_validate({})
    with pytest.raises(ValidationError):
        schema.Audience.model_validate({"age": {"min": 50, "max": 20}})


def test_an_audience_fits_by_age_sex_and_findings() -> None:
    older = Audience(age=AgeBand(min=50))
    woman = Audience(sex="female")
    pregnant = Audience(findings=["pregnant"])
    assert fits(older, Profile(frozenset(), frozenset(), 50), frozenset())
    assert not fits(older, Profile(frozenset(), frozenset(), 49), frozenset())
    assert fits(older, Profile(frozenset(), frozenset(), None), frozenset())  # unknown age: include
    assert not fits(woman, Profile(frozenset({"male"}), frozenset()), frozenset())
    assert fits(woman, Profile(frozenset(), frozenset()), frozenset())  # unknown sex: include
    assert not fits(pregnant, Profile(frozenset({"female"}), frozenset()), frozenset())
    assert fits(pregnant, Profile(frozenset({"female"}), frozenset()), frozenset({"pregnant"}))


def test_the_persons_own_findings_bring_a_rule_in(kb: KnowledgeBase) -> None:
    rule = kb.rules["rule_chest_pain"]
    young = Profile(frozenset({"male"}), frozenset(), 30)
    assert not applies(rule, young, frozenset(), closer=False)
    assert applies(rule, young, frozenset(), closer=True)


def test_a_plan_that_starts_a_medicine_keeps_the_signs_of_a_reaction_to_it(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = plan_for("young man after lifting", make_assessment, kb)
    started = [
        kb.treatments[item.id]
        for section in plan.sections
        if section.id not in ("doctor", "advised_against")
        for item in section.items
        if item.id in kb.treatments and "new_medicine" in kb.treatments[item.id].counts_as
    ]
    assert started, "the plan of a young man after lifting suggests an anti-inflammatory"
    rules = {s.rule for s in signs(plan)}
    # the severe allergic reaction and the rash a new painkiller can cause (written for new medicines)
    assert {"rule_anaphylaxis", "rule_medicine_rash"} <= rules
