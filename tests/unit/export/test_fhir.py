"""The FHIR R4B Bundle: every resource validates, the codes are right, and the scores come back out."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan as FhirCarePlan
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment

from lumbar.assessment import Assessment
from lumbar.care.models import CarePlan
from lumbar.errors import ExportError
from lumbar.export import fhir as fhir_module
from lumbar.export.fhir import fhir_bundle, fhir_json
from lumbar.export.read import read_scores
from lumbar.export.records import DatedScore
from lumbar.knowledge.loader import KnowledgeBase

LOINC = "http://loinc.org"
MODELS = {
    "Observation": Observation,
    "QuestionnaireResponse": QuestionnaireResponse,
    "RiskAssessment": RiskAssessment,
    "CarePlan": FhirCarePlan,
}


@pytest.fixture(scope="module")
def bundle(
    assessment: Assessment, plan: CarePlan, scores: list[DatedScore], kb: KnowledgeBase, when: datetime
) -> dict[str, Any]:
    return fhir_bundle(assessment, plan, scores, kb, when)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_every_resource_validates_with_fhir_resources_r4b(bundle: dict[str, Any]) -> None:
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] in MODELS:
            MODELS[resource["resourceType"]].model_validate(resource)
    assert {kind for kind in MODELS} <= {e["resource"]["resourceType"] for e in bundle["entry"]}


def test_one_questionnaire_response_per_filled_questionnaire(bundle: dict[str, Any]) -> None:
    responses = resources(bundle, "QuestionnaireResponse")
    assert len(responses) == 4
    assert responses[0]["questionnaire"] == "http://loinc.org/q/91349-1"
    assert all(r["status"] == "completed" for r in responses)
    assert [len(r["item"]) for r in responses] == [9, 24, 1, 1]


def test_blank_roland_morris_sentences_have_no_answer(bundle: dict[str, Any]) -> None:
    rmdq = resources(bundle, "QuestionnaireResponse")[1]
    answered = [item for item in rmdq["item"] if "answer" in item]
    assert len(answered) == 5
    assert [a["answer"][0]["valueBoolean"] for a in answered] == [True, True, False, True, True]


def test_start_back_observations_carry_loinc_codes_and_derive_from_the_response(
    bundle: dict[str, Any],
) -> None:
    response = next(
        e["fullUrl"] for e in bundle["entry"] if e["resource"].get("questionnaire", "").endswith("91349-1")
    )
    observations = [
        o for o in resources(bundle, "Observation") if o["derivedFrom"] == [{"reference": response}]
    ]
    by_code = {o["code"]["coding"][0]["code"]: o for o in observations}
    assert by_code["91351-7"]["valueInteger"] == 7
    assert by_code["91350-9"]["valueInteger"] == 4
    risk = by_code["91352-5"]["valueCodeableConcept"]["coding"][0]
    assert (risk["system"], risk["code"]) == (LOINC, "LA9193-9")
    for observation in observations:
        category = observation["category"][0]["coding"][0]
        assert category["code"] == "survey"
        assert category["system"] == "http://terminology.hl7.org/CodeSystem/observation-category"


def test_pain_score_is_loinc_72514_3_as_a_whole_number(bundle: dict[str, Any]) -> None:
    pain = [o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "72514-3"]
    assert [(o["effectiveDateTime"], o["valueInteger"]) for o in pain] == [
        ("2026-12-01", 7),
        ("2026-12-05", 3),
    ]


def test_risk_assessment_gives_the_level_as_a_risk_probability_and_cites_the_scores(
    bundle: dict[str, Any], assessment: Assessment
) -> None:
    (risk,) = resources(bundle, "RiskAssessment")
    prediction = risk["prediction"][0]
    qualitative = prediction["qualitativeRisk"]["coding"][0]
    assert qualitative["system"] == "http://terminology.hl7.org/CodeSystem/risk-probability"
    assert qualitative["code"] in {"low", "moderate", "high"}
    assert prediction["outcome"]["coding"][0]["code"] == str(assessment.level)
    inputs = {e["fullUrl"] for e in bundle["entry"]} & {b["reference"] for b in risk["basis"]}
    assert len(inputs) == len(risk["basis"]) == 4 + len(resources(bundle, "Observation"))


def test_care_plan_lists_every_plan_item_as_an_activity(bundle: dict[str, Any], plan: CarePlan) -> None:
    (care_plan,) = resources(bundle, "CarePlan")
    assert (care_plan["status"], care_plan["intent"]) == ("active", "plan")
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in care_plan["activity"]]
    assert codes == [item.id for section in plan.sections for item in section.items]
    assert all(a["detail"]["status"] == "not-started" for a in care_plan["activity"])


def test_round_trip_reads_every_score_back(bundle: dict[str, Any], scores: list[DatedScore]) -> None:
    read = {(r.code, r.effective, r.value) for r in read_scores(fhir_json(bundle))}
    for dated in scores:
        day = dated.when.isoformat()
        values = {r[2] for r in read if r[1] == day}
        assert dated.score.total in values, dated.score.questionnaire
        assert all(part.score in values for part in dated.score.subscales)
    assert ("91352-5", "2026-12-01", "LA9193-9") in read
    assert ("rmdq.total", "2026-12-01", 4) in read


def test_the_same_input_gives_the_same_bundle(
    assessment: Assessment, plan: CarePlan, scores: list[DatedScore], kb: KnowledgeBase, when: datetime
) -> None:
    first = fhir_bundle(assessment, plan, scores, kb, when)
    again = fhir_bundle(assessment, plan, scores, kb, when)
    assert json.dumps(first) == json.dumps(again)


def test_a_bundle_without_scores_still_has_the_urgency_and_plan(
    assessment: Assessment, plan: CarePlan, kb: KnowledgeBase, when: datetime
) -> None:
    bundle = fhir_bundle(assessment, plan, [], kb, when)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Patient", "RiskAssessment", "CarePlan"]
    assert "basis" not in resources(bundle, "RiskAssessment")[0]


def test_a_bundle_that_breaks_a_value_set_is_refused(
    assessment: Assessment,
    plan: CarePlan,
    scores: list[DatedScore],
    kb: KnowledgeBase,
    when: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fhir_module._Builder, "status", lambda self, kind: "done")
    with pytest.raises(ExportError, match="status 'done'"):
        fhir_bundle(assessment, plan, scores, kb, when)
