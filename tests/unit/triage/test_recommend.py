"""Specialists and tests: routing follows levels.yaml; self-care lists no test."""

from __future__ import annotations

import pytest

from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.triage.differential import rank_causes
from lumbar.triage.recommend import choose_specialists, choose_tests
from lumbar.triage.rules import FindingState, TriageResult, triage

CES = FindingState(frozenset({"saddle_numbness", "urinary_retention"}), frozenset())


@pytest.mark.parametrize("level", list(Level))
def test_the_first_specialist_is_the_routing_of_the_level_in_levels_yaml(level: Level) -> None:
    kb = load_knowledge()
    routing = kb.levels[level].routing
    picks = choose_specialists(kb, TriageResult(level, [], []), [])
    assert picks[0].id == routing.specialist and picks[0].why == routing.why


def test_self_care_lists_no_test_even_when_a_likely_cause_has_tests() -> None:
    kb = load_knowledge()
    state = FindingState(frozenset({"lifting_injury"}), frozenset())
    top = rank_causes(kb, state)[:3]
    assert any(s.cause.tests for s in top)
    assert choose_tests(kb, TriageResult(Level.SELF_CARE, [], []), top) == []
    assert not kb.levels[Level.SELF_CARE].tests.listed
    assert "nice_ng59" in kb.levels[Level.SELF_CARE].source_ids


def test_a_suspected_cause_of_a_fired_rule_brings_its_tests_and_specialists() -> None:
    kb = load_knowledge()
    result = triage(kb, CES)
    tests = [t.id for t in choose_tests(kb, result, [])]
    assert set(kb.causes["cauda_equina_syndrome"].tests) & set(tests)
    specialists = [s.id for s in choose_specialists(kb, result, [])]
    assert specialists[0] == "emergency_department"
    assert set(kb.causes["cauda_equina_syndrome"].specialists) & set(specialists)
