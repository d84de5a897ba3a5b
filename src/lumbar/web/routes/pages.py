"""The pages people use: describe, answer one question at a time, see the result and plan, learn, ask.

Plain HTML forms, no JavaScript needed. Post/Redirect/Get: every step of an interview, and its result,
has its own address (``/interview/<key>``, the key of its saved state, see ``lumbar.web.saved_states``),
so Back, reload, a bookmark and "come back later" work; a form that posts is answered with a redirect
(303) to that address. Every form that posts carries the form token (see ``lumbar.web.csrf``). Engine work, and the
page made from it, runs in the app's engine pool (``run``), never on the event loop.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lumbar.ask.answer import MAX_QUESTION_CHARS
from lumbar.care.stratified import START_BACK
from lumbar.errors import InputError, InterviewError, NotFoundError
from lumbar.export.records import latest_band
from lumbar.export.summary import doctor_summary
from lumbar.export.summary_pdf import FRAME_ON_THE_WEB, summary_html, summary_pdf
from lumbar.intake.validate import MAX_CHARS as MAX_TEXT_CHARS
from lumbar.interview.models import MAX_ANSWER_CHARS, AnswerValue, Question, Result
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EngineCallDep, EnginesDep, SavedStatesDep, TemplatesDep
from lumbar.web.engines import KIND_TITLES, PAGE_KINDS
from lumbar.web.errors import capitalised
from lumbar.web.score_query import answer_lines, query_of, scores_from
from lumbar.web.views import result_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

WORD_ANSWERS = ("yes", "no", "unsure", "back")
PDF_NAME = "summary-for-your-doctor.pdf"
PICK_ONE = "please pick one of the answers, or press 'Not sure'."


def parse_answer(answer: str, number: str | None, choice: str | None = None) -> AnswerValue:
    """The interview answer from the form: a button's word, the number typed in the box, or the
    choice picked (its radio button)."""
    if answer in WORD_ANSWERS:
        return answer
    if answer == "choice":
        if not choice:
            raise InputError(PICK_ONE)
        return choice
    if answer != "number":
        raise InputError("that answer was not understood. Please use the buttons on the question page.")
    raw = (number or "").strip().replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise InputError("please type a number (for example 7 or 38.5), or press 'Not sure'.") from None
    if not math.isfinite(value):
        raise InputError("please type an ordinary number, for example 7 or 38.5.")
    return value


def _sentence(message: str) -> str:
    """An error message as a sentence: a capital first letter and a full stop."""
    message = capitalised(message.strip())
    return message + ("" if message.endswith((".", "?", "!")) else ".")


def _see(key: str) -> Response:
    """Post/Redirect/Get: after a form is used, the browser is sent to the step's own address."""
    return RedirectResponse(f"/interview/{key}", status_code=303)


def _reply_page(
    request: Request, key: str, reply: Question | Result, templates: Any, engines: Any
) -> Response:
    if isinstance(reply, Result):
        lines = answer_lines(engines.kb, request.query_params.multi_items())
        scores = scores_from(engines.kb, lines, engines.settings.today())
        group = latest_band(scores, START_BACK)
        plan = engines.plan(reply.assessment, group)
        view = result_view(reply.assessment, plan, engines, engines.settings.emergency_number)
        band = engines.kb.questionnaires[START_BACK].band(group) if group else None
        context = {
            "view": view,
            "result": reply,
            "key": key,
            "query": query_of(lines),
            "earlier": query_of(lines).removeprefix("?"),
            "start_back_group": band.name if band else None,
            # the plan's items that the group brought forward, with the group's reason first
            "start_back_care": [i for i in plan.items() if band and i.id in {c.treatment for c in band.care}],
        }
        return form_page(request, templates, "result.html", context)
    return form_page(request, templates, "question.html", {"question": reply, "key": key})


def _summary(request: Request, reply: Result, engines: Any) -> tuple[Any, str]:
    """The summary of a finished interview with the questionnaires carried in the address, and that query."""
    lines = answer_lines(engines.kb, request.query_params.multi_items())
    scores = scores_from(engines.kb, lines, engines.settings.today())
    plan = engines.plan(reply.assessment, latest_band(scores, START_BACK))
    return doctor_summary(reply, plan, engines, scores), query_of(lines)


@router.get("/")
def home(request: Request, templates: TemplatesDep) -> Response:
    """The first page: describe the problem in your own words."""
    return form_page(request, templates, "start.html", {"max_chars": MAX_TEXT_CHARS})


@router.post("/interview", dependencies=[Depends(require_form_token)])
async def interview_start(
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)],
    engines: EnginesDep,
    saved: SavedStatesDep,
    run: EngineCallDep,
) -> Response:
    """Read the description, keep the interview, and send the browser to its first step."""
    return _see(await run(lambda: saved.save(engines.start_interview(text).state)))


