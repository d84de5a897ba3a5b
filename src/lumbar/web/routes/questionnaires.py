"""Questionnaires on the web: the REST API under ``/api/questionnaires`` and the pages under ``/questionnaires``.

The pages are plain HTML forms, a few questions per screen, no JavaScript needed. Each screen posts
every answer so far (earlier screens' as hidden fields) with the form token; the last screen's post
is answered with the result. Nothing is stored on the server, unless a signed-in person keeps the
result in their diary (its answers are posted to ``/diary/scores``, see ``routes.diary_scores``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from lumbar.care.models import PlanItem
from lumbar.care.stratified import group_advice
from lumbar.errors import NotFoundError, QuestionnaireError
from lumbar.export.records import DatedScore
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.knowledge.validation import questionnaires as questionnaire_schema
from lumbar.questionnaires.change import compare
from lumbar.questionnaires.scoring import Answer, QuestionnaireScore, score
from lumbar.web.accounts.deps import MaybePersonDep
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EnginesDep, TemplatesDep
from lumbar.web.diary.scores import kept_answers
from lumbar.web.errors import ERROR_RESPONSES
from lumbar.web.questionnaire_schemas import AdviceOut, QuestionnaireSummary, ScoreReply, ScoreRequest
from lumbar.web.score_query import earlier_lines, interview_key, query_of, with_score
from lumbar.web.strict_json import StrictJSONRoute

api = APIRouter(
    prefix="/api", responses=ERROR_RESPONSES, route_class=StrictJSONRoute, tags=["questionnaires"]
)
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
#: the prefix of an answer's form field: ``a_<question id>``
FIELD = "a_"
MAX_FIELDS = 80


def find(kb: KnowledgeBase, questionnaire_id: str) -> Questionnaire:
    """The questionnaire with this id; NotFoundError otherwise."""
    if questionnaire_id not in kb.questionnaires:
        raise NotFoundError(f"there is no questionnaire '{questionnaire_id}'")
    return kb.questionnaires[questionnaire_id]


def advice_for(questionnaire: Questionnaire, result: QuestionnaireScore, kb: KnowledgeBase) -> list[PlanItem]:
    """What the result's group changes in the plan (none for a form without groups)."""
    band = questionnaire.band(result.band) if result.band else None
    return group_advice(band, kb) if band else []


def source_titles(items: list[PlanItem], kb: KnowledgeBase) -> dict[str, str]:
    """Source id -> title for every source the items cite."""
    cited = dict.fromkeys(s for item in items for s in item.source_ids)
    return {s: kb.sources[s].title if s in kb.sources else s for s in cited}


# --- REST ----------------------------------------------------------------------------------------


@api.get("/questionnaires", summary="List the questionnaires")
def list_questionnaires(engines: EnginesDep) -> list[QuestionnaireSummary]:
    """Each questionnaire's id, name, number of questions, purpose and recall period."""
    return [
        QuestionnaireSummary(id=q.id, name=q.name, questions=len(q.items), purpose=q.purpose, recall=q.recall)
        for q in engines.kb.questionnaires.values()
    ]


@api.get(
    "/questionnaires/{questionnaire_id}",
    summary="One questionnaire",
    response_model=questionnaire_schema.Questionnaire,
)
def get_questionnaire(questionnaire_id: str, engines: EnginesDep) -> dict[str, Any]:
    """The questions word for word, the answers and their points, the scoring rules, the licence."""
    return as_data(find(engines.kb, questionnaire_id))


@api.post("/questionnaires/{questionnaire_id}/score", summary="Score answers to a questionnaire")
def score_questionnaire(questionnaire_id: str, body: ScoreRequest, engines: EnginesDep) -> ScoreReply:
    """The score and group with what it means and changes in the plan; with ``before``, the change and
    whether it is big enough to matter. A missing or unreadable answer is a 400 naming every question."""
    kb = engines.kb
    questionnaire = find(kb, questionnaire_id)
    result = score(questionnaire, body.answers)
    change = compare(questionnaire, score(questionnaire, body.before), result) if body.before else None
    advice = advice_for(questionnaire, result, kb)
    return ScoreReply(
        score=result,
        advice=[AdviceOut(id=i.id, title=i.title, text=i.text, why=i.why, sources=i.sources) for i in advice],
        change=change,
        notice=questionnaire.licence.notice,
        sources=source_titles(advice, kb),
    )


# --- pages ---------------------------------------------------------------------------------------


@pages.get("/questionnaires")
def questionnaire_list(request: Request, templates: TemplatesDep, engines: EnginesDep) -> Response:
    """The questionnaires, each with what it is for."""
    forms = list(engines.kb.questionnaires.values())
    return form_page(request, templates, "questionnaires.html", {"forms": forms})


