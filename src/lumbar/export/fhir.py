"""A FHIR R4B Bundle of one assessment: the questionnaires' answers and scores, the urgency, the plan.

Resources (CLINICAL.md section 5a): a Patient with no identifying data (every other resource's
subject), a QuestionnaireResponse per filled questionnaire, Observations for each score (LOINC codes
from questionnaires.yaml, category survey, ``derivedFrom`` the response), a RiskAssessment for the
triage level (``qualitativeRisk`` from the risk-probability codes, ``basis`` the scores) and a
CarePlan whose activities are the plan's items (R4 ``activity.detail``). Every reference is a
``urn:uuid`` made from the content, so the same input gives the same Bundle. The Bundle is
validated with ``fhir.resources.R4B`` and the value-set checks of :mod:`lumbar.export.checks`.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import date, datetime
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from lumbar.assessment import Assessment
from lumbar.care.models import CarePlan, PlanItem
from lumbar.errors import ExportError
from lumbar.export.checks import check_bundle
from lumbar.export.codes import ExportCodes, export_codes
from lumbar.export.records import DatedScore
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.questionnaires import TOTAL, Questionnaire
from lumbar.knowledge.validation.convert import to_schema
from lumbar.questionnaires.scoring import ItemScore

Resource = dict[str, Any]
#: the plan section whose items are things not to do
ADVISED_AGAINST = "advised_against"


def fhir_bundle(
    assessment: Assessment, plan: CarePlan, scores: list[DatedScore], kb: KnowledgeBase, when: datetime
) -> Resource:
    """The Bundle (type collection) as JSON-ready data; ExportError when it does not validate."""
    codes = export_codes()
    builder = _Builder(codes, kb, _seed(assessment, plan, scores, when))
    patient = builder.add({"resourceType": "Patient", "active": True})
    basis: list[str] = []
    for dated in scores:
        response = builder.add(builder.response(dated, patient))
        basis.append(response)
        basis += [builder.add(obs) for obs in builder.observations(dated, patient, response)]
    risk = builder.add(builder.risk(assessment, plan, patient, basis, when))
    builder.add(builder.care_plan(plan, patient, risk))
    bundle: Resource = {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": when.isoformat(),
        "identifier": {"system": codes.system("lumbar_bundle"), "value": builder.uuid("bundle")},
        "entry": builder.entries,
    }
    try:
        Bundle.model_validate(bundle)
    except ValueError as exc:
        raise ExportError(f"the FHIR Bundle did not validate: {exc}") from exc
    problems = check_bundle(bundle, kb)
    if problems:
        raise ExportError("the FHIR Bundle broke a value set: " + "; ".join(problems))
    return bundle


def fhir_json(bundle: Resource) -> str:
    """The Bundle as indented JSON text."""
    return json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"


def _seed(assessment: Assessment, plan: CarePlan, scores: list[DatedScore], when: datetime) -> str:
    parts = [to_schema(assessment).model_dump_json(), to_schema(plan).model_dump_json(), when.isoformat()]
    parts += [f"{d.when}:{d.score.model_dump_json()}" for d in scores]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class _Builder:
    """Makes the resources and collects them as Bundle entries with ``urn:uuid`` addresses."""

    def __init__(self, codes: ExportCodes, kb: KnowledgeBase, seed: str) -> None:
        self.codes = codes
        self.kb = kb
        self.seed = seed
        self.entries: list[Resource] = []

    def uuid(self, name: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:lumbar:{self.seed}:{name}"))

    def add(self, resource: Resource) -> str:
        """Add ``resource`` (given an id) and return its reference."""
        resource_id = self.uuid(f"{resource['resourceType']}:{len(self.entries)}")
        resource = {"resourceType": resource["resourceType"], "id": resource_id, **resource}
        address = f"urn:uuid:{resource_id}"
        self.entries.append({"fullUrl": address, "resource": resource})
        return address

    def status(self, resource_type: str) -> str:
        return self.codes.statuses[resource_type].written

    def coding(self, system: str, code: str, display: str | None = None) -> Resource:
        found = {"system": self.codes.system(system), "code": code}
        return {**found, "display": display} if display else found

    # --- questionnaires ----------------------------------------------------------------------------

    def canonical(self, questionnaire: Questionnaire) -> str:
        """LOINC's Questionnaire for a LOINC panel (a panel has its own total code); lumbar's otherwise."""
        forms = self.codes.questionnaire_canonical
        if "loinc" in questionnaire.codes and "loinc_total" in questionnaire.codes:
            return forms.loinc_panel.format(code=questionnaire.codes["loinc"])
        return forms.lumbar.format(id=questionnaire.id)

    def response(self, dated: DatedScore, patient: str) -> Resource:
        questionnaire = self.kb.questionnaires[dated.score.questionnaire]
        blank = set(dated.score.blank)
        return {
            "resourceType": "QuestionnaireResponse",
            "status": self.status("QuestionnaireResponse"),
            "questionnaire": self.canonical(questionnaire),
            "subject": {"reference": patient},
            "authored": dated.when.isoformat(),
            "item": [
                self.response_item(questionnaire, item, item.number in blank) for item in dated.score.items
            ],
        }

    def response_item(self, questionnaire: Questionnaire, scored: ItemScore, blank: bool) -> Resource:
        item = questionnaire.item(scored.id)
        found: Resource = {"linkId": scored.id, "text": item.text if item else scored.id}
        if blank or item is None:
            return found
        answer: Resource
        if item.kind == "choice":
            answer = {"valueCoding": self.coding("lumbar_answer", str(scored.answer), scored.answer_text)}
        elif item.kind == "tick":
            answer = {"valueBoolean": scored.answer == "ticked"}
        else:
            answer = {"valueInteger": scored.points}
        return {**found, "answer": [answer]}

    def observations(self, dated: DatedScore, patient: str, response: str) -> list[Resource]:
        """The total, each subscale and the group (when LOINC codes the group) as Observations."""
        score = dated.score
        questionnaire = self.kb.questionnaires[score.questionnaire]
        common = {
            "resourceType": "Observation",
            "status": self.status("Observation"),
            "category": [{"coding": [self.coding("observation_category", self.codes.observation_category)]}],
            "subject": {"reference": patient},
            "effectiveDateTime": dated.when.isoformat(),
            "derivedFrom": [{"reference": response}],
        }
        total: Resource = {
            **common,
            "code": self.score_code(questionnaire, TOTAL, f"{questionnaire.name}: total score"),
            "valueInteger": score.total,
        }
        if score.band_name:
            total["interpretation"] = [{"text": score.band_name}]
        found = [total]
        for part in score.subscales:
            subscale = next(s for s in questionnaire.subscales if s.id == part.id)
            name = f"{questionnaire.name}: {part.name}"
            code = (
                {"coding": [self.coding("loinc", subscale.loinc, name)], "text": name}
                if subscale.loinc
                else self.score_code(questionnaire, part.id, name)
            )
            found.append({**common, "code": code, "valueInteger": part.score})
        band = questionnaire.band(score.band) if score.band else None
        band_code = questionnaire.codes.get("loinc_band")
        if band is not None and band_code and "loinc" in band.codes:
            name = f"{questionnaire.name}: risk group"
            found.append(
                {
                    **common,
                    "code": {"coding": [self.coding("loinc", band_code, name)], "text": name},
                    "valueCodeableConcept": {
                        "coding": [self.coding("loinc", band.codes["loinc"], band.name)],
                        "text": band.name,
                    },
                }
            )
        return found

    def score_code(self, questionnaire: Questionnaire, part: str, name: str) -> Resource:
        """LOINC's code for the total when there is one (a panel's total, or a one-item form's item);
        lumbar's otherwise."""
        loinc = questionnaire.codes.get("loinc_total") if part == TOTAL else None
        if part == TOTAL and loinc is None and len(questionnaire.items) == 1:
            loinc = questionnaire.items[0].loinc
        if loinc:
            return {"coding": [self.coding("loinc", loinc, name)], "text": name}
        return {"coding": [self.coding("lumbar_score", f"{questionnaire.id}.{part}", name)], "text": name}

    # --- urgency and plan -------------------------------------------------------------------------

    def risk(
        self, assessment: Assessment, plan: CarePlan, patient: str, basis: list[str], when: datetime
    ) -> Resource:
        level = self.kb.levels[assessment.level]
        risk = self.codes.level_risk[assessment.level]
        prediction: Resource = {
            "outcome": {
                "coding": [self.coding("lumbar_level", str(assessment.level), level.title)],
                "text": plan.headline,
            },
            "qualitativeRisk": {"coding": [self.coding("risk_probability", risk, risk.capitalize())]},
        }
        reasons = [r.text for r in assessment.level_reasons]
        if reasons:
            prediction["rationale"] = " ".join(reasons)
        found: Resource = {
            "resourceType": "RiskAssessment",
            "status": self.status("RiskAssessment"),
            "subject": {"reference": patient},
            "occurrenceDateTime": when.isoformat(),
            "code": {"text": "How urgently to get help for lower-back symptoms (lumbar's triage level)"},
            "prediction": [prediction],
        }
        if basis:
            found["basis"] = [{"reference": ref} for ref in basis]
        return found

    def care_plan(self, plan: CarePlan, patient: str, risk: str) -> Resource:
        activities = [
            {"detail": self.activity(item, section.id == ADVISED_AGAINST)}
            for section in plan.sections
            for item in section.items
        ]
        found: Resource = {
            "resourceType": "CarePlan",
            "status": self.status("CarePlan"),
            "intent": self.codes.careplan_intent.written,
            "title": "Self-care plan made by lumbar",
            "description": plan.headline,
            "subject": {"reference": patient},
            "created": plan.created.isoformat(),
            "supportingInfo": [{"reference": risk}],
            "activity": activities,
        }
        if plan.safety_net.review_by is not None:
            found["period"] = {"start": plan.created.isoformat(), "end": _day(plan.safety_net.review_by)}
        return found

    def activity(self, item: PlanItem, against: bool) -> Resource:
        words = [item.text, *([item.dose_limits] if item.dose_limits else [])]
        detail: Resource = {
            "status": self.codes.careplan_activity_status.written,
            "code": {"coding": [self.coding("lumbar_plan_item", item.id, item.title)], "text": item.title},
            "description": " ".join(words),
        }
        if against:
            detail["doNotPerform"] = True
        return detail


def _day(when: date) -> str:
    return when.isoformat()
