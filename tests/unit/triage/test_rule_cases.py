"""Every warning-sign rule has cases that fire it and cases that must not (tests/cases/rule_cases.yaml).

A case gives findings as interview answers (present, absent, numbers) or a text for the intake. The
rule's own condition is checked in three-valued logic, and the whole assessment must list the rule
among its level reasons exactly when it fires.
"""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lumbar import Assessment, Level
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.triage.rules import FindingState, evaluate, triage

CASES_FILE = Path(__file__).resolve().parents[2] / "cases" / "rule_cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
CASE_IDS = [c["id"] for c in CASES]


@cache
def engine() -> AssessmentEngine:
    return default_engine()


def kb() -> KnowledgeBase:
    return engine().kb


def answers_of(case: dict[str, Any]) -> dict[str, bool | float]:
    answers: dict[str, bool | float] = {f: True for f in case.get("present", [])}
    answers.update({f: False for f in case.get("absent", [])})
    answers.update({k: float(v) for k, v in (case.get("values") or {}).items()})
    return answers


def state_of(case: dict[str, Any]) -> FindingState:
    reading = engine().read(case["text"]) if "text" in case else engine().read("", answers_of(case))
    return FindingState(frozenset(reading.present()), frozenset(reading.absent()))


def assess_case(case: dict[str, Any]) -> Assessment:
    if "text" in case:
        return engine().assess(case["text"])
    return engine().assess("", answers_of(case))


def fired_rules(result: Assessment) -> set[str]:
    return {r.rule for r in result.level_reasons if r.rule}


# --- the case file itself -------------------------------------------------------------------------


def test_case_ids_are_unique_and_named_by_outcome() -> None:
    assert len(CASE_IDS) == len(set(CASE_IDS))
    for case in CASES:
        word = "-true-" if case["fires"] else "-false-"
        assert word in case["id"], f"{case['id']}: the id must say the outcome ({word.strip('-')})"
        if "rule" in case:
            assert case["id"].startswith(case["rule"] + "-"), (
                f"{case['id']}: the id must start with the rule id"
            )


def test_cases_name_known_rules_findings_and_levels() -> None:
    for case in CASES:
        assert case.get("rule", "rule_fever") in kb().rules, f"{case['id']}: unknown rule {case.get('rule')}"
        for finding_id in [*case.get("present", []), *case.get("absent", []), *(case.get("values") or {})]:
            assert finding_id in kb().findings, f"{case['id']}: unknown finding {finding_id}"
        assert ("text" in case) != bool(case.get("present") or case.get("absent") or case.get("values")), (
            f"{case['id']}: give either a text or findings"
        )
        if "level" in case:
            Level(case["level"])


def test_every_rule_has_a_firing_and_a_non_firing_case() -> None:
    """The meta-test: a rule without both kinds of case is untested."""
    firing = {c["rule"] for c in CASES if c["fires"] and "rule" in c}
    silent = {c["rule"] for c in CASES if not c["fires"] and "rule" in c}
    rules = set(kb().rules)
    assert not rules - firing, f"rules with no case that fires them: {sorted(rules - firing)}"
    assert not rules - silent, f"rules with no case that must not fire them: {sorted(rules - silent)}"


# --- each case ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_rule_case(case: dict[str, Any]) -> None:
    result = assess_case(case)
    fired = fired_rules(result)
    if "rule" not in case:
        assert not fired, f"{case['id']}: no rule should fire, but {sorted(fired)} did"
    else:
        rule = kb().rules[case["rule"]]
        value = evaluate(rule.when, state_of(case))
        if case["fires"]:
            assert value is True, f"{case['id']}: the condition is {value}, not true"
            assert rule.id in fired, f"{case['id']}: {rule.id} is missing from the level reasons"
        else:
            assert value is not True, f"{case['id']}: the condition is true"
            assert rule.id not in fired, f"{case['id']}: {rule.id} fired"
    if "level" in case:
        assert result.level.value == case["level"], f"{case['id']}: level {result.level.value}"


# --- how rules combine ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", [c for c in CASES if c["fires"]], ids=[c["id"] for c in CASES if c["fires"]])
def test_most_urgent_fired_rule_sets_the_level(case: dict[str, Any]) -> None:
    result = assess_case(case)
    levels = [kb().rules[r].level for r in fired_rules(result)]
    assert levels, f"{case['id']}: nothing fired"
    assert result.level is max(levels, key=lambda lv: lv.rank)


