"""Scoring against the sources' rules and worked examples: totals, subscales, bands, missing and bad answers.

STarT Back (Keele 'Using & scoring', Hill 2008): items 1-8 Agree = 1, item 9 only 'Very much' or
'Extremely' = 1; total 0-9; distress subscale items 5-9; low total <= 3, medium total >= 4 and
subscale <= 3, high subscale >= 4. Roland-Morris (Roland & Morris 1983; Roland & Fairbank 2000):
score = number of sentences ticked, 0-24, blanks not ticked. Pain: one number 0-10.
"""

from __future__ import annotations

import pytest
from questionnaire_helpers import start_back_answers

from lumbar.errors import QuestionnaireError
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.questionnaires import score


def test_start_back_all_disagree_and_not_bothered_is_zero_and_low(start_back: Questionnaire) -> None:
    # WikiMSK's calculator with nothing ticked: "Low Risk, Score: 0, Subscore: 0"
    result = score(start_back, start_back_answers(set()))
    assert (result.total, result.subscales[0].score, result.band) == (0, 0, "low")


@pytest.mark.parametrize(
    ("bothersome", "points"),
    [("not_at_all", 0), ("slightly", 0), ("moderately", 0), ("very_much", 1), ("extremely", 1)],
)
def test_start_back_item_9_scores_only_very_much_and_extremely(
    start_back: Questionnaire, bothersome: str, points: int
) -> None:
    result = score(start_back, start_back_answers(set(), bothersome))
    assert result.total == points
    assert result.subscales[0].score == points


def test_start_back_total_3_is_low_and_4_is_medium(start_back: Questionnaire) -> None:
    three = score(start_back, start_back_answers({1, 2, 3}))
    four = score(start_back, start_back_answers({1, 2, 3, 4}))
    assert (three.total, three.band) == (3, "low")
    assert (four.total, four.band) == (4, "medium")


def test_start_back_subscale_3_is_medium_and_4_is_high(start_back: Questionnaire) -> None:
    three = score(start_back, start_back_answers({1, 5, 6, 7}))  # total 4, subscale 3
    four = score(start_back, start_back_answers({5, 6, 7}, "extremely"))  # total 4, subscale 4
    assert (three.total, three.subscales[0].score, three.band) == (4, 3, "medium")
    assert (four.total, four.subscales[0].score, four.band) == (4, 4, "high")


def test_start_back_high_subscale_with_low_physical_items_is_still_high(start_back: Questionnaire) -> None:
    result = score(start_back, start_back_answers({5, 6, 7, 8}, "very_much"))
    assert (result.total, result.subscales[0].score, result.band) == (5, 5, "high")


def test_start_back_answers_can_be_given_in_the_forms_words(start_back: Questionnaire) -> None:
    answers = {key: "Agree" for key in start_back_answers(set())} | {"bothersome": "Very much"}
    assert score(start_back, answers).total == 9


def test_start_back_refuses_to_score_with_missing_items_and_names_them(start_back: Questionnaire) -> None:
    answers = start_back_answers({1, 2, 3, 4})
    del answers["worrying_thoughts"], answers["bothersome"]
    with pytest.raises(QuestionnaireError, match=r"answer question\(s\) 6, 9"):
        score(start_back, answers)


def test_start_back_bad_answers_and_unknown_items_are_all_named(start_back: Questionnaire) -> None:
    answers = start_back_answers(set()) | {"bothersome": "a bit", "leg_pain": "yes", "nonsense": "agree"}
    with pytest.raises(QuestionnaireError) as caught:
        score(start_back, answers)
    message = str(caught.value)
    assert "Question 1: 'yes'" in message
    assert "Question 9: 'a bit'" in message
    assert "'nonsense'" in message


def test_start_back_a_tick_is_not_a_choice(start_back: Questionnaire) -> None:
    with pytest.raises(QuestionnaireError, match="Question 1"):
        score(start_back, {**start_back_answers(set()), "leg_pain": True})


def test_rmdq_score_is_the_number_ticked_from_0_to_24(rmdq: Questionnaire) -> None:
    none = score(rmdq, {item.id: False for item in rmdq.items})
    every = score(rmdq, {item.id: True for item in rmdq.items})
    assert (none.total, every.total) == (0, 24)
    assert (every.lowest, every.highest) == (0, 24)


def test_rmdq_blank_sentences_count_as_not_ticked_and_are_reported(rmdq: Questionnaire) -> None:
    result = score(rmdq, {"stay_home": "ticked", "sleep_less": True, "irritable": "not_ticked"})
    assert result.total == 2
    assert result.blank == [n for n in range(1, 25) if n not in {1, 18, 22}]
    assert result.notes


def test_rmdq_has_no_bands(rmdq: Questionnaire) -> None:
    # no official severity bands (Roland & Fairbank 2000)
    assert score(rmdq, {}).band is None


def test_rmdq_rejects_a_tick_it_cannot_read(rmdq: Questionnaire) -> None:
    with pytest.raises(QuestionnaireError, match="Question 1: 'maybe' is not a tick"):
        score(rmdq, {"stay_home": "maybe"})


@pytest.mark.parametrize(
    ("value", "band"),
    [(0, "none"), (1, "mild"), (3, "mild"), (4, "moderate"), (6, "moderate"), (7, "severe"), (10, "severe")],
)
def test_pain_score_bands(pain: Questionnaire, value: int, band: str) -> None:
    result = score(pain, {"pain_now": value})
    assert (result.total, result.band) == (value, band)


@pytest.mark.parametrize("bad", [-1, 11, "7.5", "seven", True])
def test_pain_score_outside_0_to_10_is_refused(pain: Questionnaire, bad: object) -> None:
    with pytest.raises(QuestionnaireError, match="whole number from 0 to 10"):
        score(pain, {"pain_now": bad})  # type: ignore[dict-item]


def test_pain_score_missing_is_refused(pain: Questionnaire) -> None:
    with pytest.raises(QuestionnaireError, match="question\\(s\\) 1"):
        score(pain, {"pain_now": " "})
