"""`kb check` of one-of-several questions: each broken choice question is named with what to fix."""

from __future__ import annotations

from typing import Any

import pytest

from lumbar.errors import Problem
from lumbar.knowledge.choice_check import check_choices
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Choice, ValueType


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def changed(kb: KnowledgeBase, finding_id: str, **update: Any) -> KnowledgeBase:
    """A copy of ``kb`` with one finding changed."""
    finding = kb.findings[finding_id].replace(**update)
    return kb.replace(findings={**kb.findings, finding_id: finding})


def problems_of(kb: KnowledgeBase) -> list[str]:
    found: list[Problem] = []
    check_choices(kb, found)
    return [str(p) for p in found]


def choices(kb: KnowledgeBase) -> list[Choice]:
    return list(kb.findings["leg_sides"].choices)


def test_the_packaged_choice_questions_pass(kb: KnowledgeBase) -> None:
    asked = [f for f in kb.findings.values() if f.type is ValueType.CHOICE]
    assert [f.id for f in asked] == ["leg_sides", "pain_place"]
    assert problems_of(kb) == []


def test_one_choice_is_not_a_question(kb: KnowledgeBase) -> None:
    found = problems_of(changed(kb, "leg_sides", choices=choices(kb)[1:]))
    assert any("findings.yaml: leg_sides" in m and "at least 2 `choices`" in m for m in found)


def test_two_choices_with_one_id_are_refused(kb: KnowledgeBase) -> None:
    one, both = choices(kb)
    found = problems_of(changed(kb, "leg_sides", choices=[one, both.replace(id="one_leg")]))
    assert any("choice id 'one_leg' is used 2 times" in m for m in found)


def test_a_choice_needs_words_and_something_to_say(kb: KnowledgeBase) -> None:
    one, both = choices(kb)
    blank = one.replace(text="  ", rules_out=[])
    found = problems_of(changed(kb, "leg_sides", choices=[blank, both]))
    assert any("choice 'one_leg' needs `text`" in m for m in found)
    assert any("choice 'one_leg' says nothing about other findings" in m for m in found)


@pytest.mark.parametrize(
    ("named", "words"),
    [
        ("bilateral_legs_nonexistent", "finding 'bilateral_legs_nonexistent' does not exist"),
        ("fever", "names 'fever', which has a question of its own"),
        ("leg_sides", "names the choice question 'leg_sides'"),
    ],
)
def test_the_findings_a_choice_names_must_exist_and_be_asked_by_it(
    kb: KnowledgeBase, named: str, words: str
) -> None:
    one, both = choices(kb)
    odd = both.replace(implies=[named])
    found = problems_of(changed(kb, "leg_sides", choices=[one, odd]))
    assert any("findings.yaml: leg_sides: choice 'both_legs'" in m and words in m for m in found), found


def test_a_choice_cannot_imply_and_rule_out_one_finding(kb: KnowledgeBase) -> None:
    one, both = choices(kb)
    odd = both.replace(rules_out=["bilateral_leg_symptoms"])
    found = problems_of(changed(kb, "leg_sides", choices=[one, odd]))
    assert any("both implies and rules out 'bilateral_leg_symptoms'" in m for m in found)


def test_not_sure_that_counts_needs_exactly_one_choice_to_count_as(kb: KnowledgeBase) -> None:
    one, both = choices(kb)
    none_marked = [one, both.replace(if_unsure=False)]
    found = problems_of(changed(kb, "leg_sides", choices=none_marked))
    assert any("mark exactly one choice `if_unsure: true` (now 0)" in m for m in found)
    found = problems_of(changed(kb, "leg_sides", unsure="unknown"))
    assert any("`if_unsure` is used only with" in m for m in found)


def test_the_question_asked_again_offers_the_same_choices(kb: KnowledgeBase) -> None:
    wording = kb.findings["leg_sides"].unsure_question
    assert wording is not None
    other_way = wording.replace(yes_means="absent")
    found = problems_of(changed(kb, "leg_sides", unsure_question=other_way))
    assert any("its `yes_means` must be `present`" in m for m in found)


def test_a_choice_question_needs_a_question_and_choices_need_a_choice_question(kb: KnowledgeBase) -> None:
    found = problems_of(changed(kb, "leg_sides", question=None))
    assert any("findings.yaml: leg_sides: a `type: choice` finding needs a `question`" in m for m in found)
    found = problems_of(changed(kb, "fever", choices=choices(kb)))
    assert "findings.yaml: fever: `choices` are for `type: choice`, not boolean" in found