def test_two_rules_the_more_urgent_wins() -> None:
    """Fever alone asks for a doctor within a day; with injected drugs it is the emergency department."""
    result = engine().assess("", {"fever": True, "iv_drug_use": True})
    assert {"rule_fever", "rule_spinal_infection"} <= fired_rules(result)
    assert result.level is Level.EMERGENCY
    assert result.level_reasons[0].rule == "rule_spinal_infection", (
        "the reason that set the level comes first"
    )


def test_no_rule_means_self_care() -> None:
    result = engine().assess("", {"back_pain": True, "lifting_injury": True, "fever": False})
    assert not fired_rules(result)
    assert result.level is Level.SELF_CARE
    assert result.level_reasons and result.level_reasons[0].rule is None


def _random_states(count: int) -> list[tuple[frozenset[str], frozenset[str]]]:
    rng = random.Random(20240611)
    booleans = sorted(
        f.id for f in kb().findings.values() if f.type.value == "boolean" and not f.derived_from
    )
    states = []
    for _ in range(count):
        present = frozenset(rng.sample(booleans, rng.randint(0, 4)))
        absent = frozenset(rng.sample([b for b in booleans if b not in present], rng.randint(1, 12)))
        states.append((present, absent))
    for case in CASES:  # and every case of the file
        if "text" not in case:
            state = state_of(case)
            states.append((state.present, state.absent))
    return states


def test_missing_information_never_lowers_the_level() -> None:
    """Forgetting what is absent (making it unknown) can only keep or raise the level."""
    for present, absent in _random_states(400):
        known = triage(kb(), FindingState(present, absent)).level
        less_known = triage(kb(), FindingState(present, frozenset())).level
        assert less_known.rank >= known.rank, (
            f"{sorted(present)} minus {sorted(absent)}: {less_known} < {known}"
        )


def test_an_unknown_exception_does_not_block_a_rule() -> None:
    """`none` blocks a rule only when the finding is known to be present."""
    for rule in kb().rules.values():
        if not rule.when.none:
            continue
        firing = [c for c in CASES if c.get("rule") == rule.id and c["fires"] and "text" not in c]
        assert firing, rule.id
        state = state_of(firing[0])
        unknown = FindingState(state.present - set(rule.when.none), state.absent - set(rule.when.none))
        assert evaluate(rule.when, unknown) is True, rule.id
        blocked = FindingState(unknown.present | {rule.when.none[0]}, unknown.absent)
        assert evaluate(rule.when, blocked) is False, rule.id


def test_unknown_warning_signs_leave_the_rule_possible() -> None:
    state = FindingState(frozenset({"pregnant"}), frozenset())
    result = triage(kb(), state)
    assert kb().rules["rule_pregnancy_bleeding"] in result.possible
    assert evaluate(kb().rules["rule_pregnancy_bleeding"].when, state) is None


# --- questions and reasons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I pulled my lower back lifting a box yesterday.",
        "Back spasms for a week, I'm 58.",
        "I'm 20 weeks pregnant with back ache.",
        "Lower back pain and a temperature.",
    ],
)
def test_unanswered_warning_sign_questions_come_first(text: str) -> None:
    questions = engine().assess(text).next_questions
    assert questions, f"no questions for {text!r}"
    flags = [q.warning_sign for q in questions]
    assert flags[0], f"the first question is not a warning sign: {questions[0].id}"
    assert flags == sorted(flags, reverse=True), f"a warning-sign question comes after another: {flags}"
    level = engine().assess(text).level
    raising = {f for r in kb().rules.values() if r.level.rank > level.rank for f in r.when.finding_ids()}
    for question in questions:
        if question.warning_sign:
            assert question.id in raising, (
                f"{question.id} is asked as a warning sign but no rule above {level} uses it"
            )


def test_answered_questions_are_not_asked_again() -> None:
    first = engine().assess("I pulled my lower back lifting a box yesterday.").next_questions[0].id
    again = engine().assess("", {"back_pain": True, "lifting_injury": True, first: False}).next_questions
    assert first not in {q.id for q in again}


@pytest.mark.parametrize("case", [c for c in CASES if c["fires"]], ids=[c["id"] for c in CASES if c["fires"]])
def test_level_reasons_name_rule_findings_and_sources(case: dict[str, Any]) -> None:
    result = assess_case(case)
    rule = kb().rules[case["rule"]]
    reason = next(r for r in result.level_reasons if r.rule == rule.id)
    present = {f.id for f in result.findings if f.status == "present"} | state_of(case).present
    assert reason.findings, f"{case['id']}: the reason names no finding"
    assert set(reason.findings) <= rule.when.finding_ids() & present
    assert reason.sources == rule.source_ids
    assert set(reason.sources) <= set(result.sources), "every source of a reason is in the sources table"
    assert rule.reason in reason.text
