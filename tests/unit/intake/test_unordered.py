"""The second, recall-oriented reader (intake/unordered.py): a warning-sign phrase out of order is read
as possible; it never makes anything absent and never overrides the lexicon."""

from __future__ import annotations

import pytest

from lumbar.assessor import default_engine
from lumbar.intake.reader import Reading


def read(text: str) -> Reading:
    return default_engine().reader.read(text)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("after the toilet I feel like the paper is not there, back pain since monday", "saddle_numbness"),
        ("to pee I need to push hard now, and my back aches", "bladder_dysfunction"),
        ("my lips, they are going bluish and my back hurts", "blue_lips"),
    ],
)
def test_a_sign_out_of_order_is_read_as_possible(text: str, finding: str) -> None:
    found = read(text).findings[finding]
    assert (found.status, found.certainty) == ("present", "possible")


def test_it_never_reads_a_denied_sign() -> None:
    assert (
        "saddle_numbness"
        not in read("no problem when I wipe after the toilet, the paper feels normal").present()
    )


def test_it_never_overrides_the_lexicon() -> None:
    reading = read("I can feel the toilet paper when I wipe, my back hurts")
    assert reading.findings["saddle_numbness"].status == "absent"


def test_it_leaves_events_to_the_lexicon() -> None:
    assert "major_trauma" not in read("I lifted the baby car seat and my lower back went").present()
