"""A braced trigger literal stands for one trigger per combination of its word lists."""

from __future__ import annotations

from lumbar.errors import Problem
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.trigger_families import expand_families


def test_a_braced_literal_becomes_one_trigger_per_combination_in_file_order() -> None:
    raw = [
        {"literal": "no", "category": "negated"},
        {"literal": "{owner} {relative} has", "category": "other_person", "max_scope": 6},
    ]
    words = {"owner": ["my", "his"], "relative": ["mum", "dad"]}
    problems: list[Problem] = []
    expanded = expand_families(raw, words, problems)
    assert [e["literal"] for e in expanded] == [
        "no",
        "my mum has",
        "my dad has",
        "his mum has",
        "his dad has",
    ]
    assert all(e["max_scope"] == 6 for e in expanded[1:])
    assert problems == []


def test_an_unknown_list_is_a_problem_and_its_trigger_is_dropped() -> None:
    problems: list[Problem] = []
    expanded = expand_families([{"literal": "{owner} {pet} has"}], {"owner": ["my"]}, problems)
    assert expanded == []
    assert "pet" in problems[0].message


def test_a_word_list_must_be_a_list_of_words() -> None:
    problems: list[Problem] = []
    expand_families([{"literal": "{owner} has"}], {"owner": "my"}, problems)
    assert [p.item for p in problems] == ["owner", "{owner} has"]


def test_the_knowledge_base_holds_every_relation_to_the_writer() -> None:
    literals = {rule.literal for rule in load_knowledge().context_rules}
    assert {"my mum has", "her brother was", "his boss needed"} <= literals
    assert not any("{" in literal for literal in literals)
