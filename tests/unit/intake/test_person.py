"""Who the text is about: the writer or someone they describe, and their sex where it says."""

from __future__ import annotations

import pytest

from lumbar.intake.person import Subject, read_subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("My mum is 78 and has back spasms.", Subject("other", "mum", "female")),
        ("My son has back pain and a fever.", Subject("other", "son", "male")),
        ("My 8 year old son has back pain.", Subject("other", "son", "male")),
        ("Our 15-year-old daughter has backache.", Subject("other", "daughter", "female")),
        ("Hello, my dad (80) has back pain.", Subject("other", "dad", "male")),
        ("My partner is 45, he has back spasms.", Subject("other", "partner", "male")),
        ("Asking for my grandad, 88, who has back pain.", Subject("other", "grandad", "male")),
        ("Grandma (77) slipped in the shower.", Subject("other", "grandma", "female")),
        ("My friend's back went into spasm and he can't stand.", Subject("other", "friend", "male")),
        ("He's drowsy and confused with back pain.", Subject("other", None, "male")),
        ("She has lost weight and her back hurts.", Subject("other", None, "female")),
        # someone named by their age alone, their sex from the pronoun that follows
        ("My 13 year old has back pain since football, he says it hurts.", Subject("other", None, "male")),
        ("Our two-year-old keeps crying when I lift her legs.", Subject("other", None, "female")),
    ],
)
def test_someone_else(text: str, subject: Subject) -> None:
    assert read_subject(text) == subject


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("I'm a 40 year old woman with back pain.", "female"),
        ("45 M with back spasms.", "male"),
        ("45M, lower back spasm.", "male"),
        ("52F with back pain.", "female"),
        ("F, 62, back pain.", "female"),
        ("My husband says I have been limping.", None),
        ("My husband thinks I should see a GP about my back.", None),
        ("My sister had a slipped disc and now I have the same pain down my leg.", None),
        ("I have back pain and my son has flu.", None),
        ("Baby hasn't moved much today and my back aches.", None),
        ("I've got a fever of 102 F.", None),
        ("Temp 101 F and back pain.", None),
    ],
)
def test_the_writer(text: str, sex: str | None) -> None:
    subject = read_subject(text)
    assert subject.who == "self"
    assert subject.sex == sex


def test_an_age_before_a_back_problem_is_not_a_person() -> None:
    assert read_subject("My 13 year old back injury flared up again.") == Subject("self", None, None)


def test_a_relation_later_in_the_text_does_not_make_it_about_them() -> None:
    assert read_subject("Back pain for a week. My mum had the same.").who == "self"
