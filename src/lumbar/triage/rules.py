"""Warning-sign rules: deterministic, three-valued (true, false, not yet known) evaluation.

A rule fires when its condition is true on what is known. A rule that is still *possible*
(unknown, not false) names the unanswered findings that could make it fire: the interview asks
those first, most urgent rule first.
"""

from __future__ import annotations

from typing import ClassVar

from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Condition, Level, WarningSignRule


class FindingState(Frozen):
    """What is known: findings present, findings absent; anything else is unknown."""

    FIELDS: ClassVar[tuple[str, ...]] = ("present", "absent")

    present: frozenset[str]
    absent: frozenset[str]

    def __init__(self, present: frozenset[str], absent: frozenset[str]) -> None:
        vars(self).update(present=present, absent=absent)

    def value(self, finding_id: str) -> bool | None:
        if finding_id in self.present:
            return True
        if finding_id in self.absent:
            return False
        return None


def evaluate(cond: Condition, state: FindingState) -> bool | None:
    """True, False, or None (depends on unknown findings), in Kleene's three-valued logic."""
    return _compiled(cond).evaluate(state.present, state.absent)


class Compiled(Frozen):
    """A condition as sets, so that evaluating it is a few set operations (the ranking evaluates
    rules many thousand times per assessment)."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "all_ids", "all_nested", "any_ids", "any_set", "any_nested", "min_any", "none"
    )  # fmt: skip

    all_ids: frozenset[str]
    all_nested: tuple[Compiled, ...]
    any_ids: tuple[str, ...]  # kept as listed: a finding listed twice counts twice
    any_set: frozenset[str] | None  # the same ids when none is listed twice
    any_nested: tuple[Compiled, ...]
    min_any: int  # 0 when the condition has no ``any``
    none: frozenset[str]

    def __init__(
        self,
        all_ids: frozenset[str],
        all_nested: tuple[Compiled, ...],
        any_ids: tuple[str, ...],
        any_set: frozenset[str] | None,
        any_nested: tuple[Compiled, ...],
        min_any: int,
        none: frozenset[str],
    ) -> None:
        vars(self).update(
            all_ids=all_ids,
            all_nested=all_nested,
            any_ids=any_ids,
            any_set=any_set,
            any_nested=any_nested,
            min_any=min_any,
            none=none,
        )

    @classmethod
    def of(cls, cond: Condition) -> Compiled:
        """``cond`` compiled, as a flat kind (:class:`AllOf`, :class:`AllAndOneOf`, :class:`OneOfEach`) when its
        shape allows."""
        any_ids = tuple(t for t in cond.any if isinstance(t, str))
        any_set = frozenset(any_ids) if len(set(any_ids)) == len(any_ids) else None
        all_nested = tuple(_compiled(t) for t in cond.all if isinstance(t, Condition))
        any_nested = tuple(_compiled(t) for t in cond.any if isinstance(t, Condition))
        min_any = cond.min_any if cond.any else 0
        kind = cls
        if not all_nested and not any_nested:
            if not min_any:
                kind = AllOf
            elif min_any == 1 and any_set is not None:
                kind = AllAndOneOf
        elif not min_any and all(_one_of(term) for term in all_nested):
            kind = OneOfEach
        return kind(
            all_ids=frozenset(t for t in cond.all if isinstance(t, str)),
            all_nested=all_nested,
            any_ids=any_ids,
            any_set=any_set,
            any_nested=any_nested,
            min_any=min_any,
            none=frozenset(cond.none),
        )

    def evaluate(self, present: frozenset[str], absent: frozenset[str]) -> bool | None:
        # an exception blocks a rule only when it is known to be present: missing information never
        # stops a warning-sign rule from firing
        if not self.none.isdisjoint(present):
            return False
        unknown = False
        if not self.all_ids <= present:
            if not (self.all_ids - present).isdisjoint(absent):
                return False
            unknown = True
        for term in self.all_nested:
            value = term.evaluate(present, absent)
            if value is False:
                return False
            unknown = unknown or value is None
        if self.min_any:
            if self.any_set is not None:
                true = len(self.any_set & present)
                open_ = len(self.any_set - present - absent)
            else:
                true = sum(t in present for t in self.any_ids)
                open_ = sum(t not in present and t not in absent for t in self.any_ids)
            for term in self.any_nested:
                value = term.evaluate(present, absent)
                true += value is True
                open_ += value is None
            if true < self.min_any:
                if true + open_ < self.min_any:
                    return False
                unknown = True
        return None if unknown else True


class AllOf(Compiled):
    """A condition of findings that must all be present (no ``any``, no nested condition): the same
    value as :meth:`Compiled.evaluate`, in fewer steps."""

    def evaluate(self, present: frozenset[str], absent: frozenset[str]) -> bool | None:
        if not self.none.isdisjoint(present):
            return False
        if self.all_ids <= present:
            return True
        return False if not (self.all_ids - present).isdisjoint(absent) else None


class AllAndOneOf(Compiled):
    """A condition of findings that must all be present and at least one of others, each listed once
    (no nested condition): the same value as :meth:`Compiled.evaluate`, in fewer steps."""

    any_set: frozenset[str]

    def evaluate(self, present: frozenset[str], absent: frozenset[str]) -> bool | None:
        if not self.none.isdisjoint(present):
            return False
        unknown = False
        if not self.all_ids <= present:
            if not (self.all_ids - present).isdisjoint(absent):
                return False
            unknown = True
        if self.any_set.isdisjoint(present):
            # none of them present: false when all are absent, else open
            return False if self.any_set <= absent else None
        return None if unknown else True


class OneOfEach(Compiled):
    """A condition of findings that must all be present and at least one of each of some groups
    (``all`` of plain ``any`` conditions, no ``any`` of its own): the same value as
    :meth:`Compiled.evaluate`, in fewer steps."""

    all_nested: tuple[AllAndOneOf, ...]

    def evaluate(self, present: frozenset[str], absent: frozenset[str]) -> bool | None:
        if not self.none.isdisjoint(present):
            return False
        unknown = False
        if not self.all_ids <= present:
            if not (self.all_ids - present).isdisjoint(absent):
                return False
            unknown = True
        for group in self.all_nested:
            if group.any_set.isdisjoint(present):
                if group.any_set <= absent:
                    return False
                unknown = True
        return None if unknown else True


def _one_of(term: Compiled) -> bool:
    """A plain "at least one of these findings" (nothing else), each listed once."""
    return type(term) is AllAndOneOf and not term.all_ids and not term.none


#: compiled conditions by identity (a condition is frozen but hashing it walks every term)
_COMPILED: dict[int, tuple[Condition, Compiled]] = {}


def _compiled(cond: Condition) -> Compiled:
    found = _COMPILED.get(id(cond))
    if found is None or found[0] is not cond:
        found = _COMPILED[id(cond)] = (cond, Compiled.of(cond))
    return found[1]


def compiled(cond: Condition) -> Compiled:
    """``cond`` as sets: ``compiled(cond).evaluate(present, absent)`` is ``evaluate(cond, state)``."""
    return _compiled(cond)


@per_knowledge_base
def compiled_rules(kb: KnowledgeBase) -> list[tuple[WarningSignRule, Compiled]]:
    """Every rule of ``kb`` with its compiled condition, in the file's order."""
    return [(rule, _compiled(rule.when)) for rule in kb.rules.values()]