@router.post("/interview/{key}/answer", dependencies=[Depends(require_form_token)])
async def interview_answer(
    request: Request,
    key: str,
    answer: Annotated[str, Form(max_length=20)],
    engines: EnginesDep,
    saved: SavedStatesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
    number: Annotated[str | None, Form(max_length=40)] = None,
    choice: Annotated[str | None, Form(max_length=MAX_ANSWER_CHARS)] = None,
) -> Response:
    """Take one answer to the step at ``key`` and send the browser to the next step's address."""

    def work() -> Response:
        state = saved.load(key)
        try:
            reply = engines.step_interview(state, parse_answer(answer, number, choice))
        except (InputError, InterviewError) as exc:
            # an answer that could not be used: the same question again, saying why (for a choice
            # that is not one of the question's, in words: the engine's message names ids)
            again = engines.current_question(state)
            if isinstance(again, Result):
                raise
            problem = PICK_ONE if answer == "choice" else str(exc)
            context = {"question": again, "key": key, "problem": _sentence(problem)}
            page = form_page(request, templates, "question.html", context)
            page.status_code = 422
            return page
        return _see(saved.save(reply.state))

    return await run(work)


@router.get("/interview")
@router.get("/interview/answer")
def interview_get() -> Response:
    """An address of the old forms (before each step had its own) goes back to the start."""
    return RedirectResponse("/", status_code=303)


@router.get("/interview/{key}")
async def interview_step(
    request: Request,
    key: str,
    engines: EnginesDep,
    saved: SavedStatesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """One step of an interview, by its own address: the question it waits for, or the result."""

    def work() -> Response:
        return _reply_page(request, key, engines.current_question(saved.load(key)), templates, engines)

    return await run(work)


@router.get("/interview/{key}/summary")
async def doctor_summary_page(
    request: Request,
    key: str,
    engines: EnginesDep,
    saved: SavedStatesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """The summary for your doctor, printable on one A4 or Letter page (the question, while one waits);
    with questionnaire answers in the address (``?start_back=…``), their scores too."""

    def work() -> Response:
        reply = engines.current_question(saved.load(key))
        if not isinstance(reply, Result):
            return _see(key)
        summary, query = _summary(request, reply, engines)
        context = {
            "summary": summary,
            "key": key,
            "address": str(request.url),
            "query": query,
            "frame": FRAME_ON_THE_WEB,
        }
        return templates.TemplateResponse(request, "summary.html", context)

    return await run(work)


@router.get("/interview/{key}/summary.pdf")
async def doctor_summary_pdf(
    request: Request,
    key: str,
    engines: EnginesDep,
    saved: SavedStatesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
    paper: Annotated[Literal["a4", "letter"], Query()] = "a4",
) -> Response:
    """The summary for your doctor as a PDF to download: the same page, printed on A4 or US Letter."""

    def work() -> Response:
        reply = engines.current_question(saved.load(key))
        if not isinstance(reply, Result):
            return _see(key)
        summary, _ = _summary(request, reply, engines)
        pdf = summary_pdf(summary_html(summary), paper)
        headers = {"Content-Disposition": f'attachment; filename="{PDF_NAME}"'}
        return Response(pdf, media_type="application/pdf", headers=headers)

    return await run(work)


@router.get("/learn")
def learn(request: Request, engines: EnginesDep, templates: TemplatesDep) -> Response:
    """Every cause, specialist, test and treatment with a page."""
    groups = [(kind, KIND_TITLES[kind], engines.entries(kind)) for kind in PAGE_KINDS]
    return templates.TemplateResponse(request, "learn.html", {"groups": groups})


@router.get("/learn/{kind}/{item_id}")
def learn_page(
    request: Request, kind: str, item_id: str, engines: EnginesDep, templates: TemplatesDep
) -> Response:
    """A patient page: what it is, why it matters, what to expect, when to worry."""
    if kind not in PAGE_KINDS:
        raise NotFoundError(f"there are no pages about '{kind}'. Try the Learn page.")
    page = engines.page(kind, item_id)
    item = engines.item(kind, item_id)
    return templates.TemplateResponse(
        request, "page.html", {"page": page, "item": item, "kind": kind, "kind_title": KIND_TITLES[kind]}
    )


@router.get("/ask")
async def ask(
    request: Request,
    engines: EnginesDep,
    templates: TemplatesDep,
    run: EngineCallDep,
    q: Annotated[str, Query(max_length=MAX_QUESTION_CHARS)] = "",
) -> Response:
    """The question box, and the cited answer when a question was asked."""

    def page(answer: Any) -> Response:
        return templates.TemplateResponse(
            request, "ask.html", {"question": q, "answer": answer, "max_chars": MAX_QUESTION_CHARS}
        )

    if not q.strip():
        return page(None)
    return await run(lambda: page(engines.ask(q)))
