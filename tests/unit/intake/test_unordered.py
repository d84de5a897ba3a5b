"""The second, recall-oriented reader (intake/unordered.py): a warning-sign phrase out of order is read
as possible; it never makes anything absent and never overrides the lexicon."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from lumbar.assessor import default_engine
from lumbar.intake.lexicon import Match
from lumbar.intake.normalise import normalise
from lumbar.intake.reader import Reading
from lumbar.intake.speller import is_english
from lumbar.intake.tokens import Token
from lumbar.intake.unordered import FUZZY_MIN_LEN, MAX_SPREAD, UnorderedDetector, _clauses

CASES = Path(__file__).resolve().parents[2] / "cases" / "intake.jsonl"


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


def _plain_find(detector: UnorderedDetector, tokens: list[Token], stems: list[str]) -> list[Match]:
    """The detector's matches the plain way: every clause, every token's readings, the slips included."""
    found: list[Match] = []
    for lo, hi in _clauses(tokens):
        where: dict[str, list[int]] = defaultdict(list)
        for i in range(lo, hi):
            fuzzy = (
                stems[i] not in detector.by_stem
                and len(stems[i]) >= FUZZY_MIN_LEN
                and stems[i].isalpha()
                and not is_english(tokens[i].text)
            )
            for word in (stems[i], *(detector._slips(stems[i]) if fuzzy else ())):
                where[word].append(i)
        tried: set[tuple[str, frozenset[str]]] = set()
        for word in list(where):
            for pattern, content in detector.by_stem.get(word, ()):
                if (pattern.finding, content) in tried or not content <= where.keys():
                    continue
                tried.add((pattern.finding, content))
                used = frozenset(where[s][0] for s in content)
                if max(used) - min(used) < MAX_SPREAD:
                    found.append(Match(pattern, min(used), max(used), used))
    return found


def test_it_finds_what_reading_every_word_of_every_clause_finds() -> None:
    """Only the words of its phrases (and their slips) are looked at, clauses of one such word are
    skipped: on the labelled texts and their slips, the same matches in the same order."""
    reader = default_engine().reader
    texts = [json.loads(line)["text"] for line in CASES.read_text(encoding="utf-8").splitlines() if line]
    # a letter dropped from each long word, so that the slips are read too
    texts += [re.sub(r"\b(\w{4})\w(\w+)", r"\1\2", text) for text in texts]
    matched = 0
    for text in texts:
        tokens = reader.lexicon.tokens(normalise(text))
        stems = reader.lexicon.stems(tokens)
        plain = _plain_find(reader.unordered, tokens, stems)
        assert reader.unordered.find(tokens, stems) == plain, text
        matched += len(plain)
    assert matched > 50