class _RuleTable(Frozen):
    """The rules most urgent first (in the file's order within a level), the rules by the findings
    they name, and each rule's value while none of them is known."""

    FIELDS: ClassVar[tuple[str, ...]] = ("rules", "checks", "by_finding", "unknown", "fire_unknown", "above")

    rules: tuple[WarningSignRule, ...]
    checks: tuple[Compiled, ...]  # each rule's condition, compiled
    by_finding: dict[str, tuple[int, ...]]  # finding -> the places (in ``rules``) of the rules naming it
    unknown: tuple[bool | None, ...]  # each rule's value on a state that knows none of its findings
    fire_unknown: frozenset[int]  # the places of the rules true on that state (none in rules.yaml)
    above: dict[Level, int]  # level -> how many rules, the first ones, are more urgent

    def __init__(
        self,
        rules: tuple[WarningSignRule, ...],
        checks: tuple[Compiled, ...],
        by_finding: dict[str, tuple[int, ...]],
        unknown: tuple[bool | None, ...],
        fire_unknown: frozenset[int],
        above: dict[Level, int],
    ) -> None:
        vars(self).update(
            rules=rules,
            checks=checks,
            by_finding=by_finding,
            unknown=unknown,
            fire_unknown=fire_unknown,
            above=above,
        )


