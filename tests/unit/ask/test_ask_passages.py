"""Knowledge items become passages generically, with their first source and a locator."""

from __future__ import annotations

from lumbar.ask.passages import KNOWLEDGE, UNCITED_SOURCE, passages_from_knowledge
from lumbar.knowledge.loader import KnowledgeBase


def test_every_item_kind_with_text_becomes_one_passage(knowledge: KnowledgeBase) -> None:
    ids = [p.id for p in passages_from_knowledge(knowledge)]
    assert sorted(ids) == [
        "kb:causes:muscle_strain",
        "kb:conflicts:bed_rest",
        "kb:rules:rule_ces",
        "kb:treatments:heat_pack",
    ]


def test_a_treatment_passage_holds_steps_timing_and_when_to_stop(knowledge: KnowledgeBase) -> None:
    heat = {p.id: p for p in passages_from_knowledge(knowledge)}["kb:treatments:heat_pack"]
    assert heat.text.splitlines() == [
        "Heat helps tight muscles relax.",
        "How:",
        "- Wrap a heat pack in a cloth.",
        "- Place it on the sore area.",
        "How long: about 15 minutes",
        "How often: about every 4 hours",
        "Stop if:",
        "- The heat makes the pain worse.",
    ]
    assert (heat.source, heat.locator, heat.title, heat.source_title, heat.kind) == (
        "guide",
        "Heat",
        "Warm compress",
        "A back-pain guideline",
        KNOWLEDGE,
    )
    assert heat.heading == "Warm compress treatment"


def test_a_conflict_shows_both_positions_and_what_lumbar_follows(knowledge: KnowledgeBase) -> None:
    conflict = {p.id: p for p in passages_from_knowledge(knowledge)}["kb:conflicts:bed_rest"]
    assert "One view (page_a): Rest in bed for two days." in conflict.text
    assert "One view (guide): Stay active; bed rest slows recovery." in conflict.text
    assert "lumbar follows: Stay active." in conflict.text
    assert conflict.source == "page_a"  # no item-level source: the first position's
    assert conflict.source_title == "Bed rest for back spasms"  # unknown source: the item's own title


def test_a_rule_passage_gives_reason_then_action(knowledge: KnowledgeBase) -> None:
    rule = {p.id: p for p in passages_from_knowledge(knowledge)}["kb:rules:rule_ces"]
    assert rule.text.splitlines() == [
        "Numbness between the legs or new bladder trouble can mean squeezed nerves.",
        "Go to the emergency department now.",
    ]
    assert rule.locator == "rule_ces"  # the citation has no locator: the item id
    assert rule.source != UNCITED_SOURCE
