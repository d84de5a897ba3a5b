"""Naive-Bayes ranking of causes: gates, likelihood ratios, normalisation."""

from __future__ import annotations

import math
import random
from collections.abc import Collection

import pytest

from lumbar import assess
from lumbar.knowledge.loader import load_knowledge
from lumbar.triage.differential import (
    MIN_EXPLAINING,
    SUSPECT_LOG_LR,
    log_posterior,
    possible,
    rank_causes,
    triage_and_rank,
)
from lumbar.triage.rules import FindingState, suspected_causes, triage


def _state(present: Collection[str] = (), absent: Collection[str] = ()) -> FindingState:
    return FindingState(frozenset(present), frozenset(absent))


def test_probabilities_sum_to_one_most_likely_first() -> None:
    ranked = rank_causes(load_knowledge(), _state({"lifting_injury"}))
    assert math.isclose(sum(s.probability for s in ranked), 1.0)
    assert [s.probability for s in ranked] == sorted((s.probability for s in ranked), reverse=True)


def test_a_cause_needing_pregnancy_is_left_out_unless_pregnancy_is_present() -> None:
    kb = load_knowledge()
    cause = kb.causes["pregnancy_back_pain"]
    assert not possible(cause, _state())
    assert possible(cause, _state({"pregnant"}))
    assert "pregnancy_back_pain" not in [s.cause.id for s in rank_causes(kb, _state())]


def test_a_present_finding_adds_the_log_of_its_likelihood_ratio() -> None:
    cause = load_knowledge().causes["muscle_strain"]
    base, _ = log_posterior(cause, _state())
    lr = next(e.lr_present for e in cause.evidence if e.finding == "lifting_injury")
    raised, parts = log_posterior(cause, _state({"lifting_injury"}))
    assert raised - base == pytest.approx(math.log(lr))
    assert (pytest.approx(math.log(lr)), "lifting_injury") in parts


def test_lifting_raises_muscle_strain_and_is_named_as_a_point_for_it() -> None:
    kb = load_knowledge()
    before = {s.cause.id: s.probability for s in rank_causes(kb, _state())}
    after = {s.cause.id: s for s in rank_causes(kb, _state({"lifting_injury"}))}
    assert after["muscle_strain"].probability > before["muscle_strain"]
    assert "lifting_injury" in after["muscle_strain"].for_


@pytest.mark.parametrize(
    "state",
    [
        _state(),
        _state({"lifting_injury", "leg_pain_radiating"}, {"fever"}),
        _state({"pregnant", "back_pain"}, {"lifting_injury", "leg_pain_radiating"}),
    ],
)
def test_each_cause_is_scored_from_the_known_findings_as_from_its_whole_evidence_list(
    state: FindingState,
) -> None:
    kb = load_knowledge()
    for score in rank_causes(kb, state):
        total, _ = log_posterior(score.cause, state)
        assert score.log_odds == total  # to the last bit: the same terms added in the same order


def test_a_suspected_cause_has_its_odds_raised_by_the_rules_ratio() -> None:
    kb = load_knowledge()
    state = _state({"chills_rigors", "diabetes", "recent_infection"})
    plain = {s.cause.id: s for s in rank_causes(kb, state)}
    raised = {s.cause.id: s for s in rank_causes(kb, state, {"spinal_infection"})}
    gain = raised["spinal_infection"].log_odds - plain["spinal_infection"].log_odds
    assert math.isclose(gain, SUSPECT_LOG_LR)
    assert raised["spinal_infection"].probability > plain["spinal_infection"].probability
    assert raised["muscle_strain"].log_odds == plain["muscle_strain"].log_odds


def test_a_rule_that_fired_brings_its_suspect_into_the_first_three() -> None:
    """Fever and shivering after an infection, in someone with diabetes: the spinal-infection rule fires,
    and its cause is among the first three, though each finding alone leaves it far down."""
    result = assess(
        "Diabetic, had a tooth abscess last month, now shivering with a temperature and bad low back pain."
    )
    assert "rule_spinal_infection" in {r.rule for r in result.level_reasons}
    assert "spinal_infection" in [c.id for c in result.causes[:3]]


def test_triage_and_rank_raises_the_causes_the_fired_rules_suspect() -> None:
    kb = load_knowledge()
    state = FindingState(frozenset({"back_pain", "fever", "iv_drug_use"}), frozenset())
    result, causes = triage_and_rank(kb, state)
    assert result == triage(kb, state) and suspected_causes(result)
    assert causes == rank_causes(kb, state, suspected_causes(result))
    assert causes != rank_causes(kb, state)


def test_each_causes_points_for_and_against_are_those_of_its_whole_evidence_list() -> None:
    """The findings named for and against each cause, found from the findings known, are those of its
    evidence list whose LR moves the odds enough, present ones first, strongest first; for states
    of sampled findings present, absent, and both."""
    kb = load_knowledge()
    rng = random.Random(16)
    evidence = sorted({ev.finding for cause in kb.causes.values() for ev in cause.evidence})
    named = 0
    for _ in range(300):
        present = set(rng.sample(evidence, rng.randint(0, 8)))
        absent = set(rng.sample(evidence, rng.randint(0, 8))) | set(
            rng.sample(sorted(present), len(present) // 3)
        )
        state = _state(present, absent)
        for score in rank_causes(kb, state):
            total, parts = log_posterior(score.cause, state)
            assert score.log_odds == total
            for sign, shown in ((1, score.for_), (-1, score.against)):
                chosen = sorted(
                    ((c, f) for c, f in parts if c * sign >= MIN_EXPLAINING),
                    key=lambda cf: (cf[1] not in state.present, -abs(cf[0])),
                )
                assert shown == [f for _, f in chosen], (score.cause.id, sign)
                named += len(shown)
    assert named  # the states name points for and against
