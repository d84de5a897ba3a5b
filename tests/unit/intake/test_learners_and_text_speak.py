"""The reader follows learners' grammar, text-speak and relatives' wording (issue 10 item 3).

The written forms live in knowledge/data/shorthand.yaml and word_classes.yaml; these cases show the
general causes, each in words the lexicon does not list.
"""

from __future__ import annotations

import pytest

from lumbar.assessor import assess
from lumbar.intake.quantities import read_age, read_duration, read_pregnancy_weeks


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("cnt feel my legs properly 2day n my bk is agony", "back_pain"),
        ("he have pain in his back and he fall down in the kitchen", "minor_fall"),
        ("my lips r swollen after the tablet", "face_throat_swelling"),
        ("bottom of my foot is numb", "leg_numbness_tingling"),
    ],
)
def test_text_speak_and_learners_grammar_are_read(text: str, finding: str) -> None:
    assert finding in assess(text).present


def test_the_bottom_of_a_foot_is_not_the_saddle_area() -> None:
    assert (
        "saddle_numbness"
        not in assess("pain shoot to right leg to heel and the bottom of foot is numb").present
    )


def test_dark_yellow_urine_is_not_cola_coloured() -> None:
    assert "dark_urine" not in assess("ran a marathon, back cramps, urine is dark yellow").present


@pytest.mark.parametrize(
    ("text", "age", "duration"),
    [
        ("I am 52 years and my back hurts", 52, None),
        ("Now 10 days pain shoot to right leg. 47 years.", 47, 10),
        ("My son is 19 months. For about a week he won't walk", 1.58, 7),
        ("pain since 5 days, im 30", 30, 5),
        ("Pain is 5 from 10 since 2 weeks", None, 14),
        ("I have 45 years and back pain since 3 days", 45, 3),
        ("woman 52 years, pain in back", 52, None),
        ("Male, sixty-eight, back pain", 68, None),
        ("I am fourty five and my back hurts", 45, None),
        ("I have 3 years of back pain", None, 1095),
    ],
)
def test_an_age_is_never_read_as_a_duration(text: str, age: float | None, duration: float | None) -> None:
    read = read_age(text)
    assert (read.value if read else None) == age
    span = read_duration(text)
    assert (span.value if span else None) == duration


def test_weeks_of_pregnancy_from_a_partner_writing() -> None:
    weeks = read_pregnancy_weeks("My girlfriend is 31 weeks with our first, her belly goes tight")
    assert weeks is not None and weeks.value == 31


def test_a_third_persons_illness_is_not_the_patients() -> None:
    text = "Asking for my husband, 44, pulled his back at football. My mum died of bone cancer."
    assert "cancer_history" not in assess(text).present


def test_the_patients_own_illness_is_kept_when_a_relative_writes() -> None:
    assert "cancer_history" in assess("My dad is 70 and has lung cancer, back pain at night").present


def test_plural_legs_mean_both_legs() -> None:
    assessment = assess("my legs have gone numb and my back hurts")
    assert "bilateral_leg_symptoms" in assessment.present
    assert "bilateral_leg_symptoms" not in assess("my right leg has gone numb and my back hurts").present


def test_he_or_she_is_someone_else_when_the_writer_has_symptoms_of_their_own() -> None:
    text = "My dad had cauda equina and he still can't feel his bladder. My back is sore after digging."
    assert "bladder_dysfunction" not in assess(text).present


def test_a_child_described_as_she_is_the_patient() -> None:
    assessment = assess("my little girl is 3, she won't walk and holds her back")
    assert {"refuses_to_walk", "back_pain"} <= assessment.present


def test_a_verbs_negation_ends_with_its_clause() -> None:
    text = "33 wks pregnant, pain that doesnt let up at all, bump feels rock hard"
    assert "hard_tender_womb" in assess(text).present
