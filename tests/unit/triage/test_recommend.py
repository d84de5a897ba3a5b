"""Specialists and tests: routing follows levels.yaml; self-care lists no test; sources with the places cited."""

from __future__ import annotations

import pytest

from lumbar.assessment import LevelReason, Recommendation, SourceRef
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.triage.differential import rank_causes
from lumbar.triage.recommend import _cited_places, choose_specialists, choose_tests, collect_sources
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


def test_sources_are_given_with_the_places_cited_and_made_once_per_source_and_places() -> None:
    kb = load_knowledge()
    result = triage(kb, CES)
    reasons = [
        LevelReason(text=rule.reason, findings=[], sources=rule.source_ids, rule=rule.id)
        for rule in result.fired
    ]
    unknown = LevelReason(text="x", findings=[], sources=["no_such_source"], rule=None)
    first = collect_sources(kb, [*reasons, unknown], [])
    again = collect_sources(kb, [*reasons, unknown], [])
    assert first == again and all(again[s] is first[s] for s in first)
    assert first["no_such_source"] == SourceRef(title="no_such_source", locator="")
    places = {
        source: [
            locator
            for rule in result.fired
            for cited, locator in _cited_places(kb)[rule.id]
            if cited == source
        ]
        for source in first
    }
    for source_id, ref in first.items():
        if source_id in kb.sources:
            general = kb.sources[source_id].locator
            assert ref.title == kb.sources[source_id].title
            assert ref.locator == ("; ".join(dict.fromkeys(places[source_id])) or general)


def test_a_specialist_or_test_is_made_once_per_reason() -> None:
    kb = load_knowledge()
    result = triage(kb, CES)
    first, again = choose_tests(kb, result, []), choose_tests(kb, result, [])
    assert first and all(a is b for a, b in zip(first, again, strict=True))
    test = kb.tests[first[0].id]
    assert first[0] == Recommendation(
        id=test.id, text=f"{test.name}: {test.text}", sources=test.source_ids, why=first[0].why
    )
