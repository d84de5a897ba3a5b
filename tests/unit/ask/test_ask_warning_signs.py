"""A question that describes a warning sign is noticed; a denied sign is not."""

from __future__ import annotations

import pytest

from lumbar.ask.warning_signs import load_warning_signs, parse_warning_signs
from lumbar.errors import KnowledgeError


@pytest.mark.parametrize(
    ("question", "signs"),
    [
        ("my legs are numb and I can't pee", {"bladder", "both_legs"}),
        ("I can't feel anything when I wipe and I'm leaking urine", {"bladder", "saddle_numbness"}),
        ("I've lost control of my bowels since the spasm", {"bowel"}),
        ("I'm 12 weeks pregnant and bleeding with back cramps", {"pregnancy_bleeding"}),
    ],
)
def test_warning_signs_are_noticed(question: str, signs: set[str]) -> None:
    match = load_warning_signs().detect(question)
    assert match is not None
    assert signs <= set(match.signs)
    assert match.level == "emergency"
    assert "lumbar assess" in match.message


@pytest.mark.parametrize(
    "question",
    [
        "When is back pain an emergency?",
        "What is cauda equina syndrome?",
        "I have no numbness between my legs and I can pee fine",
        "I do not have trouble peeing, but my back hurts",
        "How do I fix a leaking kitchen tap?",
    ],
)
def test_questions_about_signs_or_denying_them_are_not_flagged(question: str) -> None:
    assert load_warning_signs().detect(question) is None


def test_the_most_urgent_level_wins() -> None:
    match = load_warning_signs().detect("I have a fever and I can't pee")
    assert match is not None and match.level == "emergency"
    urgent = load_warning_signs().detect("I have a fever with my back pain")
    assert urgent is not None and urgent.level == "urgent"


def test_a_sign_with_an_unknown_level_is_reported() -> None:
    with pytest.raises(KnowledgeError, match="level 'soon'"):
        parse_warning_signs(
            {"levels": {"emergency": "Go now."}, "signs": [{"id": "x", "level": "soon", "patterns": []}]}
        )
