"""Tokens and the light stemmer: contractions, "cannot", spans, suffixes."""

from __future__ import annotations

import random
import re

import pytest

from lumbar.intake.caseless import _lower_strict
from lumbar.intake.tokens import Shorthand, _merge_cannot, phrase_stems, stem, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't pee", ["i", "cannot", "pee"]),
        ("I can’t pee", ["i", "cannot", "pee"]),
        ("I cant pee", ["i", "cannot", "pee"]),
        ("unable to walk", ["cannot", "walk"]),
        ("I was not able to stand", ["i", "cannot", "stand"]),
        ("couldn't feel it", ["cannot", "feel", "it"]),
        ("I'm fine, don't worry", ["i", "am", "fine", ",", "do", "not", "worry"]),
        ("it isn't", ["it", "is", "not"]),
        ("I've had", ["i", "have", "had"]),
        ("Crohn's disease", ["crohn", "disease"]),
    ],
)
def test_contractions_and_cannot(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_tokens_keep_their_span_in_the_original_text() -> None:
    text = "Back SPASM, can't pee; 38.5 C"
    for token in tokenize(text):
        original = text[token.start : token.end].lower().replace("’", "'")
        assert token.text in original or token.text == "cannot"
    cannot = next(t for t in tokenize(text) if t.text == "cannot")
    assert text[cannot.start : cannot.end] == "can't"


def test_numbers_and_punctuation() -> None:
    tokens = tokenize("Pain 8/10, temp 38.5. Why?")
    assert [t.text for t in tokens] == ["pain", "8", "10", ",", "temp", "38.5", ".", "why", "?"]
    assert [t.is_punct for t in tokens if t.text in {",", ".", "?"}] == [True, True, True]
    assert not tokens[0].is_punct


def test_spelling_fixes_are_applied_to_the_token_text() -> None:
    assert words("bad siatica") == ["bad", "siatica"]
    assert [t.text for t in tokenize("bad siatica", {"siatica": "sciatica"})] == ["bad", "sciatica"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("spasming", "spasm"),
        ("spasms", "spasm"),
        ("legs", "leg"),
        ("stopped", "stop"),
        ("tripped", "trip"),
        ("getting", "get"),
        ("numbness", "numb"),
        ("injuries", "injury"),
        ("boxes", "box"),
        ("walking", "walk"),
        ("lifted", "lift"),
        ("was", "was"),
        ("pee", "pee"),
        ("38", "38"),
        ("bladder", "bladder"),
        ("bleed", "bleed"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stem_keeps_words_apart_that_mean_different_things() -> None:
    # "butt" must not become "but", or every "but" reads as a bottom
    assert stem("butt") == "butt" != stem("but")
    assert stem("butts") == "butt"
    # "spotting" is bleeding; a "sore spot" is not
    assert stem("spotting") != stem("spot")
    assert stem("toes") == stem("toe")


def test_forms_of_go_share_one_stem() -> None:
    assert {stem(w) for w in ("go", "goes", "going", "gone", "went")} == {"go"}


def test_phrase_stems_match_the_stems_of_the_text() -> None:
    assert phrase_stems("Muscles keep spasming!") == tuple(stem(w) for w in ("muscles", "keep", "spasming"))
    assert phrase_stems("can't pee") == ("cannot", "pee")
    assert phrase_stems("...") == ()


def test_a_spaced_dash_is_punctuation_and_a_hyphen_is_not() -> None:
    assert [t.text for t in tokenize("numbness - no")] == ["numbness", "-", "no"]
    assert [t.is_punct for t in tokenize("pain – worse")] == [False, True, False]
    assert "-" not in [t.text for t in tokenize("a well-known x-ray")]


#: what IGNORECASE reads as a-z and a text may hold: capitals, dotted and dotless i, long s, the Kelvin sign
_FOLDING = "aAiIİısSſkKK"
_ODD_FORMS = ("2day", "w/o", "pee'd", "dark yellow", "b4", "&", "+")


def _reference_tokens(text: str, shorthand: Shorthand) -> list[tuple[str, int, int]]:
    """What the tokenizer found with its patterns compiled IGNORECASE, before they matched the lower-cased text."""
    elongated = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)
    runs = [m.start() for m in elongated.finditer(text)]
    found = []
    for m in re.compile(shorthand.pattern.pattern, re.IGNORECASE).finditer(text):
        word = m.group().lower()
        if any(m.start() <= run < m.end() for run in runs) and len(word) > 2:
            word = elongated.sub(r"\1\1", word)
        found.append((word, *m.span()))
    return found


def test_the_letters_ignorecase_reads_as_a_to_z_lower_case_to_them_or_are_read_as_written() -> None:
    """Every character IGNORECASE matches with [a-z] lower-cases to one letter a-z, or makes a strict
    pattern match the text as written ("İ" changes the length, "ı" and "ſ" are named); and no other does."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        lowered_to_letter = len(char.lower()) == 1 and "a" <= char.lower() <= "z"
        read_as_written = _lower_strict(char + " ") is None
        assert bool(letter.fullmatch(char)) == lowered_to_letter or read_as_written, hex(code)


def test_shorthand_reads_each_text_as_ignorecase_did() -> None:
    shorthand = Shorthand({form: "x" for form in _ODD_FORMS})
    rng = random.Random(16)
    pieces = [
        *_FOLDING,
        "aaa",
        "SSS",
        "ſſſ",
        "KKk",
        " ",
        "  ",
        "'",
        "’",
        " - ",
        "-",
        ".",
        "3",
        "4.5",
        *_ODD_FORMS,
    ]
    pieces += [form.upper() for form in _ODD_FORMS]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = _reference_tokens(text, shorthand)
        got = [(t.text, t.start, t.end) for t in tokenize(text, shorthand=shorthand)]
        assert got == [(w, s, e) for w, s, e in _merged(expected, shorthand)], text


def _merged(found: list[tuple[str, int, int]], shorthand: Shorthand) -> list[tuple[str, int, int]]:
    """The reference's words expanded and merged as the tokenizer does after matching."""
    raw = [(part, start, end) for word, start, end in found for part in shorthand.parts(word)]
    return _merge_cannot(raw)
