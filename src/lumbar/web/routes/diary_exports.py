"""The diary for a clinician: the summary for your doctor made from the diary (``/diary/summary``, and as
a PDF) and the diary as a FHIR R4B Bundle (``/api/diary/export/fhir``), each with every questionnaire
score kept in the diary. Only the signed-in person's own diary; engine work runs in the engine pool.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from lumbar.export.fhir import fhir_json
from lumbar.export.summary_pdf import FRAME_ON_THE_WEB, summary_html, summary_pdf
from lumbar.web.accounts.deps import PagePersonDep, PersonDep, StoreDep
from lumbar.web.deps import EngineCallDep, EnginesDep, TemplatesDep
from lumbar.web.diary.summary import diary_fhir, diary_summary
from lumbar.web.errors import ERROR_RESPONSES, documented
from lumbar.web.routes.exports import FHIR_JSON, FHIR_RESPONSES
from lumbar.web.routes.pages import PDF_NAME
from lumbar.web.strict_json import StrictJSONRoute

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(
    prefix="/api/diary",
    responses={**ERROR_RESPONSES, **documented(401, 403)},
    route_class=StrictJSONRoute,
    tags=["diary"],
)
SUMMARY_PDF = "/diary/summary.pdf"


@pages.get("/diary/summary")
async def summary_page(
    request: Request,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """The summary for your doctor from my diary: the newest saved check and every kept score."""

    def work() -> Response:
        summary = diary_summary(store, engines, person)
        context = {"summary": summary, "frame": FRAME_ON_THE_WEB, "diary_pdf": SUMMARY_PDF}
        return templates.TemplateResponse(request, "summary.html", context)

    return await run(work)


@pages.get(SUMMARY_PDF)
async def summary_pdf_file(
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    run: EngineCallDep,
    paper: Annotated[Literal["a4", "letter"], Query()] = "a4",
) -> Response:
    """The summary for your doctor from my diary as a PDF to download, on A4 or US Letter."""

    def work() -> Response:
        pdf = summary_pdf(summary_html(diary_summary(store, engines, person)), paper)
        headers = {"Content-Disposition": f'attachment; filename="{PDF_NAME}"'}
        return Response(pdf, media_type="application/pdf", headers=headers)

    return await run(work)


@api.get(
    "/export/fhir",
    summary="My diary as a FHIR R4B Bundle",
    response_class=Response,
    responses=FHIR_RESPONSES,
)
async def diary_fhir_export(
    person: PersonDep, store: StoreDep, engines: EnginesDep, run: EngineCallDep
) -> Response:
    """A QuestionnaireResponse with its score Observations for each kept score, a RiskAssessment for the
    newest saved check and a CarePlan; 404 while the diary holds no saved check."""
    return await run(lambda: Response(fhir_json(diary_fhir(store, engines, person)), media_type=FHIR_JSON))
