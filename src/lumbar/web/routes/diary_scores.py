"""Questionnaire scores in the diary: keeping a result from its page (``POST /diary/scores``), a kept
score's own page and deleting it, and the same on the API under ``/api/diary/scores``.

Every read and change is of the signed-in person's own scores: another person's id is "not found"
(404), exactly as an id that does not exist. Scores are always scored here, from their answers.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from lumbar.errors import QuestionnaireError
from lumbar.questionnaires.scoring import Answer
from lumbar.store.scores import to_dated
from lumbar.web.accounts.deps import PagePersonDep, PersonDep, StoreDep
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EngineCallDep, EnginesDep, TemplatesDep
from lumbar.web.diary.scores import MAX_ANSWERS, KeptScoreIn, KeptScoreOut, keep_score
from lumbar.web.errors import ERROR_RESPONSES, documented
from lumbar.web.routes.accounts import DIARY, see
from lumbar.web.routes.diary_api import Deleted
from lumbar.web.routes.questionnaires import FIELD, find
from lumbar.web.strict_json import StrictJSONRoute

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(
    prefix="/api/diary",
    responses={**ERROR_RESPONSES, **documented(401, 403)},
    route_class=StrictJSONRoute,
    tags=["diary"],
)
#: where the diary page lists the kept scores
SCORES = f"{DIARY}#scores-title"
TOO_MANY = "that form had too many fields. Please fill the questionnaire in again."


class KeptScores(BaseModel):
    """The questionnaire scores the person kept, by day."""

    scores: list[KeptScoreOut]


# --- pages ---------------------------------------------------------------------------------------


@pages.post("/diary/scores", dependencies=[Depends(require_form_token)])
async def keep_from_result(
    request: Request, person: PagePersonDep, store: StoreDep, engines: EnginesDep, run: EngineCallDep
) -> Response:
    """Keep the questionnaire result whose answers the form carries in my diary, for today."""
    form = await request.form()
    if len(form) > MAX_ANSWERS:
        raise QuestionnaireError(TOO_MANY)
    answers: dict[str, Answer] = {
        key.removeprefix(FIELD): value
        for key, value in form.multi_items()
        if key.startswith(FIELD) and isinstance(value, str)
    }
    questionnaire_id = str(form.get("questionnaire", ""))
    today = engines.settings.today()
    await run(
        lambda: keep_score(
            store, engines.kb, person, questionnaire_id, answers, today, engines.settings.now(), today
        )
    )
    return see(SCORES)


@pages.get("/diary/scores/{score_id}")
def kept_score_page(
    request: Request,
    score_id: int,
    person: PagePersonDep,
    store: StoreDep,
    engines: EnginesDep,
    templates: TemplatesDep,
) -> Response:
    """A kept score: the day, the score and group, and the answers given, with a button to delete it."""
    kept = store.scores.get(person.id, score_id)
    questionnaire = find(engines.kb, kept.questionnaire)
    result = to_dated(engines.kb, kept).score
    context = {
        "kept": kept,
        "form": questionnaire,
        "result": result,
        "answers": {item.id: item.answer_text for item in result.items},
    }
    return form_page(request, templates, "kept_score.html", context)


@pages.post("/diary/scores/{score_id}/delete", dependencies=[Depends(require_form_token)])
def delete_kept_score(score_id: int, person: PagePersonDep, store: StoreDep) -> Response:
    """Delete a kept score."""
    store.scores.delete(person.id, score_id)
    return see(SCORES)


# --- API -----------------------------------------------------------------------------------------


@api.get("/scores", summary="My kept questionnaire scores", response_model=KeptScores)
def scores(person: PersonDep, store: StoreDep) -> KeptScores:
    """The questionnaire scores the signed-in person kept, by day."""
    return KeptScores(scores=[KeptScoreOut.of(record) for record in store.scores.of(person.id)])


@api.post("/scores", summary="Keep a questionnaire score", response_model=KeptScoreOut)
async def add_score(
    body: KeptScoreIn, person: PersonDep, store: StoreDep, engines: EnginesDep, run: EngineCallDep
) -> KeptScoreOut:
    """Score the answers and keep the score in the diary; a missing or unreadable answer is a 400
    naming every question, as for scoring alone."""
    today = engines.settings.today()
    day = body.day or today

    def keep() -> KeptScoreOut:
        record = keep_score(
            store, engines.kb, person, body.questionnaire, body.answers, day, engines.settings.now(), today
        )
        return KeptScoreOut.of(record)

    return await run(keep)


@api.get("/scores/{score_id}", summary="One kept questionnaire score", response_model=KeptScoreOut)
def kept_score(score_id: int, person: PersonDep, store: StoreDep) -> KeptScoreOut:
    """One of the signed-in person's kept scores; 404 for any other id."""
    return KeptScoreOut.of(store.scores.get(person.id, score_id))


@api.delete("/scores/{score_id}", summary="Delete a kept questionnaire score", response_model=Deleted)
def delete_score(score_id: int, person: PersonDep, store: StoreDep) -> Deleted:
    """Delete one of the signed-in person's kept scores; 404 for any other id."""
    store.scores.delete(person.id, score_id)
    return Deleted(deleted="score")
