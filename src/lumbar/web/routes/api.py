"""The REST API under ``/api/``: the same engine calls as the pages, as JSON."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from lumbar.care.models import CarePlan
from lumbar.web.deps import EnginesDep, SignerDep
from lumbar.web.engines import PAGE_KINDS
from lumbar.web.errors import ERROR_RESPONSES
from lumbar.web.schemas import (
    AskReply,
    AskRequest,
    InterviewReply,
    KnowledgeEntryOut,
    KnowledgeItemOut,
    KnowledgeKind,
    KnowledgeList,
    StepRequest,
    TextRequest,
)

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


@router.post(
    "/assess",
    tags=["assess"],
    summary="Assess a free-text description",
    response_description="the CONTRACT.md assessment: level, reasons, causes, findings, questions, advice, sources",
)
def assess(body: TextRequest, engines: EnginesDep) -> dict[str, Any]:
    """Urgency level with reasons, likely causes with the findings for and against, and sources."""
    return engines.assess(body.text).to_json_dict()


@router.post(
    "/interview/start", tags=["interview"], summary="Start an interview", response_model=InterviewReply
)
def interview_start(body: TextRequest, engines: EnginesDep, signer: SignerDep) -> InterviewReply:
    """The first question (or the result at once), with a signed ``token`` to send back with the answer."""
    reply = engines.start_interview(body.text)
    return InterviewReply.of(reply, signer.sign(reply.state))


@router.post(
    "/interview/step", tags=["interview"], summary="Answer a question", response_model=InterviewReply
)
def interview_step(body: StepRequest, engines: EnginesDep, signer: SignerDep) -> InterviewReply:
    """The next question or the result. A token that was changed or is too old is refused (400)."""
    state = signer.read(body.token)
    reply = engines.step_interview(state, body.answer)
    return InterviewReply.of(reply, signer.sign(reply.state))


@router.post("/plan", tags=["care"], summary="Make a care plan", response_model=CarePlan)
def plan(body: TextRequest, engines: EnginesDep) -> CarePlan:
    """A personal care plan for the description: urgent action first when needed, then self-care by
    time window (today, 48 hours, two weeks) and the safety-net."""
    return engines.plan(engines.assess(body.text))


@router.post("/ask", tags=["ask"], summary="Ask a question", response_model=AskReply)
def ask(body: AskRequest, engines: EnginesDep) -> dict[str, Any]:
    """A cited answer (CONTRACT.md section 5): ``answer``, ranked ``passages`` and ``sources``."""
    return engines.ask(body.question).to_dict()


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
        item=item.model_dump(mode="json"),
        page=page.model_dump(mode="json") if page is not None else None,
    )
