"""Warning-sign rules: deterministic, three-valued (true, false, not yet known) evaluation.

A rule fires when its condition is true on what is known. A rule that is still *possible*
(unknown, not false) names the unanswered findings that could make it fire: the interview asks
those first, most urgent rule first.
"""

from __future__ import annotations

from dataclasses import dataclass

from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Condition, Level, WarningSignRule


@dataclass(frozen=True)
class FindingState:
    """What is known: findings present, findings absent; anything else is unknown."""

    present: frozenset[str]
    absent: frozenset[str]

    def value(self, finding_id: str) -> bool | None:
        if finding_id in self.present:
            return True
        if finding_id in self.absent:
            return False
        return None


def evaluate(cond: Condition, state: FindingState) -> bool | None:
    """True, False, or None (depends on unknown findings), in Kleene's three-valued logic."""
    results: list[bool | None] = []
    for term in cond.all:
        results.append(evaluate(term, state) if isinstance(term, Condition) else state.value(term))
    all_part = _and(results)
    any_part: bool | None = True
    if cond.any:
        values = [evaluate(t, state) if isinstance(t, Condition) else state.value(t) for t in cond.any]
        true = sum(v is True for v in values)
        unknown = sum(v is None for v in values)
        any_part = True if true >= cond.min_any else (None if true + unknown >= cond.min_any else False)
    # an exception blocks a rule only when it is known to be present: missing information never
    # stops a warning-sign rule from firing
    none_part = not any(f in state.present for f in cond.none)
    return _and([all_part, any_part, none_part])


def _and(values: list[bool | None]) -> bool | None:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def unknown_findings(cond: Condition, state: FindingState) -> list[str]:
    """The unknown finding ids the condition mentions (positively), in order of appearance."""
    out: list[str] = []
    for term in [*cond.all, *cond.any]:
        if isinstance(term, Condition):
            out += unknown_findings(term, state)
        elif state.value(term) is None:
            out.append(term)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class TriageResult:
    level: Level
    fired: list[WarningSignRule]
    possible: list[WarningSignRule]  # could still fire and would raise the level


def triage(kb: KnowledgeBase, state: FindingState) -> TriageResult:
    """The level set by the most urgent rule that fires (self-care when none does)."""
    fired = [r for r in kb.rules.values() if evaluate(r.when, state) is True]
    fired.sort(key=lambda r: -r.level.rank)
    level = fired[0].level if fired else Level.SELF_CARE
    possible = [r for r in kb.rules.values() if r.level.rank > level.rank and evaluate(r.when, state) is None]
    possible.sort(key=lambda r: -r.level.rank)
    return TriageResult(level, fired, possible)
