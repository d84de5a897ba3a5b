"""Keeping a first assessment, and its plan, in a person's diary: from the interview's saved state, whose
words and answers are kept with it for the summary for the doctor."""

from __future__ import annotations

from lumbar.errors import NotFoundError
from lumbar.interview.models import Result
from lumbar.knowledge.dump import as_data
from lumbar.store import AssessmentRecord, PersonRecord, Store
from lumbar.web.engines import Engines
from lumbar.web.saved_states import SavedStates

NO_RESULT_YET = (
    "that check is not finished yet, so there is no result to keep. Please answer its questions first"
)


def keep_assessment(
    store: Store, engines: Engines, saved: SavedStates, person: PersonRecord, key: str
) -> AssessmentRecord:
    """Save the result of the interview at ``key`` (its assessment and care plan) for ``person``.

    Raises NotFoundError for an unknown or expired interview, or one still waiting for an answer.
    """
    reply = engines.current_question(saved.load(key))
    if not isinstance(reply, Result):
        raise NotFoundError(NO_RESULT_YET)
    assessment = reply.assessment
    plan = engines.plan(assessment)
    kept = {
        "assessment": as_data(assessment),
        "plan": as_data(plan),
        "state": as_data(reply.state),
    }
    return store.assessments.add(person.id, str(assessment.level), kept, engines.settings.now())
