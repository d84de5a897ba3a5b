"""Exports on the REST API: ``/api/export/fhir`` (a FHIR R4B Bundle, ``application/fhir+json``) and
``/api/export/csv`` (the questionnaire scores)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from lumbar.care.stratified import START_BACK
from lumbar.export.fhir import fhir_bundle, fhir_json
from lumbar.export.records import DatedScore, dated_score, latest_band
from lumbar.export.table import scores_csv
from lumbar.web.deps import EngineCallDep, EnginesDep
from lumbar.web.engines import Engines
from lumbar.web.errors import ENGINE_ERROR_RESPONSES, ERROR_RESPONSES
from lumbar.web.export_schemas import ExportRequest
from lumbar.web.strict_json import StrictJSONRoute

FHIR_JSON = "application/fhir+json"
#: the outline of the Bundle for the OpenAPI document (the resources are FHIR R4B's own)
BUNDLE = {
    "type": "object",
    "required": ["resourceType", "type", "entry"],
    "properties": {
        "resourceType": {"const": "Bundle"},
        "type": {"const": "collection"},
        "timestamp": {"type": "string"},
        "identifier": {"type": "object"},
        "entry": {"type": "array", "items": {"type": "object", "required": ["fullUrl", "resource"]}},
    },
}
#: what a FHIR export answers, for the OpenAPI document
FHIR_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ENGINE_ERROR_RESPONSES,
    200: {"description": "a FHIR R4B Bundle (type collection)", "content": {FHIR_JSON: {"schema": BUNDLE}}},
}
CSV = "text/csv; charset=utf-8"
router = APIRouter(
    prefix="/api/export", responses=ERROR_RESPONSES, route_class=StrictJSONRoute, tags=["export"]
)


def _scores(body: ExportRequest, engines: Engines) -> list[DatedScore]:
    return [dated_score(engines.kb, q.questionnaire, q.answers, q.date) for q in body.questionnaires]


@router.post(
    "/fhir",
    summary="Export as a FHIR R4B Bundle",
    response_class=Response,
    responses=FHIR_RESPONSES,
)
async def export_fhir(body: ExportRequest, engines: EnginesDep, run: EngineCallDep) -> Response:
    """A Bundle with a QuestionnaireResponse per questionnaire, LOINC-coded score Observations derived
    from them, a RiskAssessment for how urgent it looks and a CarePlan for the plan."""

    def work() -> Response:
        scores = _scores(body, engines)
        assessment = engines.assess(body.text, body.answers)
        plan = engines.plan(assessment, body.start_back or latest_band(scores, START_BACK))
        when = datetime.combine(engines.settings.today(), datetime.min.time(), UTC)
        bundle = fhir_bundle(assessment, plan, scores, engines.kb, when)
        return Response(fhir_json(bundle), media_type=FHIR_JSON)

    return await run(work)


@router.post(
    "/csv",
    summary="Export the scores as CSV",
    response_class=Response,
    responses={**ENGINE_ERROR_RESPONSES, 200: {"description": "one row per score", "content": {CSV: {}}}},
)
async def export_csv(body: ExportRequest, engines: EnginesDep, run: EngineCallDep) -> Response:
    """The questionnaires' scores, one row per total and subscale, oldest first."""
    return await run(lambda: Response(scores_csv(_scores(body, engines)), media_type=CSV))
