"""Text pasted from phones and chat apps reads the same as typed text (issue 10 item 0, issue 11)."""

from __future__ import annotations

import pytest

from lumbar.assessor import assess
from lumbar.intake.normalise import normalise
from lumbar.knowledge.schema import Level

PLAIN = "I can't control my bladder and my back hurts"


@pytest.mark.parametrize(
    "hidden",
    [
        "I can\u200bt control my bladder and my back hurts",  # zero-width space
        "I can\u2019t control my bl\u00adadder and my back hurts",  # curly apostrophe, soft hyphen
        "I can't con\u200dtrol my bladder and my back hurts",  # zero-width joiner
        "\ufeffI can't control my bladder and my back\u00a0hurts",  # byte-order mark, no-break space
        "I can't control my ｂｌａｄｄｅｒ and my back hurts",  # full-width letters
    ],
)
def test_invisible_and_compatibility_characters_do_not_hide_a_red_flag(hidden: str) -> None:
    assert "\u200b" not in normalise(hidden) and "\u00ad" not in normalise(hidden)
    assert assess(hidden).level is assess(PLAIN).level
    assert assess(hidden).level.rank >= Level.EMERGENCY.rank


def test_normalising_keeps_the_words_and_line_breaks() -> None:
    assert normalise("Numb \u2013 down there\r\nsince 38º") == "Numb - down there\nsince 38°"


def test_a_soft_hyphen_inside_groin_is_read() -> None:
    assert "saddle_numbness" in assess("numb gro\u00adin and back pain").present
