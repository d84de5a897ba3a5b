"""Warning-sign rules: three-valued evaluation, and the most urgent fired rule sets the level."""

from __future__ import annotations

import itertools
import random
from collections.abc import Collection, Iterator

from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Condition, Level
from lumbar.triage.rules import (
    AllAndOneOf,
    AllOf,
    Compiled,
    FindingState,
    OneOfEach,
    compiled,
    evaluate,
    triage,
    unknown_findings,
)


def _state(present: Collection[str] = (), absent: Collection[str] = ()) -> FindingState:
    return FindingState(frozenset(present), frozenset(absent))


def test_an_unknown_sign_leaves_an_all_condition_open_and_a_known_absent_one_closes_it() -> None:
    cond = Condition(all=["a", "b"])
    assert evaluate(cond, _state({"a"})) is None
    assert evaluate(cond, _state({"a"}, {"b"})) is False
    assert evaluate(cond, _state({"a", "b"})) is True


def test_min_any_needs_that_many_present_signs() -> None:
    cond = Condition(any=["a", "b", "c"], min_any=2)
    assert evaluate(cond, _state({"a"}, {"b", "c"})) is False
    assert evaluate(cond, _state({"a"}, {"b"})) is None
    assert evaluate(cond, _state({"a", "c"})) is True


def test_an_unknown_exception_never_blocks_a_rule_only_a_present_one_does() -> None:
    cond = Condition(all=["a"], none=["x"])
    assert evaluate(cond, _state({"a"})) is True
    assert evaluate(cond, _state({"a", "x"})) is False


def test_nested_conditions_count_towards_min_any_and_a_false_one_in_all_closes_the_rule() -> None:
    cond = Condition(all=["a", Condition(any=["b", "c"])], any=["d", Condition(all=["e", "f"])], min_any=2)
    assert evaluate(cond, _state({"a", "b", "d", "e", "f"})) is True
    assert evaluate(cond, _state({"a", "b", "d", "e"})) is None  # f could still come
    assert evaluate(cond, _state({"a", "b", "d", "e"}, {"f"})) is False
    assert evaluate(cond, _state({"a", "d", "e", "f"}, {"b", "c"})) is False


def test_a_sign_listed_twice_in_any_counts_twice_as_written() -> None:
    cond = Condition(any=["a", "a", "b"], min_any=2)
    assert evaluate(cond, _state({"a"}, {"b"})) is True
    assert evaluate(cond, _state((), {"a"})) is False
    assert evaluate(cond, _state({"b"})) is None


def test_a_sign_both_present_and_absent_counts_as_present() -> None:
    assert evaluate(Condition(all=["a"]), _state({"a"}, {"a"})) is True
    assert evaluate(Condition(any=["a", "b"], min_any=2), _state({"a", "b"}, {"a"})) is True


def test_unknown_findings_lists_the_open_signs_once_in_order() -> None:
    cond = Condition(all=["a", Condition(any=["b", "a"])], any=["c"])
    assert unknown_findings(cond, _state({"c"})) == ["a", "b"]


def test_no_fired_rule_means_self_care_with_urgent_rules_still_possible() -> None:
    result = triage(load_knowledge(), _state())
    assert result.level is Level.SELF_CARE and result.fired == []
    assert result.possible and result.possible[0].level is Level.EMERGENCY_AMBULANCE


def test_the_most_urgent_fired_rule_sets_the_level() -> None:
    kb = load_knowledge()
    result = triage(kb, _state({"saddle_numbness", "urinary_retention"}))
    assert result.level is Level.EMERGENCY_AMBULANCE
    assert "rule_ces_complete" in [r.id for r in result.fired]
    assert [r.level.rank for r in result.fired] == sorted((r.level.rank for r in result.fired), reverse=True)
    assert all(r.level.rank > result.level.rank for r in result.possible)


def test_a_finding_becoming_absent_never_fires_a_rule_of_the_knowledge_base() -> None:
    """The question ranking tries only the answers that make something present (a plain "no" cannot
    fire a rule): for every rule, a rule not yet known never turns true when one of its findings is
    known absent, from every state its own findings' first three can be in."""
    kb = load_knowledge()
    for rule in kb.rules.values():
        ids = sorted(rule.when.finding_ids())
        for first in itertools.product((None, True, False), repeat=min(3, len(ids))):
            present = {f for f, v in zip(ids, first, strict=False) if v is True}
            absent = {f for f, v in zip(ids, first, strict=False) if v is False}
            before = _state(present, absent)
            if evaluate(rule.when, before) is not None:
                continue
            for finding in ids:
                if before.value(finding) is None:
                    assert evaluate(rule.when, _state(present, absent | {finding})) is not True, (
                        rule.id,
                        finding,
                    )


