"""A validated item becomes its run-time class whole, and validation reports what it always did."""

from __future__ import annotations

from typing import Any

from lumbar.knowledge.schema import Audience, Citation, Condition, WarningSignRule
from lumbar.knowledge.validation import schema
from lumbar.knowledge.validation.convert import to_runtime, validated

RULE: dict[str, Any] = {
    "id": "rule_example",
    "name": "Example",
    "level": "emergency",
    "applies_to": [{"age": {"min": 50}}],
    "when": {"all": ["fever", {"any": ["night_pain", "weight_loss"]}]},
    "reason": "A reason.",
    "action": "Go now.",
    "sources": ["nice_ng59#1.1", "acp_2017"],
}


def test_a_validated_rule_is_its_runtime_class_at_every_depth() -> None:
    rule, problems = validated(WarningSignRule, RULE)
    assert problems == []
    assert isinstance(rule, WarningSignRule)
    assert rule.sources == [Citation(source="nice_ng59", locator="1.1"), Citation(source="acp_2017")]
    assert isinstance(rule.applies_to, list) and isinstance(rule.applies_to[0], Audience)
    nested = rule.when.all[1]
    assert isinstance(nested, Condition) and nested.finding_ids() == {"night_pain", "weight_loss"}
    assert rule.when.finding_ids() == {"fever", "night_pain", "weight_loss"}


def test_to_runtime_keeps_every_value() -> None:
    model = schema.WarningSignRule.model_validate(RULE)
    rule = to_runtime(model)
    names = list(schema.WarningSignRule.model_fields)
    assert [getattr(rule, name) for name in names] == [to_runtime(getattr(model, name)) for name in names]
    assert rule.source_ids == model.source_ids == ["nice_ng59", "acp_2017"]


def test_validation_reports_every_problem_with_where_and_what() -> None:
    bad = {**RULE, "id": "Bad Id", "level": "soon", "applies_to": [], "colour": "red"}
    rule, problems = validated(WarningSignRule, bad)
    assert rule is None
    where = [place for place, _ in problems]
    assert {"id", "level", "colour"} <= set(where)
    assert any(place.startswith("applies_to") for place in where)
    assert all(message for _, message in problems)


def test_a_model_validator_still_refuses_its_case() -> None:
    rule, problems = validated(WarningSignRule, {**RULE, "when": {"none": ["fever"]}})
    assert rule is None
    assert problems == [("when", "Value error, a condition needs 'all' or 'any'")]
