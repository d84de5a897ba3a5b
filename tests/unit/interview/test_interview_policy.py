"""Which question next: screened warning signs, contextual ones, then information; and when to stop."""

from __future__ import annotations

import math

import pytest

from lumbar.assessor import AssessmentEngine
from lumbar.knowledge.schema import Level
from lumbar.triage.differential import rank_causes
from lumbar.triage.question_terms import reference_rate, sample_values
from lumbar.triage.questions import Candidate, QuestionRanker, rank_questions
from lumbar.triage.rules import FindingState, triage


def ranking(
    engine: AssessmentEngine, text: str, answers: dict[str, bool | float] | None = None
) -> list[Candidate]:
    reading = engine.read(text, answers or {})
    state = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
    return rank_questions(engine.kb, state, triage(engine.kb, state), rank_causes(engine.kb, state))


def test_cauda_equina_and_fever_are_screened_for_everyone(engine: AssessmentEngine) -> None:
    ranked = ranking(engine, "my lower back keeps cramping")
    screened = {c.finding.id for c in ranked if c.warning and c.screened}
    # one screening question covers bladder and bowel; its "yes" opens the specific questions
    assert {"saddle_numbness", "bladder_bowel_change", "fever"} <= screened
    # warning signs come first, most urgent first
    warnings = [c for c in ranked if c.warning]
    assert ranked[: len(warnings)] == warnings
    assert [c.score for c in warnings] == sorted((c.score for c in warnings), reverse=True)


def test_emergencies_outside_the_back_are_not_asked_out_of_the_blue(engine: AssessmentEngine) -> None:
    ids = {c.finding.id for c in ranking(engine, "I hurt my lower back lifting a box", {"age": 30.0})}
    assert "chest_pain" not in ids


def test_a_woman_is_asked_whether_she_could_be_pregnant(engine: AssessmentEngine) -> None:
    ranked = ranking(engine, "I am a woman and my lower back keeps cramping")
    pregnant = next(c for c in ranked if c.finding.id == "pregnant")
    assert pregnant.warning and pregnant.screened


def test_pregnancy_warning_signs_are_asked_in_pregnancy(engine: AssessmentEngine) -> None:
    ids = [c.finding.id for c in ranking(engine, "I'm 30 weeks pregnant and my back aches") if c.warning]
    assert {"vaginal_bleeding", "waters_breaking", "regular_contractions", "reduced_fetal_movement"} <= set(
        ids
    )


def test_cancer_is_asked_once_age_points_to_it(engine: AssessmentEngine) -> None:
    young = {
        c.finding.id for c in ranking(engine, "my lower back has been aching", {"age": 30.0}) if c.warning
    }
    older = {
        c.finding.id for c in ranking(engine, "my lower back has been aching", {"age": 68.0}) if c.warning
    }
    assert "cancer_history" not in young
    assert "cancer_history" in older


def test_rule_findings_in_play_are_asked_when_the_evidence_points_to_the_rule(
    engine: AssessmentEngine,
) -> None:
    ids = [
        c.finding.id for c in ranking(engine, "I've had kidney stones before and my back is sore on one side")
    ]
    assert {"haematuria", "pain_place"} <= set(ids)  # pain_place asks about flank_pain


def test_at_an_emergency_only_more_urgent_warning_signs_are_left(engine: AssessmentEngine) -> None:
    ranked = ranking(engine, "numbness between my legs and my back hurts")
    assert ranked and all(c.warning for c in ranked)
    assert all(c.reach is Level.EMERGENCY_AMBULANCE for c in ranked)
    assert ranking(engine, "numbness between my legs and I cannot pee at all") == []


def test_the_ranker_posterior_matches_the_differential(engine: AssessmentEngine) -> None:
    kb = engine.kb
    reading = engine.read("I'm 67, my back has ached for two months and it's worse at night")
    state = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
    expected = {c.cause.id: c.probability for c in rank_causes(kb, state)}
    got = QuestionRanker.of(kb).posterior(state)
    assert got.keys() == expected.keys()
    assert all(math.isclose(got[c], expected[c], abs_tol=1e-9) for c in got)


def test_the_reference_rate_is_solved_from_an_lr_pair(engine: AssessmentEngine) -> None:
    # herniated_disc gives leg_pain_radiating LR+ 6 and LR- 0.3: a = 0.7 / 5.7 is one of the pairs
    rate = reference_rate(engine.kb, "leg_pain_radiating")
    assert 0.05 < rate < 0.5
    assert reference_rate(engine.kb, "chest_pain") == pytest.approx(0.05)


def test_numbers_are_tried_once_in_each_band() -> None:
    assert sample_values([20, 45, 50, 65]) == [7.5, 32.5, 47.5, 57.5, 72.5]
    assert sample_values([38]) == [19.0, 47.5]
    assert sample_values([]) == []
