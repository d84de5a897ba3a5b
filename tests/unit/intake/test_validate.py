"""Text that cannot be assessed is refused with a plain message."""

from __future__ import annotations

import pytest

from lumbar.errors import InputError
from lumbar.intake.validate import MAX_CHARS, check_text


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        check_text(text)


def test_too_long() -> None:
    text = "back pain " * (MAX_CHARS // 10 + 1)
    with pytest.raises(InputError, match="20,000"):
        check_text(text)


def test_just_under_the_limit_is_fine() -> None:
    text = ("my back hurts " * 2000)[:MAX_CHARS]
    assert check_text(text) == text


@pytest.mark.parametrize(
    "text", ["back\x00pain", "\x01\x02\x03\x04 binary", bytes(range(40)).decode("latin-1")]
)
def test_binary(text: str) -> None:
    with pytest.raises(InputError, match="binary"):
        check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "У меня болит поясница уже три дня",
        "腰が痛いです。三日前から。",
        "Ich habe seit drei Tagen starke Rückenschmerzen und kann kaum laufen",
        "Tengo dolor lumbar desde hace tres días y calambres muy fuertes",
        "Me duele mucho la espalda desde ayer y no puedo dormir bien",
        "Mon dos me fait très mal depuis hier",
        "Mi fa male la schiena da due giorni",
    ],
)
def test_not_english(text: str) -> None:
    with pytest.raises(InputError, match="lumbar reads English for now"):
        check_text(text)


def test_not_a_string() -> None:
    with pytest.raises(InputError):
        check_text(b"back pain")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "Back spasm after lifting.",
        "45M, LBP 3/7, no red flags",
        "I can't pee!!!",
        "I pulled my back, el dolor is bad",
        "Dolor? No. I have back pain, a café au lait spot and a sore back.",
    ],
)
def test_english_descriptions_pass(text: str) -> None:
    assert check_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "period back ache again lol same as every month, any tips x ok",
        "Sciatica flare, sharp shooting, numb toes, tingly calf, sleepless nights, advice please",
    ],
)
def test_english_with_few_of_the_commonest_words_passes(text: str) -> None:
    assert check_text(text) == text
