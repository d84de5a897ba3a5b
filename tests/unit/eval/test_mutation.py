"""Issue 10, item 5: warning signs survive the way strangers write (typos, no punctuation, learners'
grammar, text-speak, clauses reordered, a negation said another way): recall under every mutation is
at least 0.95 of the recall on the sentences as written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lumbar.eval.mutation import MUTATIONS, mutation_report

CASES = Path(__file__).parents[2] / "cases"
REPORT = mutation_report([CASES / "intake.jsonl", CASES / "intake_heldout.jsonl"])


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_recall_under_mutation_is_at_least_095_of_recall_as_written(name: str) -> None:
    base = REPORT["unmutated"].value
    mutated = REPORT[name]
    assert mutated.value >= 0.95 * base, f"{name}: {mutated.value:.3f} vs {base:.3f}: {mutated.missed[:5]}"


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_each_mutation_changes_text(name: str) -> None:
    text = "I've had a fever for three days, and I don't have any numbness. My back hurts."
    assert MUTATIONS[name](text, random.Random(1)) != text


def test_enough_warning_signs_are_measured() -> None:
    assert REPORT["unmutated"].gold >= 400
    assert REPORT["unmutated"].value >= 0.9
