"""The value-set checks catch what fhir.resources accepts: bad statuses, codes and references."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import pytest

from lumbar.assessment import Assessment
from lumbar.care.models import CarePlan
from lumbar.export.checks import check_bundle, known_loinc
from lumbar.export.fhir import fhir_bundle
from lumbar.export.records import DatedScore
from lumbar.knowledge.loader import KnowledgeBase


@pytest.fixture(scope="module")
def bundle(
    assessment: Assessment, plan: CarePlan, scores: list[DatedScore], kb: KnowledgeBase, when: datetime
) -> dict[str, Any]:
    return fhir_bundle(assessment, plan, scores, kb, when)


def first(bundle: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind)


def test_a_made_bundle_passes(bundle: dict[str, Any], kb: KnowledgeBase) -> None:
    assert check_bundle(bundle, kb) == []


@pytest.mark.parametrize(
    ("kind", "change", "problem"),
    [
        ("Observation", lambda r: r.update(status="done"), "status 'done'"),
        ("QuestionnaireResponse", lambda r: r.update(status="finished"), "status 'finished'"),
        ("CarePlan", lambda r: r.update(intent="wish"), "intent 'wish'"),
        ("CarePlan", lambda r: r["activity"][0]["detail"].update(status="done"), "activity status 'done'"),
        (
            "RiskAssessment",
            lambda r: r["prediction"][0]["qualitativeRisk"]["coding"][0].update(code="huge"),
            "'huge'",
        ),
        ("RiskAssessment", lambda r: r["prediction"][0].update(qualitativeRisk={"text": "high"}), "required"),
        ("Observation", lambda r: r["category"][0]["coding"][0].update(code="poll"), "'poll'"),
        ("Observation", lambda r: r["code"]["coding"][0].update(code="12345-6"), "'12345-6'"),
        (
            "Observation",
            lambda r: r.update(derivedFrom=[{"reference": "urn:uuid:nowhere"}]),
            "not in the Bundle",
        ),
    ],
)
def test_a_broken_value_is_named(
    bundle: dict[str, Any], kb: KnowledgeBase, kind: str, change: Any, problem: str
) -> None:
    broken = copy.deepcopy(bundle)
    change(first(broken, kind))
    problems = check_bundle(broken, kb)
    assert any(problem in p for p in problems), problems


def test_derived_from_must_point_to_a_questionnaire_response(
    bundle: dict[str, Any], kb: KnowledgeBase
) -> None:
    broken = copy.deepcopy(bundle)
    patient = broken["entry"][0]["fullUrl"]
    first(broken, "Observation")["derivedFrom"] = [{"reference": patient}]
    assert any("QuestionnaireResponse" in p for p in check_bundle(broken, kb))


def test_the_known_loinc_codes_are_those_of_clinical_md(kb: KnowledgeBase) -> None:
    assert {"72514-3", "91349-1", "91350-9", "91351-7", "91352-5", "LA9194-7", "LA8982-6", "LA9193-9"} <= (
        known_loinc(kb)
    )
