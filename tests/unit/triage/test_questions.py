"""Question ranking: the danger screen first, answered and excluded findings never again."""

from __future__ import annotations

from lumbar.knowledge.loader import load_knowledge
from lumbar.triage.differential import rank_causes
from lumbar.triage.questions import askable, danger_leads, danger_screen, rank_questions
from lumbar.triage.rules import FindingState, triage


def _ranked(state: FindingState, exclude: frozenset[str] = frozenset()) -> list[str]:
    kb = load_knowledge()
    return [
        c.finding.id for c in rank_questions(kb, state, triage(kb, state), rank_causes(kb, state), exclude)
    ]


def test_with_nothing_known_the_danger_screen_is_asked_first() -> None:
    kb = load_knowledge()
    state = FindingState(frozenset(), frozenset())
    candidates = rank_questions(kb, state, triage(kb, state), rank_causes(kb, state))
    assert candidates[0].finding.id in danger_screen(kb)
    assert danger_leads(kb, candidates)


def test_an_answered_or_excluded_finding_is_not_asked_again() -> None:
    first = _ranked(FindingState(frozenset(), frozenset()))[0]
    assert first not in _ranked(FindingState(frozenset(), frozenset({first})))
    assert first not in _ranked(FindingState(frozenset(), frozenset()), exclude=frozenset({first}))


def test_a_gated_question_waits_for_its_gate() -> None:
    kb = load_knowledge()
    gated = next(f for f in kb.findings.values() if f.question is not None and f.ask_when)
    assert not askable(gated, FindingState(frozenset(), frozenset()))
    assert askable(gated, FindingState(frozenset({gated.ask_when[0]}), frozenset()))
