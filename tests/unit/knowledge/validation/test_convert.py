"""A validated item becomes its run-time class whole, and validation reports what it always did; a result's
run-time records go back to their schema's models unchanged."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from lumbar.assessment import RankedCause
from lumbar.assessor import assess
from lumbar.care.plan import make_plan
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Audience, Citation, Condition, WarningSignRule
from lumbar.knowledge.validation import schema
from lumbar.knowledge.validation.convert import to_runtime, to_schema, validated
from lumbar.schemas import assessment as assessment_schema
from lumbar.schemas import care as care_schema

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


TEXTS = [
    "Back spasm after lifting, no numbness.",
    "I am 72, my back hurts, I cannot pee and I am numb between my legs, fever 39",
    "My mum is 80 and pregnant women get back cramps",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_result_as_its_schema_gives_pydantic_the_same_json(text: str) -> None:
    """The run-time assessment and plan are the data the schema's models validate to, and pydantic's JSON
    of the record sent back through the schema (the REST API's, the FHIR export's) is that of the
    record validated from its own JSON."""
    assessment = assess(text)
    plan = make_plan(assessment, load_knowledge(), today=date(2026, 12, 7))
    for record, model in ((assessment, assessment_schema.Assessment), (plan, care_schema.CarePlan)):
        from_json = model.model_validate(as_data(record))
        assert to_schema(record).model_dump_json() == from_json.model_dump_json()
        assert to_runtime(from_json) == record
    assert assessment.to_json_dict() == assessment_schema.Assessment.model_validate(
        assessment.to_json_dict()
    ).model_dump(mode="json", by_alias=True)


def test_an_aliased_field_keeps_its_json_name() -> None:
    cause = RankedCause(id="muscle_spasm", name="Muscle spasm", probability=0.5, for_=["lifting"])
    assert as_data(cause)["for_"] == as_data(cause, by_alias=True)["for"] == ["lifting"]
    assert to_schema(cause).model_dump(by_alias=True)["for"] == ["lifting"]
