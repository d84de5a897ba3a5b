"""A question that describes a warning sign is noticed by intake's reader and triage's rules; a denied sign is not."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lumbar.ask.warning_signs import WarningSigns, load_warning_signs
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.knowledge.validation import schema


@pytest.mark.parametrize(
    ("question", "rules"),
    [
        ("my legs are numb and I can't pee", {"rule_ces_feature"}),
        ("I can't feel anything when I wipe and I'm leaking urine", {"rule_ces_complete"}),
        ("I've lost control of my bowels since the spasm", {"rule_ces_feature"}),
        ("I keep losing control of my bowels", {"rule_ces_feature"}),
        ("my legs keep giving way", {"rule_leg_weakness"}),
        ("I have foot drop", {"rule_foot_drop"}),
        ("I have chest pain and back pain", {"rule_chest_pain"}),
        ("I'm 12 weeks pregnant and bleeding with back cramps", {"rule_pregnancy_bleeding"}),
        ("I fell off a ladder and hurt my back", {"rule_major_trauma"}),
    ],
)
def test_warning_signs_are_noticed(question: str, rules: set[str]) -> None:
    match = load_warning_signs().detect(question)
    assert match is not None
    assert rules <= set(match.signs)
    assert match.level == "emergency"
    assert "lumbar assess" in match.message


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("I am feverish with back pain", "rule_fever"),
        ("I had breast cancer and now my back hurts", "rule_cancer_new_pain"),
        ("unexplained weight loss and back pain", "rule_weight_loss"),
    ],
)
def test_signs_for_a_doctor_today_are_urgent(question: str, rule: str) -> None:
    match = load_warning_signs().detect(question)
    assert match is not None and rule in match.signs and match.level == "urgent"


@pytest.mark.parametrize(
    "question",
    [
        "When is back pain an emergency?",
        "What is cauda equina syndrome?",
        "I have no numbness between my legs and I can pee fine",
        "I do not have trouble peeing, but my back hurts",
        "I am not losing control of my bowels",
        "How do I fix a leaking kitchen tap?",
        "",
    ],
)
def test_questions_about_signs_or_denying_them_are_not_flagged(question: str) -> None:
    assert load_warning_signs().detect(question) is None


def test_the_most_urgent_level_wins() -> None:
    match = load_warning_signs().detect("I have a fever and I can't pee")
    assert match is not None and match.level == "emergency"
    urgent = load_warning_signs().detect("I have a fever with my back pain")
    assert urgent is not None and urgent.level == "urgent"


def test_the_search_words_are_those_of_the_fired_rules() -> None:
    kb = load_knowledge()
    match = load_warning_signs().detect("I keep leaking urine")
    assert match is not None
    assert match.search == kb.rules["rule_ces_feature"].search
    assert "cauda equina" in match.search


def test_search_words_must_be_plain_lower_case_words() -> None:
    rule = as_data(load_knowledge().rules["rule_fever"])
    with pytest.raises(ValidationError, match="search"):
        schema.WarningSignRule.model_validate({**rule, "search": "Fever, chills"})


def test_the_message_is_the_levels_ask_warning_and_self_care_has_none() -> None:
    kb = load_knowledge()
    ambulance, emergency = kb.levels[Level.EMERGENCY_AMBULANCE], kb.levels[Level.EMERGENCY]
    assert ambulance.ask_warning == emergency.ask_warning
    assert kb.levels[Level.CONSULTATION_24].ask_warning != emergency.ask_warning
    assert kb.levels[Level.SELF_CARE].ask_warning is None
    match = load_warning_signs().detect("I keep leaking urine")
    assert match is not None and emergency.ask_warning is not None
    assert (match.level, match.message) == (emergency.ask_warning.kind, emergency.ask_warning.message)


def test_a_changed_ask_warning_is_what_ask_says() -> None:
    kb = load_knowledge()
    urgent = kb.levels[Level.CONSULTATION_24]
    assert urgent.ask_warning is not None
    changed = urgent.replace(ask_warning=urgent.ask_warning.replace(message="Ring us."))
    levels = {**kb.levels, Level.CONSULTATION_24: changed}
    match = WarningSigns(kb.replace(levels=levels)).detect("I have a fever with my back pain")
    assert match is not None and (match.level, match.message) == ("urgent", "Ring us.")
