"""The arithmetic behind question ranking: entropy, sample values, reference rates."""

from __future__ import annotations

import math

import pytest

from lumbar.knowledge.loader import load_knowledge
from lumbar.triage.question_terms import DEFAULT_RATE, entropy, reference_rate, sample_values


def test_entropy_is_one_bit_for_a_fair_coin_and_zero_for_a_certainty() -> None:
    assert entropy([0.5, 0.5]) == pytest.approx(1.0)
    assert entropy([1.0, 0.0]) == 0.0


def test_sample_values_give_one_value_inside_each_band() -> None:
    values = sample_values([10.0, 20.0])
    assert len(values) == 3
    assert values[0] < 10.0 < values[1] < 20.0 < values[2]
    assert sample_values([]) == []


def test_reference_rate_is_a_rate_and_the_default_for_an_unknown_finding() -> None:
    kb = load_knowledge()
    assert reference_rate(kb, "no_such_finding") == DEFAULT_RATE
    rate = reference_rate(kb, "lifting_injury")
    assert 0 < rate < 1 and not math.isclose(rate, DEFAULT_RATE)
