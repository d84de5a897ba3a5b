"""Issue 11: text pasted from phones and chat apps reads exactly as typed text.

Every labelled sentence with a warning sign (tests/cases/intake*.jsonl) and every rule case given as
text (tests/cases/rule_cases.yaml) is read again with each invisible character inside every word, with
odd spaces between the words, and with letters stretched; the findings read must be the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from lumbar.eval.intake import load_cases
from lumbar.eval.mutation import INVISIBLE, ODD_SPACES, hide_in_words
from lumbar.intake.reader import Reading, TextReader
from lumbar.knowledge.loader import KnowledgeBase

CASES = Path(__file__).resolve().parents[2] / "cases"


@pytest.fixture(scope="module")
def texts(kb: KnowledgeBase) -> list[str]:
    """The warning-sign sentences and the rule cases' texts."""
    gold = [
        c.text
        for path in (CASES / "intake.jsonl", CASES / "intake_heldout.jsonl")
        for c in load_cases(path, kb)
        if any(kb.findings[f].warning_sign for f in c.present)
    ]
    rules = [c["text"] for c in yaml.safe_load((CASES / "rule_cases.yaml").read_text("utf-8")) if "text" in c]
    return gold + rules


def findings(reading: Reading) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(reading.present()), frozenset(reading.absent())


def changed_by(reader: TextReader, texts: list[str], change: Callable[[str], str]) -> list[str]:
    """The texts whose findings change when ``change`` is applied to them."""
    return [t for t in texts if findings(reader.read(change(t))) != findings(reader.read(t))]


def test_enough_texts_are_checked(texts: list[str]) -> None:
    assert len(texts) >= 400


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_inside_every_word_changes_no_finding(
    reader: TextReader, texts: list[str], char: str
) -> None:
    changed = changed_by(reader, texts, lambda t: hide_in_words(t, char))
    assert not changed, f"{len(changed)} texts read differently, e.g. {changed[:3]}"


@pytest.mark.parametrize("space", ODD_SPACES, ids=[f"U+{ord(c):04X}" for c in ODD_SPACES])
def test_an_odd_space_between_words_changes_no_finding(
    reader: TextReader, texts: list[str], space: str
) -> None:
    changed = changed_by(reader, texts, lambda t: t.replace(" ", space))
    assert not changed, f"{len(changed)} texts read differently, e.g. {changed[:3]}"


def test_a_stretched_letter_changes_no_warning_sign(reader: TextReader) -> None:
    # "sooo numb", "cannnnot pee", "paaaain": a letter typed many times counts twice, and the speller
    # takes the last extra letter away where the word needs it
    samples = {
        "I cannnnot pee since this morning and my back hurts": "urinary_retention",
        "sooo numbbbb between my legs": "saddle_numbness",
        "my legs are sooo weeeeak": "bilateral_leg_symptoms",
        "feveeeer and shiverrrring with my back pain": "fever",
    }
    for text, sign in samples.items():
        assert sign in reader.read(text).present(), text
