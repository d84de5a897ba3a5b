"""The summary for your doctor and the FHIR export, made from a person's diary: the newest saved check
(its assessment, and the words and answers it came from) with every questionnaire score kept in the
diary, the care plan made again with the newest STarT Back group among them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lumbar.assessment import Assessment
from lumbar.care.models import CarePlan
from lumbar.care.stratified import START_BACK
from lumbar.errors import NotFoundError
from lumbar.export.fhir import fhir_bundle
from lumbar.export.records import DatedScore, latest_band
from lumbar.export.summary import DoctorSummary, doctor_summary
from lumbar.interview.models import InterviewState, Result
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.schemas import assessment as schema
from lumbar.schemas import interview as interview_schema
from lumbar.store import PersonRecord, Store
from lumbar.store.scores import to_dated
from lumbar.web.engines import Engines

NO_CHECK = (
    "there is no saved check in your diary yet. Check your back, save the result in your diary, "
    "then come back here"
)
#: why the "interview" ended, for a check read back from the diary
SAVED = "the check was saved in the diary"


@dataclass(frozen=True)
class DiaryRecordOfCare:
    """What a summary or an export of the diary is made of."""

    result: Result
    plan: CarePlan
    scores: list[DatedScore]


def from_diary(store: Store, engines: Engines, person: PersonRecord) -> DiaryRecordOfCare:
    """The newest saved check and every kept score of ``person``; NotFoundError without a saved check."""
    saved = store.assessments.of(person.id)
    if not saved:
        raise NotFoundError(NO_CHECK)
    kept: dict[str, Any] = saved[-1].assessment
    assessment: Assessment = to_runtime(schema.Assessment.model_validate(kept["assessment"]))
    # a check saved before its words were kept has none to quote
    state: InterviewState = to_runtime(
        interview_schema.InterviewState.model_validate(kept.get("state") or {"text": ""})
    )
    kb = engines.kb
    scores = [to_dated(kb, r) for r in store.scores.of(person.id) if r.questionnaire in kb.questionnaires]
    plan = engines.plan(assessment, latest_band(scores, START_BACK))
    result = Result(
        assessment=assessment, questions_asked=len(state.asked), stopped_because=SAVED, state=state
    )
    return DiaryRecordOfCare(result, plan, scores)


def diary_summary(store: Store, engines: Engines, person: PersonRecord) -> DoctorSummary:
    """The summary for the doctor from the diary: the newest saved check and every kept score."""
    made = from_diary(store, engines, person)
    return doctor_summary(made.result, made.plan, engines, made.scores)


def diary_fhir(store: Store, engines: Engines, person: PersonRecord) -> dict[str, Any]:
    """The FHIR R4B Bundle of the diary: a QuestionnaireResponse and its Observations for each kept score,
    the newest saved check's RiskAssessment and its CarePlan."""
    made = from_diary(store, engines, person)
    when = datetime.combine(engines.settings.today(), datetime.min.time(), UTC)
    return fhir_bundle(made.result.assessment, made.plan, made.scores, engines.kb, when)
