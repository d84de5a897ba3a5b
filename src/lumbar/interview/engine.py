"""The interview engine: ``start(text)`` and ``step(state, answer)`` return a Question or a Result.

The state is plain JSON (see :class:`InterviewState`), so a web page or an API can keep it on the
client: nothing is stored on the server between steps.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from lumbar.assessment import NextQuestion
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.errors import InterviewError
from lumbar.intake.reader import possible_signs
from lumbar.intake.validate import check_text
from lumbar.interview.answers import check_answer
from lumbar.interview.models import AnswerChoice, AnswerValue, InterviewState, Progress, Question, Result
from lumbar.interview.policy import MAX_QUESTIONS, Ask, Known, Stop, choose
from lumbar.interview.state import engine_answers, load_state, pending_reask, record, undo
from lumbar.knowledge.schema import Finding, YesMeans
from lumbar.triage.differential import triage_and_rank
from lumbar.triage.rules import FindingState

#: InterviewState in any of the forms a client may send back.
StateLike = InterviewState | dict[str, Any] | str | bytes


class Interviewer:
    """Runs interviews over one assessment engine; holds no per-interview data."""

    def __init__(self, engine: AssessmentEngine, cap: int = MAX_QUESTIONS) -> None:
        self.engine = engine
        self.kb = engine.kb
        self.cap = cap

    def start(self, text: str) -> Question | Result:
        """The first question about ``text`` (or the result, when nothing is worth asking)."""
        check_text(text)
        return self._next(InterviewState(text=text))

    def step(self, state: StateLike, answer: AnswerValue) -> Question | Result:
        """Answer the question ``state`` waits for ("back" undoes the last answer) and go on."""
        state = load_state(self.kb, state, self.cap)
        if isinstance(answer, str) and answer == "back":
            return self._next(undo(state))
        finding_id = state.pending or self._pending(state)
        finding = self.kb.findings[finding_id]
        value = check_answer(finding, answer)
        reask = finding_id == pending_reask(self.kb, state)
        if reask and finding.unsure_question is not None and isinstance(value, str):
            # the second wording may ask the other way round ("can you walk on your heels as usual?")
            value = finding.unsure_question.finding_answer(value)
        return self._next(record(state, finding_id, value, reask=reask))

    def current(self, state: StateLike) -> Question | Result:
        """The question ``state`` waits for, asked again (after an answer that could not be used)."""
        return self._next(load_state(self.kb, state, self.cap))

    def known(self, state: InterviewState) -> Known:
        """Findings, level and causes from the text and the answers in ``state``."""
        reading = self.engine.read(state.text, engine_answers(self.kb, state))
        known = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
        possible = tuple(f.id for f in possible_signs(reading, self.kb))
        notices = {n.finding: n.text for n in self.engine.notices(reading)}
        result, causes = triage_and_rank(self.kb, known)
        return Known(known, result, causes, possible, notices)

    def _pending(self, state: InterviewState) -> str:
        choice = choose(self.kb, state, self.known(state), self.cap)
        if isinstance(choice, Stop):
            raise InterviewError("this interview is finished: there is no question to answer; start again")
        return choice.finding.id

    def _next(self, state: InterviewState) -> Question | Result:
        known = self.known(state)
        choice = choose(self.kb, state, known, self.cap)
        if isinstance(choice, Ask):
            return self._question(state, choice, known.notices.get(choice.finding.id))
        return self._result(state, choice)

    def _question(self, state: InterviewState, ask: Ask, notice: str | None = None) -> Question:
        """The question to ask; a number the text gave that could not be right is why it is asked."""
        finding = ask.finding
        text = finding.question
        yes_means: YesMeans = "present"
        if ask.reasked and finding.unsure_question is not None:
            text = finding.unsure_question.text
            yes_means = finding.unsure_question.yes_means
        asked = len(state.asked)
        return Question(
            id=finding.id,
            text=text or finding.name,
            why=f"{notice} {ask.why}" if notice else ask.why,
            type=finding.type.value,
            unit=finding.unit,
            choices=[AnswerChoice(id=c.id, text=c.text) for c in finding.choices],
            warning_sign=finding.warning_sign,
            reasked=ask.reasked,
            yes_means=yes_means,
            progress=Progress(asked=asked, estimated_total=asked + 1 + ask.left_after),
            state=state.replace(pending=finding.id),
        )

    def _result(self, state: InterviewState, stop: Stop) -> Result:
        answers = engine_answers(self.kb, state)
        assessment = self.engine.assess(state.text, answers)
        left = [_next_question(c.finding, c.why) for c in stop.left[:6]]
        assessment = assessment.replace(next_questions=left, interviewed=True)
        return Result(
            assessment=assessment,
            questions_asked=len(state.asked),
            stopped_because=stop.reason,
            state=state.replace(pending=None),
        )


def _next_question(finding: Finding, why: str) -> NextQuestion:
    return NextQuestion(
        id=finding.id, text=finding.question or finding.name, why=why, warning_sign=finding.warning_sign
    )


@cache
def default_interviewer() -> Interviewer:
    """The interviewer over the packaged knowledge base."""
    return Interviewer(default_engine())


def start(text: str) -> Question | Result:
    """Start an interview from a free-text description; see :meth:`Interviewer.start`."""
    return default_interviewer().start(text)


def step(state: StateLike, answer: AnswerValue) -> Question | Result:
    """Answer the current question of ``state``; see :meth:`Interviewer.step`."""
    return default_interviewer().step(state, answer)
