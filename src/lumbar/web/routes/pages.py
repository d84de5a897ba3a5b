"""The pages people use: describe, answer one question at a time, see the result and plan, learn, ask.

Plain HTML forms, no JavaScript needed. The interview state travels in an encrypted, signed hidden field;
every form that posts also carries the form token (see ``lumbar.web.csrf``). Engine work, and the
page made from it, runs in the app's engine pool (``run``), never on the event loop.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lumbar.ask.answer import MAX_QUESTION_CHARS
from lumbar.errors import InputError, InterviewError, NotFoundError
from lumbar.intake.validate import MAX_CHARS as MAX_TEXT_CHARS
from lumbar.interview.models import AnswerValue, Question, Result
from lumbar.web.csrf import form_page, require_form_token
from lumbar.web.deps import EngineCallDep, EnginesDep, SignerDep, TemplatesDep
from lumbar.web.engines import KIND_TITLES, PAGE_KINDS
from lumbar.web.errors import capitalised
from lumbar.web.signed_state import MAX_TOKEN_CHARS
from lumbar.web.views import result_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

WORD_ANSWERS = ("yes", "no", "unsure", "back")


def parse_answer(answer: str, number: str | None) -> AnswerValue:
    """The interview answer from the form: a button's word, or the number typed in the box."""
    if answer in WORD_ANSWERS:
        return answer  # type: ignore[return-value]
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


def _reply_page(
    request: Request, reply: Question | Result, token: str, templates: Any, engines: Any
) -> Response:
    if isinstance(reply, Result):
        plan = engines.plan(reply.assessment)
        view = result_view(reply.assessment, plan, engines, engines.settings.emergency_number)
        return form_page(request, templates, "result.html", {"view": view, "result": reply, "token": token})
    return form_page(request, templates, "question.html", {"question": reply, "token": token})


@router.get("/")
def home(request: Request, templates: TemplatesDep) -> Response:
    """The first page: describe the problem in your own words."""
    return form_page(request, templates, "start.html", {"max_chars": MAX_TEXT_CHARS})


@router.post("/interview", dependencies=[Depends(require_form_token)])
async def interview_start(
    request: Request,
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)],
    engines: EnginesDep,
    signer: SignerDep,
    templates: TemplatesDep,
    run: EngineCallDep,
) -> Response:
    """Read the description and ask the first question (or show the result at once)."""

    def work() -> Response:
        reply = engines.start_interview(text)
        return _reply_page(request, reply, signer.sign(reply.state), templates, engines)

    return await run(work)


@router.post("/interview/answer", dependencies=[Depends(require_form_token)])
async def interview_answer(
    request: Request,
    token: Annotated[str, Form(max_length=MAX_TOKEN_CHARS)],
    answer: Annotated[str, Form(max_length=20)],
    engines: EnginesDep,
    signer: SignerDep,
    templates: TemplatesDep,
    run: EngineCallDep,
    number: Annotated[str | None, Form(max_length=40)] = None,
) -> Response:
    """Take one answer and show the next question, or the result."""

    def work() -> Response:
        state = signer.read(token)
        try:
            reply = engines.step_interview(state, parse_answer(answer, number))
        except (InputError, InterviewError) as exc:
            # an answer that could not be used: the same question again, saying why
            again = engines.current_question(state)
            if isinstance(again, Result):
                raise
            context = {"question": again, "token": token, "problem": _sentence(str(exc))}
            page = form_page(request, templates, "question.html", context)
            page.status_code = 422
            return page
        return _reply_page(request, reply, signer.sign(reply.state), templates, engines)

    return await run(work)


@router.get("/interview")
@router.get("/interview/answer")
def interview_get() -> Response:
    """A refreshed or bookmarked interview address goes back to the start."""
    return RedirectResponse("/", status_code=303)


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
