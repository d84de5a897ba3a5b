"""The REST API under ``/api/``: the same engine calls as the pages, as JSON.

Engine work runs in the app's engine pool (``run``), never on the event loop; the knowledge lists
only read the loaded knowledge base and run in Starlette's thread pool as plain functions.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from lumbar.knowledge.dump import as_data
from lumbar.knowledge.validation.convert import to_schema
from lumbar.schemas import assessment as schema
from lumbar.schemas import care as care_schema
from lumbar.web.deps import EngineCallDep, EnginesDep, SignerDep
from lumbar.web.engines import PAGE_KINDS
from lumbar.web.errors import ENGINE_ERROR_RESPONSES, ERROR_RESPONSES
from lumbar.web.export_schemas import PlanRequest
from lumbar.web.schemas import (
    AskReply,
    AskRequest,
    AssessRequest,
    InterviewReply,
    KnowledgeEntryOut,
    KnowledgeItemOut,
    KnowledgeKind,
    KnowledgeList,
    StepRequest,
    TextRequest,
)
from lumbar.web.strict_json import StrictJSONRoute

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES, route_class=StrictJSONRoute)


@router.post(
    "/assess",
    tags=["assess"],
    summary="Assess a free-text description",
    response_description="the CONTRACT.md assessment: level, reasons, causes, findings, questions, advice, sources",
    response_model=schema.Assessment,
    responses=ENGINE_ERROR_RESPONSES,
)
async def assess(body: AssessRequest, engines: EnginesDep, run: EngineCallDep) -> schema.Assessment:
    """Urgency level with reasons, likely causes with the findings for and against, and sources; with
    ``answers``, the interview's answers are used as the interview uses them."""
    return await run(lambda: to_schema(engines.assess(body.text, body.answers)))


#: OpenAPI links: a reply's ``token`` goes back to /api/interview/step with an answer (any answer,
#: or "unsure", which fits every question); schemathesis' stateful test walks interviews by them
ANSWER_LINKS: dict[str, Any] = {
    "answer": {
        "operationId": "interview_step",
        "requestBody": {"token": "$response.body#/token"},
        "description": "Answer the question: send this reply's `token` back with an `answer`.",
    },
    "answer_not_sure": {
        "operationId": "interview_step",
        "requestBody": {"token": "$response.body#/token", "answer": "unsure"},
        "description": "Say 'not sure', an answer that fits every question.",
    },
}


@router.post(
    "/interview/start",
    tags=["interview"],
    summary="Start an interview",
    response_model=InterviewReply,
    operation_id="interview_start",
    responses={
        **ENGINE_ERROR_RESPONSES,
        200: {"description": "the first question, or the result", "links": ANSWER_LINKS},
    },
)
async def interview_start(
    body: TextRequest, engines: EnginesDep, signer: SignerDep, run: EngineCallDep
) -> InterviewReply:
    """The first question (or the result at once), with an encrypted, signed ``token`` to send back with the answer."""

    def work() -> InterviewReply:
        reply = engines.start_interview(body.text)
        return InterviewReply.of(reply, signer.sign(reply.state))

    return await run(work)


@router.post(
    "/interview/step",
    tags=["interview"],
    summary="Answer a question",
    response_model=InterviewReply,
    operation_id="interview_step",
    responses={
        **ENGINE_ERROR_RESPONSES,
        200: {"description": "the next question, or the result", "links": ANSWER_LINKS},
    },
)
async def interview_step(
    body: StepRequest, engines: EnginesDep, signer: SignerDep, run: EngineCallDep
) -> InterviewReply:
    """The next question or the result. A token that was changed or is too old is refused (400)."""

    def work() -> InterviewReply:
        reply = engines.step_interview(signer.read(body.token), body.answer)
        return InterviewReply.of(reply, signer.sign(reply.state))

    return await run(work)


@router.post(
    "/plan",
    tags=["care"],
    summary="Make a care plan",
    response_model=care_schema.CarePlan,
    responses=ENGINE_ERROR_RESPONSES,
)
async def plan(body: PlanRequest, engines: EnginesDep, run: EngineCallDep) -> care_schema.CarePlan:
    """A personal care plan for the description (and any answers): urgent action first when needed,
    then self-care by time window (today, 48 hours, two weeks) and the safety-net; with ``start_back``,
    the care NICE suggests for that group comes first in a home plan."""
    return await run(
        lambda: to_schema(engines.plan(engines.assess(body.text, body.answers), body.start_back))
    )


@router.post(
    "/ask", tags=["ask"], summary="Ask a question", response_model=AskReply, responses=ENGINE_ERROR_RESPONSES
)
async def ask(body: AskRequest, engines: EnginesDep, run: EngineCallDep) -> dict[str, Any]:
    """A cited answer (CONTRACT.md section 5): ``answer``, ranked ``passages`` and ``sources``."""
    return await run(lambda: engines.ask(body.question).to_dict())


@router.get("/knowledge", tags=["knowledge"], summary="List the kinds of knowledge")
def knowledge_kinds(engines: EnginesDep) -> list[KnowledgeKind]:
    """Each kind of knowledge item, how many there are, and whether they have patient pages."""
    return [
        KnowledgeKind(kind=kind, count=len(table), has_pages=kind in PAGE_KINDS)
        for kind, table in engines.kb.tables().items()
    ]


@router.get("/knowledge/{kind}", tags=["knowledge"], summary="List the items of one kind")
def knowledge_list(kind: str, engines: EnginesDep) -> KnowledgeList:
    """Ids and names of the items of ``kind`` (causes, tests, specialists, treatments, findings, …)."""
    items = [KnowledgeEntryOut(id=e.id, name=e.name) for e in engines.entries(kind)]
    return KnowledgeList(kind=kind, items=items)


@router.get("/knowledge/{kind}/{item_id}", tags=["knowledge"], summary="One knowledge item")
def knowledge_item(kind: str, item_id: str, engines: EnginesDep) -> KnowledgeItemOut:
    """The item as stored in the knowledge base, and its patient page when its kind has pages."""
    item = engines.item(kind, item_id)
    page = engines.page(kind, item_id)
    return KnowledgeItemOut(
        kind=kind,
        id=item_id,
        item=as_data(item),
        page=as_data(page) if page is not None else None,
    )
