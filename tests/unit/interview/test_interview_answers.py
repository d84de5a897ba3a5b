"""Answers: typed replies are read and checked, numbers against the range of their unit."""

from __future__ import annotations

import math
import re

import pytest

from lumbar.errors import InputError, InterviewError
from lumbar.interview.answers import check_answer, given_answers, parse_reply
from lumbar.knowledge.loader import KnowledgeBase


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("y", "yes"),
        ("Yes", "yes"),
        (" yeah ", "yes"),
        ("n", "no"),
        ("NO", "no"),
        ("s", "unsure"),
        ("not sure", "unsure"),
        ("don't know", "unsure"),
        ("b", "back"),
        ("back", "back"),
        ("?", "why"),
        ("why", "why"),
    ],
)
def test_words_are_read_for_a_yes_no_question(kb: KnowledgeBase, typed: str, expected: str) -> None:
    assert parse_reply(typed, kb.findings["saddle_numbness"]) == expected


@pytest.mark.parametrize(
    ("finding", "typed", "expected"),
    [
        ("age", "34", 34.0),
        ("age", "34 years", 34.0),
        ("temperature_c", "38.5", 38.5),
        ("temperature_c", "38,5", 38.5),
        ("temperature_c", "101.3", 38.5),  # °F by range
        ("temperature_c", "101 F", 38.3),
        ("pain_score", "7", 7.0),
        ("pain_score", "7/10", 7.0),
        ("pregnancy_weeks", "30", 30.0),
        ("duration_days", "5", 5.0),
        ("duration_days", "3 weeks", 21.0),
        ("duration_days", "2 days", 2.0),
        ("duration_days", "1 month", 30.0),
        ("duration_days", "12 hours", 0.5),
    ],
)
def test_numbers_are_read_with_their_units(
    kb: KnowledgeBase, finding: str, typed: str, expected: float
) -> None:
    assert parse_reply(typed, kb.findings[finding]) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("finding", "typed", "words"),
    [
        ("duration_days", "3 fortnights ago please", "number"),
        ("age", "y", "number"),
        ("saddle_numbness", "5", "y (yes)"),
        ("saddle_numbness", "perhaps later", "y (yes)"),
    ],
)
def test_bad_replies_say_what_to_type(kb: KnowledgeBase, finding: str, typed: str, words: str) -> None:
    with pytest.raises(InterviewError, match=re.escape(words)):
        parse_reply(typed, kb.findings[finding])


@pytest.mark.parametrize(
    ("finding", "typed"),
    [
        ("age", "130"),
        ("age", "999"),
        ("age", "-2 years"),
        ("temperature_c", "60"),
        ("temperature_c", "25"),
        ("temperature_c", "120 F"),
        ("pain_score", "11"),
        ("pain_score", "-1"),
        ("pregnancy_weeks", "0"),
        ("pregnancy_weeks", "50"),
        ("pregnancy_weeks", "-5"),
        ("duration_days", "-1"),
        ("duration_days", "200 years"),
    ],
)
def test_an_impossible_number_gets_the_notice_of_its_finding(
    kb: KnowledgeBase, finding: str, typed: str
) -> None:
    plausible = kb.findings[finding].plausible
    assert plausible is not None
    with pytest.raises(InterviewError) as refused:
        parse_reply(typed, kb.findings[finding])
    assert str(refused.value) == plausible.notice_for(typed)  # the words the assessment shows for a text


def test_check_answer_takes_booleans_and_converts_fahrenheit(kb: KnowledgeBase) -> None:
    assert check_answer(kb.findings["fever"], True) == "yes"
    assert check_answer(kb.findings["fever"], False) == "no"
    assert check_answer(kb.findings["temperature_c"], 101.3) == 38.5
    assert check_answer(kb.findings["age"], "unsure") == "unsure"


@pytest.mark.parametrize(
    ("finding", "answer", "words"),
    [
        ("saddle_numbness", "maybe", "not an answer"),
        ("saddle_numbness", 3.0, "yes/no question"),
        ("age", "yes", "needs a number"),
        ("age", math.nan, "real number"),
        ("age", -2.0, "You wrote “-2”, but an age has to be between 0 and 120 years"),
        ("pain_score", 12, "You wrote “12”, but a pain score goes from 0 to 10"),
        ("age", [34], "must be"),
    ],
)
def test_check_answer_refuses_what_does_not_fit(
    kb: KnowledgeBase, finding: str, answer: object, words: str
) -> None:
    with pytest.raises(InterviewError, match=re.escape(words)):
        check_answer(kb.findings[finding], answer)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1", "one_leg"),
        ("2", "both_legs"),
        ("both", "both_legs"),
        ("Both legs", "both_legs"),
        ("in one leg only", "one_leg"),
        ("one leg", "one_leg"),
        ("both_legs", "both_legs"),
        ("s", "unsure"),
        ("don't know", "unsure"),
        ("b", "back"),
        ("?", "why"),
    ],
)
def test_a_choice_is_read_by_its_number_or_its_words(kb: KnowledgeBase, typed: str, expected: str) -> None:
    assert parse_reply(typed, kb.findings["leg_sides"]) == expected


@pytest.mark.parametrize("typed", ["y", "no", "3", "0", "in", "three legs", "1.5"])
def test_a_reply_that_names_no_single_choice_says_what_to_type(kb: KnowledgeBase, typed: str) -> None:
    with pytest.raises(InterviewError, match="a number from 1 to 2"):
        parse_reply(typed, kb.findings["leg_sides"])


def test_check_answer_takes_a_choice_id_or_not_sure_and_names_the_choices_otherwise(
    kb: KnowledgeBase,
) -> None:
    leg_sides = kb.findings["leg_sides"]
    assert check_answer(leg_sides, "both_legs") == "both_legs"
    assert check_answer(leg_sides, "unsure") == "unsure"
    for wrong in ("yes", True, 2.0, "three_legs", None):
        with pytest.raises(InputError, match=r"'one_leg' \(In one leg only\), 'both_legs' \(In both legs\)"):
            check_answer(leg_sides, wrong)
    with pytest.raises(InterviewError, match="'saddle_numbness'"):
        check_answer(kb.findings["saddle_numbness"], "both_legs")


def test_given_choices_become_the_findings_they_set(kb: KnowledgeBase) -> None:
    assert given_answers(kb, {"leg_sides": "both_legs"}) == {"bilateral_leg_symptoms": True}
    assert given_answers(kb, {"leg_sides": "one_leg", "age": 40}) == {
        "bilateral_leg_symptoms": False,
        "age": 40.0,
    }
    assert given_answers(kb, {"leg_sides": "unsure"}) == {}
    with pytest.raises(InterviewError, match="asked by the question 'leg_sides': send one of 'one_leg'"):
        given_answers(kb, {"bilateral_leg_symptoms": "yes"})
