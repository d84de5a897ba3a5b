"""Hazard H06: a negation never hides a red flag stated elsewhere in the same text.

Each case negates one thing and affirms a cauda equina (or other emergency) sign in the same
sentence or the next; the level must reach the emergency department or an ambulance.
"""

from __future__ import annotations

import pytest

from lumbar import Level, assess

CASES = {
    "saddle-after-no-fever": ("No fever but I can't feel anything when I wipe.", "saddle_numbness"),
    "saddle-after-no-bladder": (
        "No bladder problems, however I feel numb around my bottom since this morning.",
        "saddle_numbness",
    ),
    "retention-after-denies": (
        "Back spasm, denies fever, and I can't pee at all today.",
        "urinary_retention",
    ),
    "incontinence-next-sentence": (
        "No tingling. Today I wet myself without noticing.",
        "urinary_incontinence",
    ),
    "bowel-after-no-numbness": (
        "No numbness in my feet, but I have lost control of my bowels.",
        "bowel_incontinence",
    ),
    "bilateral-after-clause": (
        "I don't have a fever, and my legs are both numb now.",
        "bilateral_leg_symptoms",
    ),
    "hesitancy-after-no-injury": (
        "No injury that I know of. I have had trouble starting to pee since yesterday.",
        "bladder_dysfunction",
    ),
    "weakness-after-no-numbness": (
        "No numbness and my legs are getting weaker every day.",
        "progressive_leg_weakness",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES), ids=sorted(CASES))
def test_negation_does_not_hide_a_later_red_flag(case: str) -> None:
    text, finding = CASES[case]
    result = assess(text)
    present = {f.id for f in result.findings if f.status == "present"}
    assert finding in present, f"{case}: {finding} not read as present from {text!r}"
    assert result.level.rank >= Level.EMERGENCY.rank, f"{case}: level {result.level}"


@pytest.mark.parametrize(
    "text",
    [
        "No numbness between my legs, no trouble peeing, bladder and bowels normal. Pulled my back lifting.",
        "I do not have any numbness around my bottom and I can pee normally. Sore back after gardening.",
    ],
)
def test_negated_red_flags_stay_negated(text: str) -> None:
    result = assess(text)
    assert result.level is Level.SELF_CARE
    assert {"saddle_numbness", "bladder_dysfunction"} & set(result.negated)