@per_knowledge_base
def _rule_table(kb: KnowledgeBase) -> _RuleTable:
    ranked = sorted(compiled_rules(kb), key=lambda rule_check: -rule_check[0].level.rank)
    by_finding: dict[str, list[int]] = {}
    for place, (rule, _) in enumerate(ranked):
        for finding_id in sorted(rule.when.finding_ids()):
            by_finding.setdefault(finding_id, []).append(place)
    nothing: frozenset[str] = frozenset()
    unknown = tuple(check.evaluate(nothing, nothing) for _, check in ranked)
    return _RuleTable(
        rules=tuple(rule for rule, _ in ranked),
        checks=tuple(check for _, check in ranked),
        by_finding={f: tuple(places) for f, places in by_finding.items()},
        unknown=unknown,
        fire_unknown=frozenset(place for place, value in enumerate(unknown) if value is True),
        above={level: sum(rule.level.rank > level.rank for rule, _ in ranked) for level in Level},
    )


def unknown_findings(cond: Condition, state: FindingState) -> list[str]:
    """The unknown finding ids the condition mentions (positively), in order of appearance."""
    out: list[str] = []
    for term in [*cond.all, *cond.any]:
        if isinstance(term, Condition):
            out += unknown_findings(term, state)
        elif state.value(term) is None:
            out.append(term)
    return list(dict.fromkeys(out))


class TriageResult(Frozen):
    """The level the rules set, the rules that fired, and those that could still raise it."""

    FIELDS: ClassVar[tuple[str, ...]] = ("level", "fired", "possible")

    level: Level
    fired: list[WarningSignRule]
    possible: list[WarningSignRule]  # could still fire and would raise the level

    def __init__(self, level: Level, fired: list[WarningSignRule], possible: list[WarningSignRule]) -> None:
        vars(self).update(level=level, fired=fired, possible=possible)


def suspected_causes(result: TriageResult) -> frozenset[str]:
    """The causes the rules that fired suspect."""
    return frozenset(cause for rule in result.fired for cause in rule.suspects)


def triage(kb: KnowledgeBase, state: FindingState) -> TriageResult:
    """The level set by the most urgent rule that fires (self-care when none does)."""
    present, absent = state.present, state.absent
    table = _rule_table(kb)
    # a rule none of whose findings is known has the value it has on an empty state
    values = list(table.unknown)
    by_finding, checks = table.by_finding, table.checks
    touched = {place for f in present | absent for place in by_finding.get(f, ())}
    for place in touched:
        values[place] = checks[place].evaluate(present, absent)
    # the table lists the rules most urgent first, so both lists come out in that order
    fired = [table.rules[place] for place in sorted(touched | table.fire_unknown) if values[place] is True]
    level = fired[0].level if fired else Level.SELF_CARE
    more_urgent = table.above[level]
    possible = [
        rule
        for rule, value in zip(table.rules[:more_urgent], values[:more_urgent], strict=True)
        if value is None
    ]
    return TriageResult(level, fired, possible)
