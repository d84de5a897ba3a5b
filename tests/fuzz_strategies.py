"""Hypothesis strategies for fuzzing the engines, and the one settings profile the fuzz tests share.

Texts come in six kinds: honest descriptions from tests/cases with noise put in, the adversarial
families of :mod:`adversarial_texts` (drawn by family, seed and length, so a failure shrinks to a
short text and names its seed), arbitrary Unicode (control and format characters included), the
lexicon's phrases mixed with noise, numbers of every kind, and huge repetitions. The settings are derandomized with a fixed example budget and no example
database, so that every run tries the same inputs: offline, deterministic, no files left behind.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from adversarial_texts import CONTROL_CHARS, FAMILIES, FILLER, FORMAT_CHARS, TRICKY_CHARS, build, words
from lumbar.intake.validate import MAX_CHARS

#: the settings of every fuzz test: ``max_examples`` fixed per test, the same examples every run.
FUZZ = settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CASES = Path(__file__).resolve().parent / "cases"
#: what may follow a number: units, and the words that give a number its meaning.
UNITS = ("", " ", "°", "°C", " F", " c", " years old", " yo", "/10", " out of 10", " weeks pregnant",
         " days ago", " weeks", " months", " hrs", "kg", "%", "am")  # fmt: skip


def family_texts(max_length: int = MAX_CHARS + 2_000) -> SearchStrategy[str]:
    """A text of an adversarial family: mostly short, some up to and over the length limit."""
    lengths = st.one_of(st.integers(0, 600), st.integers(600, max_length))
    return st.builds(build, st.sampled_from(sorted(FAMILIES)), st.integers(0, 2**32 - 1), lengths)


def long_texts() -> SearchStrategy[str]:
    """A text of an adversarial family between 5,000 characters and just past the limit."""
    lengths = st.integers(5_000, MAX_CHARS + 500)
    return st.builds(build, st.sampled_from(sorted(FAMILIES)), st.integers(0, 2**32 - 1), lengths)


def unicode_texts(max_size: int = 200) -> SearchStrategy[str]:
    """Any Unicode text but surrogates: controls, format characters, every script, emoji."""
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=max_size)


def number_texts() -> SearchStrategy[str]:
    """Numbers of every kind, with a unit or a word after them."""
    number = st.one_of(
        st.integers().map(str),
        st.floats().map(repr),
        st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:f}"),
        st.sampled_from(["½", "²", "٣٥", "४२", "𝟑𝟖", "３８.５", "1e400", "1,000", "0.0.1", "-5", "007"]),
    )
    return st.builds(lambda n, unit: n + unit, number, st.sampled_from(UNITS))


def mixed_texts(max_pieces: int = 40) -> SearchStrategy[str]:
    """The lexicon's phrases and common words among numbers, odd characters and bits of any text."""
    piece = st.one_of(
        st.sampled_from(words().phrases),
        st.sampled_from(words().triggers),
        st.sampled_from(FILLER),
        st.sampled_from(FORMAT_CHARS + TRICKY_CHARS + CONTROL_CHARS),
        number_texts(),
        unicode_texts(max_size=6),
    )
    separator = st.sampled_from([" ", "", ", ", ". ", "\n", "\u200b", "\u00a0", " and ", " but ", "!", "?"])
    pairs = st.lists(st.tuples(piece, separator), max_size=max_pieces)
    return pairs.map(lambda ps: "".join(p + s for p, s in ps))


def repetitions() -> SearchStrategy[str]:
    """One piece repeated up to far past the length limit."""
    piece = st.one_of(st.sampled_from(words().phrases).map(lambda p: p + " "), unicode_texts(max_size=4))
    return st.builds(lambda p, times: p * times, piece.filter(bool), st.integers(1, 30_000))


@cache
def _case_field(name: str, field: str) -> tuple[str, ...]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line)[field] for line in lines if line.strip())


def case_texts() -> SearchStrategy[str]:
    """An honest description from the labelled intake cases, as is or with noise put in."""
    return noisy(st.sampled_from(_case_field("intake.jsonl", "text")))


def case_questions() -> SearchStrategy[str]:
    """A labelled question of `lumbar ask`, as is or with noise put in."""
    return noisy(st.sampled_from(_case_field("questions.jsonl", "question")))


def noisy(texts: SearchStrategy[str]) -> SearchStrategy[str]:
    """``texts`` with a few phrases, numbers or odd characters put in anywhere (often none)."""
    piece = st.one_of(
        st.sampled_from(FORMAT_CHARS + TRICKY_CHARS + CONTROL_CHARS),
        st.sampled_from(words().phrases).map(lambda p: f" {p} "),
        number_texts().map(lambda n: f" {n} "),
        unicode_texts(max_size=3),
    )
    places = st.lists(st.tuples(st.integers(0, 2_000), piece), max_size=6)

    def put_in(text: str, inserts: list[tuple[int, str]]) -> str:
        for at, bit in sorted(inserts, reverse=True):
            k = at % (len(text) + 1)
            text = text[:k] + bit + text[k:]
        return text

    return st.builds(put_in, texts, places)


def any_text() -> SearchStrategy[str]:
    """Any of the kinds of text above."""
    return st.one_of(
        case_texts(),
        family_texts(),
        long_texts(),
        mixed_texts(),
        unicode_texts(),
        number_texts(),
        repetitions(),
    )


def short_text() -> SearchStrategy[str]:
    """A text of any kind under 1,500 characters (interviews read the text at every step), an honest
    description in half the cases."""
    return st.one_of(
        case_texts(),
        case_texts(),
        family_texts(max_length=1_500),
        mixed_texts(),
        unicode_texts(),
        number_texts(),
    )
