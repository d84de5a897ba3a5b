"""One-of-several questions in the knowledge base: which question asks about a finding, and what a
chosen answer sets."""

from __future__ import annotations

import pytest

from lumbar.knowledge.choices import asking_question, choice_answers, choice_question_of, is_choice
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def test_a_finding_named_by_a_choice_is_asked_by_the_choice_question(kb: KnowledgeBase) -> None:
    asker = asking_question(kb, "bilateral_leg_symptoms")
    assert asker is not None and asker.id == "leg_sides" and is_choice(asker)
    assert choice_question_of(kb, "bilateral_leg_symptoms") == asker


def test_a_finding_with_its_own_question_is_asked_by_it_and_others_by_none(kb: KnowledgeBase) -> None:
    saddle = asking_question(kb, "saddle_numbness")
    assert saddle is not None and saddle.id == "saddle_numbness"
    assert choice_question_of(kb, "saddle_numbness") is None
    assert asking_question(kb, "foot_drop") is None  # read from words only
    assert asking_question(kb, "no_such_finding") is None


def test_a_choice_sets_the_findings_it_implies_and_rules_out(kb: KnowledgeBase) -> None:
    leg_sides = kb.findings["leg_sides"]
    one, both = leg_sides.choices
    assert choice_answers(both) == {"bilateral_leg_symptoms": True}
    assert choice_answers(one) == {"bilateral_leg_symptoms": False}


def test_choice_helpers_read_the_data(kb: KnowledgeBase) -> None:
    leg_sides = kb.findings["leg_sides"]
    assert leg_sides.choice_ids() == ["one_leg", "both_legs"]
    assert leg_sides.choice("both_legs") is not None and leg_sides.choice("three_legs") is None
    unsure = leg_sides.unsure_choice()
    assert unsure is not None and unsure.id == "both_legs"
    assert leg_sides.choice_findings() == ["bilateral_leg_symptoms"]
    assert kb.findings["fever"].choice_findings() == []


def test_where_the_pain_is_worst_asks_about_pain_in_the_side(kb: KnowledgeBase) -> None:
    asker = asking_question(kb, "flank_pain")
    assert asker is not None and asker.id == "pain_place"
    middle, side = asker.choices
    assert choice_answers(side) == {"flank_pain": True}
    assert choice_answers(middle) == {"flank_pain": False}