def test_the_level_comes_from_the_rules_naming_a_known_finding_and_the_others_as_when_nothing_is_known() -> (
    None
):
    """The fast triage (rules found by the findings known, flat conditions) against every rule evaluated
    the general way and sorted most urgent first, in the file's order within a level."""
    kb = load_knowledge()
    for rule in kb.rules.values():
        named = sorted(rule.when.finding_ids())
        for state in (_state(named[:1]), _state((), named[:1]), _state(named), _state(named[1:], named[:1])):
            result = triage(kb, state)
            values = {
                r.id: Compiled.evaluate(compiled(r.when), state.present, state.absent)
                for r in kb.rules.values()
            }
            by_urgency = sorted(kb.rules.values(), key=lambda r: -r.level.rank)
            fired = [r.id for r in by_urgency if values[r.id] is True]
            assert [r.id for r in result.fired] == fired, rule.id
            assert result.level is (kb.rules[fired[0]].level if fired else Level.SELF_CARE)
            possible = [r.id for r in by_urgency if values[r.id] is None and r.level.rank > result.level.rank]
            assert [r.id for r in result.possible] == possible, rule.id


def _states(ids: list[str], rng: random.Random) -> Iterator[tuple[frozenset[str], frozenset[str]]]:
    """Every state of ``ids`` (each unknown, present, absent, or both) when few, else a sample of them."""
    kinds = ((), ("present",), ("absent",), ("present", "absent"))
    if len(ids) <= 5:
        choices: Iterator[tuple[tuple[str, ...], ...]] = itertools.product(kinds, repeat=len(ids))
    else:
        choices = (tuple(rng.choice(kinds) for _ in ids) for _ in range(600))
    for choice in choices:
        present = frozenset(f for f, kind in zip(ids, choice, strict=True) if "present" in kind)
        absent = frozenset(f for f, kind in zip(ids, choice, strict=True) if "absent" in kind)
        yield present, absent


def _kleene(cond: Condition, present: frozenset[str], absent: frozenset[str]) -> bool | None:
    """The condition's value by its definition (Kleene's logic, a finding present and absent counting
    as present), term by term: the reference the compiled kinds are checked against."""

    def term(t: str | Condition) -> bool | None:
        if isinstance(t, Condition):
            return _kleene(t, present, absent)
        return True if t in present else False if t in absent else None

    if any(f in present for f in cond.none):
        return False
    values = [term(t) for t in cond.all]
    if False in values:
        return False
    unknown = None in values
    if cond.any:
        some = [term(t) for t in cond.any]
        if some.count(True) < cond.min_any:
            if some.count(True) + some.count(None) < cond.min_any:
                return False
            unknown = True
    return None if unknown else True


def test_each_compiled_rule_has_its_conditions_value_on_every_state() -> None:
    kb = load_knowledge()
    rng = random.Random(16)
    kinds: set[type[Compiled]] = set()
    for rule in kb.rules.values():
        check = compiled(rule.when)
        kinds.add(type(check))
        ids = sorted(rule.when.finding_ids())
        for present, absent in _states(ids, rng):
            expected = _kleene(rule.when, present, absent)
            assert check.evaluate(present, absent) is expected, (rule.id, present, absent)
            assert Compiled.evaluate(check, present, absent) is expected, (rule.id, present, absent)
    assert {AllOf, AllAndOneOf, OneOfEach, Compiled} <= kinds  # rules.yaml has each kind: all are compared


def test_a_condition_is_flat_only_when_its_shape_allows() -> None:
    assert type(compiled(Condition(all=["a", "b"], none=["x"]))) is AllOf
    assert type(compiled(Condition(all=["a"], any=["b", "c"]))) is AllAndOneOf
    assert type(compiled(Condition(any=["b", "c"], min_any=2))) is Compiled
    assert type(compiled(Condition(any=["a", "a", "b"]))) is Compiled  # a finding listed twice counts twice
    assert type(compiled(Condition(all=["a", Condition(any=["b", "c"]), Condition(any=["d"])]))) is OneOfEach
    assert type(compiled(Condition(all=[Condition(any=["b"], none=["x"])]))) is Compiled
    assert type(compiled(Condition(all=[Condition(any=["b", "c"], min_any=2)]))) is Compiled
    assert type(compiled(Condition(all=[Condition(any=["b"])], any=["c"]))) is Compiled
