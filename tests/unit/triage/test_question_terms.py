"""The arithmetic behind question ranking: entropy, sample values, reference rates."""

from __future__ import annotations

import math
import random

import pytest

from lumbar.knowledge.loader import load_knowledge
from lumbar.triage.question_terms import DEFAULT_RATE, entropy, fires, reference_rate, sample_values
from lumbar.triage.rules import compiled


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


def test_a_condition_fires_on_the_findings_present_exactly_when_it_evaluates_true() -> None:
    """``fires`` reads only what is present; checked on every rule, at random pictures of its own
    findings and of a few others (each present, absent or unknown)."""
    kb = load_knowledge()
    others = sorted(kb.findings)[:20]
    chooser = random.Random(16)
    seen = {True: 0, False: 0}
    for rule in kb.rules.values():
        check = compiled(rule.when)
        ids = sorted(rule.when.finding_ids()) + others
        for _ in range(60):
            marks = [chooser.choice((True, False, None)) for _ in ids]
            present = frozenset(f for f, m in zip(ids, marks, strict=True) if m is True)
            absent = frozenset(f for f, m in zip(ids, marks, strict=True) if m is False) - present
            expected = check.evaluate(present, absent) is True
            assert fires(check, present) is expected, (rule.id, sorted(present), sorted(absent))
            seen[expected] += 1
        all_named = frozenset(rule.when.finding_ids()) - frozenset(rule.when.none)
        assert fires(check, all_named) is (check.evaluate(all_named, frozenset()) is True), rule.id
    assert seen[True] > 100 and seen[False] > 100
