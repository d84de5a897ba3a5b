"""Comparing two scores: a change below the minimal important change is never called an improvement."""

from __future__ import annotations

import pytest
from questionnaire_helpers import start_back_answers

from lumbar.errors import QuestionnaireError
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.questionnaires import QuestionnaireScore, compare, score


def rmdq_score(rmdq: Questionnaire, ticked: int) -> QuestionnaireScore:
    return score(rmdq, {item.id: item.number <= ticked for item in rmdq.items})


def test_rmdq_drop_of_5_points_is_an_improvement(rmdq: Questionnaire) -> None:
    change = compare(rmdq, rmdq_score(rmdq, 20), rmdq_score(rmdq, 15))  # 5 points, 25 %
    assert (change.points, change.important, change.direction) == (-5, True, "better")


def test_rmdq_drop_of_4_points_and_under_30_percent_is_not_an_improvement(rmdq: Questionnaire) -> None:
    change = compare(rmdq, rmdq_score(rmdq, 20), rmdq_score(rmdq, 16))  # 4 points, 20 %
    assert change.important is False
    assert change.direction == "no_real_change"
    assert "not counted as better or worse" in change.summary[0]


def test_rmdq_30_percent_of_the_first_score_is_a_real_change(rmdq: Questionnaire) -> None:
    change = compare(rmdq, rmdq_score(rmdq, 10), rmdq_score(rmdq, 7))  # 3 points, 30 %
    assert (change.percent, change.important, change.direction) == (-30.0, True, "better")


def test_rmdq_rise_past_the_mic_is_worse(rmdq: Questionnaire) -> None:
    change = compare(rmdq, rmdq_score(rmdq, 6), rmdq_score(rmdq, 12))
    assert change.direction == "worse"


def test_rmdq_recovered_at_2_or_less(rmdq: Questionnaire) -> None:
    assert compare(rmdq, rmdq_score(rmdq, 12), rmdq_score(rmdq, 2)).recovered is True
    assert compare(rmdq, rmdq_score(rmdq, 12), rmdq_score(rmdq, 3)).recovered is False


def test_no_change_is_the_same(pain: Questionnaire) -> None:
    same = score(pain, {"pain_now": 5})
    assert compare(pain, same, same).direction == "same"


def test_pain_drop_of_1_point_from_6_is_not_an_improvement(pain: Questionnaire) -> None:
    change = compare(pain, score(pain, {"pain_now": 6}), score(pain, {"pain_now": 5}))
    assert change.important is False
    assert change.direction == "no_real_change"


def test_pain_drop_of_2_points_is_an_improvement_and_0_is_recovered(pain: Questionnaire) -> None:
    change = compare(pain, score(pain, {"pain_now": 2}), score(pain, {"pain_now": 0}))
    assert (change.direction, change.recovered) == ("better", True)


def test_start_back_is_compared_by_groups_only(start_back: Questionnaire) -> None:
    before = score(start_back, start_back_answers({1, 2, 3, 4, 5}))
    after = score(start_back, start_back_answers({1}))
    change = compare(start_back, before, after)
    assert change.important is None
    assert change.direction == "groups_only"
    assert (change.band_before, change.band_after) == ("medium", "low")
    assert any("medium risk to low risk" in line for line in change.summary)


def test_scores_of_another_form_are_refused(start_back: Questionnaire, pain: Questionnaire) -> None:
    with pytest.raises(QuestionnaireError, match="different forms"):
        compare(start_back, score(pain, {"pain_now": 3}), score(pain, {"pain_now": 3}))
