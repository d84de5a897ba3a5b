"""Issue 10, item 0: every question, in every wording, records "yes", "no" and "not sure" the right way round.

A second wording may ask the other way round ("Can you walk on your heels as usual?" asks about weakness
by its absence); its ``yes_means`` says so and the interview must apply it. The hazard "answer recorded
the wrong way round" (docs/hazard-log.md) is guarded here.
"""

from __future__ import annotations

import pytest

from lumbar.interview.engine import Interviewer
from lumbar.interview.models import InterviewState
from lumbar.interview.state import engine_answers
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Finding, UnsurePolicy, ValueType

KB = load_knowledge()
TEXT = "my lower back hurts"
YES_NO = [f for f in KB.findings.values() if f.question and f.type is ValueType.BOOLEAN]
REWORDED = [f for f in YES_NO if f.unsure_question is not None]


@pytest.fixture(scope="module")
def interviewer() -> Interviewer:
    from lumbar.assessor import default_engine

    return Interviewer(default_engine())


def _recorded(interviewer: Interviewer, state: InterviewState, answer: str, finding: Finding) -> bool | None:
    after = interviewer.step(state, answer)  # type: ignore[arg-type]
    return engine_answers(KB, after.state).get(finding.id)  # type: ignore[return-value]


@pytest.mark.parametrize("finding", YES_NO, ids=[f.id for f in YES_NO])
def test_the_first_wording_records_yes_as_present_and_no_as_absent(
    interviewer: Interviewer, finding: Finding
) -> None:
    state = InterviewState(text=TEXT, pending=finding.id)
    assert _recorded(interviewer, state, "yes", finding) is True
    assert _recorded(interviewer, state, "no", finding) is False
    unsure = _recorded(interviewer, state, "unsure", finding)
    assert unsure is (True if finding.unsure is UnsurePolicy.PRESENT else None)


@pytest.mark.parametrize("finding", REWORDED, ids=[f.id for f in REWORDED])
def test_the_second_wording_records_its_answer_by_its_own_polarity(
    interviewer: Interviewer, finding: Finding
) -> None:
    wording = finding.unsure_question
    assert wording is not None and finding.unsure is UnsurePolicy.REASK
    state = InterviewState(text=TEXT, answers={finding.id: "unsure"}, asked=[finding.id], pending=finding.id)
    present_answer, absent_answer = ("yes", "no") if wording.yes_means == "present" else ("no", "yes")
    assert _recorded(interviewer, state, present_answer, finding) is True
    assert _recorded(interviewer, state, absent_answer, finding) is False
    # a second "not sure" about a warning sign counts as present: when in doubt, escalate
    assert _recorded(interviewer, state, "unsure", finding) is True


def test_the_reask_question_carries_its_wording_and_polarity(interviewer: Interviewer) -> None:
    for finding in REWORDED:
        state = InterviewState(text=TEXT, answers={finding.id: "unsure"}, asked=[finding.id])
        question = interviewer._next(state)
        assert question.kind == "question" and question.id == finding.id, finding.id
        assert question.text == finding.unsure_question.text  # type: ignore[union-attr]
        assert question.yes_means == finding.unsure_question.yes_means  # type: ignore[union-attr]


def test_some_wording_asks_the_other_way_round() -> None:
    """The test above is not empty: the knowledge base has wordings of both polarities."""
    assert {f.unsure_question.yes_means for f in REWORDED} == {"present", "absent"}  # type: ignore[union-attr]
