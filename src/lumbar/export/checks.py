"""Value-set checks that the ``fhir.resources`` models do not make (CLINICAL.md 5c): statuses, intents,
code systems and codes, and that every reference inside a Bundle points to one of its entries."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lumbar.export.codes import ExportCodes, export_codes
from lumbar.knowledge.loader import KnowledgeBase

Resource = dict[str, Any]


def known_loinc(kb: KnowledgeBase) -> set[str]:
    """Every LOINC code the questionnaires carry: panels, totals, groups, subscales, items, answers."""
    found: set[str] = set()
    for questionnaire in kb.questionnaires.values():
        found.update(code for key, code in questionnaire.codes.items() if key.startswith("loinc"))
        found.update(s.loinc for s in questionnaire.subscales if s.loinc)
        found.update(i.loinc for i in questionnaire.items if i.loinc)
        found.update(b.codes["loinc"] for b in questionnaire.bands if "loinc" in b.codes)
    return found


def check_bundle(bundle: Resource, kb: KnowledgeBase) -> list[str]:
    """Every problem found, as "Resource/id: what" lines; empty when the Bundle passes."""
    codes = export_codes()
    addresses = {entry.get("fullUrl") for entry in bundle.get("entry", [])}
    kinds = {entry.get("fullUrl"): entry["resource"]["resourceType"] for entry in bundle.get("entry", [])}
    loinc = known_loinc(kb)
    problems: list[str] = []
    for entry in bundle.get("entry", []):
        resource = entry["resource"]
        where = f"{resource['resourceType']}/{resource.get('id')}"
        problems += [f"{where}: {p}" for p in _check(resource, codes, loinc)]
        for path, reference in _references(resource):
            if reference not in addresses:
                problems.append(f"{where}: {path} points to {reference}, which is not in the Bundle")
        for ref in resource.get("derivedFrom", []):
            if kinds.get(ref.get("reference")) != "QuestionnaireResponse":
                problems.append(f"{where}: derivedFrom must point to a QuestionnaireResponse")
    return problems


def _check(resource: Resource, codes: ExportCodes, loinc: set[str]) -> list[str]:
    kind = resource["resourceType"]
    problems: list[str] = []
    rule = codes.statuses.get(kind)
    if rule is not None and resource.get("status") not in rule.allowed:
        problems.append(f"status '{resource.get('status')}' is not one of {rule.allowed}")
    if kind == "CarePlan":
        if resource.get("intent") not in codes.careplan_intent.allowed:
            problems.append(
                f"intent '{resource.get('intent')}' is not one of {codes.careplan_intent.allowed}"
            )
        allowed = codes.careplan_activity_status.allowed
        for activity in resource.get("activity", []):
            status = activity.get("detail", {}).get("status")
            if status not in allowed:
                problems.append(f"activity status '{status}' is not one of {allowed}")
    if kind == "Observation":
        for category in resource.get("category", []):
            problems += _codings(
                category, "observation_category", set(codes.observation_category_codes), codes
            )
    if kind == "RiskAssessment":
        for prediction in resource.get("prediction", []):
            risk = prediction.get("qualitativeRisk", {})
            problems += _codings(risk, "risk_probability", set(codes.risk_probability_codes), codes)
    for concept in _concepts(resource):
        problems += _codings(concept, "loinc", loinc, codes, only_that_system=True)
    return problems


def _codings(
    concept: Resource, system: str, allowed: set[str], codes: ExportCodes, only_that_system: bool = False
) -> list[str]:
    """Problems with a CodeableConcept's codings of ``system`` (and, unless ``only_that_system``,
    a concept without any coding of it)."""
    url = codes.system(system)
    ours = [c for c in concept.get("coding", []) if c.get("system") == url]
    problems = [f"code '{c.get('code')}' is not in {url}" for c in ours if c.get("code") not in allowed]
    if not ours and not only_that_system:
        problems.append(f"a coding from {url} is required")
    return problems


def _concepts(value: Any) -> Iterator[Resource]:
    """Every CodeableConcept (a dict with ``coding``) anywhere inside ``value``."""
    if isinstance(value, dict):
        if "coding" in value:
            yield value
        for inner in value.values():
            yield from _concepts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _concepts(inner)


def _references(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, reference) of every Reference inside ``value``."""
    if isinstance(value, dict):
        if isinstance(value.get("reference"), str):
            yield path, value["reference"]
        for key, inner in value.items():
            yield from _references(inner, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for inner in value:
            yield from _references(inner, path)
