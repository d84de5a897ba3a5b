"""Words, stems, sentences and ids."""

from __future__ import annotations

import pytest

from lumbar.ask.stemmer import stem
from lumbar.ask.text import fold, slugify, split_sentences, stems, words


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cramps", "cramp"),
        ("cramping", "cramp"),
        ("running", "run"),
        ("taking", "take"),
        ("medications", "medic"),
        ("stretches", "stretch"),
        ("spasm", "spasm"),
        ("mri", "mri"),
        ("15", "15"),
    ],
)
def test_stem_meets_the_common_forms_of_a_word(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_fold_opens_contractions_and_straightens_quotes() -> None:
    assert fold("I can’t pee and don't know why") == "i cannot pee and do not know why"


def test_words_drop_punctuation_and_keep_numbers() -> None:
    assert words("X-ray for 30–40 minutes, Dr. Cornett's advice") == [
        "x", "ray", "for", "30", "40", "minutes", "dr", "cornetts", "advice",
    ]  # fmt: skip
    assert stems("Heating pads") == ["heat", "pad"]


def test_split_sentences_keeps_abbreviations_inside() -> None:
    text = "Dr. Cornett says rest. Then walk for 30 minutes! Does it help? Yes."
    assert split_sentences(text) == [
        "Dr. Cornett says rest.",
        "Then walk for 30 minutes!",
        "Does it help?",
        "Yes.",
    ]


def test_slugify_makes_an_id() -> None:
    assert slugify("Back Cramps (2012)") == "back_cramps_2012"
    assert slugify("000_c649623189fe4d57") == "000_c649623189fe4d57"
    assert slugify("***") == "document"