@pages.get("/questionnaires/{questionnaire_id}")
def questionnaire_start(
    questionnaire_id: str,
    request: Request,
    templates: TemplatesDep,
    engines: EnginesDep,
    interview: str | None = None,
    earlier: str | None = None,
) -> Response:
    """The first screen of questions, with what the form is for and its notice; ``interview`` (an
    interview's key) and ``earlier`` (other forms' answers) lead the result back to that interview."""
    questionnaire = find(engines.kb, questionnaire_id)
    back = _Back.of(engines.kb, interview, earlier)
    return _screen(request, templates, questionnaire, 0, {}, None, back)


@pages.post("/questionnaires/{questionnaire_id}", dependencies=[Depends(require_form_token)])
async def questionnaire_step(
    questionnaire_id: str,
    request: Request,
    templates: TemplatesDep,
    engines: EnginesDep,
    person: MaybePersonDep,
) -> Response:
    """The next screen, the same one with what is missing, the one before (Back), or the result (with a
    button to keep it in the diary, for a signed-in person)."""
    kb = engines.kb
    questionnaire = find(kb, questionnaire_id)
    form = await request.form()
    if len(form) > MAX_FIELDS:
        raise QuestionnaireError("that form had too many fields. Please start again.")
    answers: dict[str, Answer] = {
        key.removeprefix(FIELD): value
        for key, value in form.multi_items()
        if key.startswith(FIELD) and isinstance(value, str) and questionnaire.item(key.removeprefix(FIELD))
    }
    screens = _screens(questionnaire)
    shown = _page_number(form.get("page"), len(screens))
    earlier = form.get("earlier")
    back = _Back.of(kb, form.get("interview"), earlier if isinstance(earlier, str) else None)
    if form.get("go") == "back":
        return _screen(request, templates, questionnaire, max(shown - 1, 0), answers, None, back)
    unanswered = [
        item.number for item in screens[shown] if item.id not in answers and questionnaire.missing == "refuse"
    ]
    if unanswered:
        problem = "Please answer question(s) " + ", ".join(map(str, unanswered)) + " before going on."
        return _screen(request, templates, questionnaire, shown, answers, problem, back)
    if shown + 1 < len(screens):
        return _screen(request, templates, questionnaire, shown + 1, answers, None, back)
    result = score(questionnaire, answers)
    advice = advice_for(questionnaire, result, kb)
    context = {
        "form": questionnaire,
        "result": result,
        "advice": advice,
        "sources": source_titles(advice, kb),
        "answers": {s.id: s.answer_text for s in result.items},
        "back_link": back.link(result, engines.settings.today()) if back else None,
        "others": back.others(kb, result, engines.settings.today()) if back else [],
        "keep_answers": kept_answers(DatedScore(engines.settings.today(), result)) if person else None,
        "field": FIELD,
    }
    return form_page(request, templates, "questionnaire_result.html", context)


@dataclass(frozen=True)
class _Back:
    """The interview a questionnaire was started from, and the other forms' answers carried with it."""

    key: str
    lines: dict[str, str]

    @classmethod
    def of(cls, kb: KnowledgeBase, interview: object, earlier: str | None) -> _Back | None:
        key = interview_key(interview)
        return cls(key, earlier_lines(kb, earlier)) if key else None

    @property
    def earlier(self) -> str:
        return query_of(self.lines).removeprefix("?")

    def link(self, result: QuestionnaireScore, today: date) -> str:
        """The interview's result page with this questionnaire's answers added."""
        return f"/interview/{self.key}" + query_of(with_score(self.lines, DatedScore(today, result)))

    def others(self, kb: KnowledgeBase, result: QuestionnaireScore, today: date) -> list[tuple[str, str]]:
        """(name, address) of each other questionnaire, started for the same interview with these answers."""
        carried = query_of(with_score(self.lines, DatedScore(today, result))).removeprefix("?")
        query = urlencode({"interview": self.key, "earlier": carried})
        return [
            (form.name, f"/questionnaires/{form.id}?{query}")
            for form in kb.questionnaires.values()
            if form.id != result.questionnaire
        ]


def _screens(questionnaire: Questionnaire) -> list[list[Any]]:
    size = questionnaire.per_page
    return [questionnaire.items[i : i + size] for i in range(0, len(questionnaire.items), size)]


def _page_number(raw: object, count: int) -> int:
    text = raw if isinstance(raw, str) else ""
    return min(int(text), count - 1) if text.isdigit() else 0


def _screen(
    request: Request,
    templates: Any,
    questionnaire: Questionnaire,
    page: int,
    answers: dict[str, Answer],
    problem: str | None,
    back: _Back | None = None,
) -> Response:
    screens = _screens(questionnaire)
    here = {item.id for item in screens[page]}
    context = {
        "form": questionnaire,
        "items": screens[page],
        "page": page,
        "pages": len(screens),
        "answers": answers,
        "kept": {k: v for k, v in answers.items() if k not in here},
        "problem": problem,
        "field": FIELD,
        "interview": back.key if back else None,
        "earlier": back.earlier if back else "",
    }
    return form_page(request, templates, "questionnaire.html", context)
