"""The summary for your doctor: what the person said and answered, the result and the first steps, in
plain words, short enough to print on one or two A4 pages (no clinical facts here: every sentence
comes from the engines' results and the knowledge base's wording)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lumbar.plain_words import quantity
from lumbar.web.views import CauseView, result_view, told

if TYPE_CHECKING:
    from lumbar.care.models import CarePlan
    from lumbar.interview.models import InterviewState, Result
    from lumbar.web.engines import Engines

#: causes shown with their points for and against; the others are named only
DETAILED_CAUSES = 3
#: the words for an answer given with a button
ANSWER_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


@dataclass(frozen=True)
class AnsweredQuestion:
    """A question as it was asked and the answer given, in words."""

    question: str
    answer: str


@dataclass(frozen=True)
class DoctorSummary:
    """Everything the summary page shows, in the order it shows it."""

    own_words: str
    #: what the description told (and what follows from it), apart from the questions answered
    said_yes: list[str]
    said_no: list[str]
    warning_signs: list[AnsweredQuestion]
    other_answers: list[AnsweredQuestion]
    level_title: str
    level_reasons: list[str]
    causes: list[CauseView]
    other_causes: list[str]
    urgent_actions: list[str]
    first_steps_title: str
    first_steps: list[str]
    plan: CarePlan


def answer_words(value: str | float, unit: str | None) -> str:
    """An interview answer as words: "Yes", "No", "Not sure", or the number with its unit."""
    if isinstance(value, str):
        return ANSWER_WORDS.get(value, value)
    return quantity(float(value), unit)


def answered(state: InterviewState, engines: Engines) -> list[tuple[bool, AnsweredQuestion]]:
    """(is a warning sign, question and answer) for each question answered, in the order asked."""
    rows = []
    for finding_id in dict.fromkeys(state.asked):
        if finding_id not in state.answers or finding_id not in engines.kb.findings:
            continue
        finding = engines.kb.findings[finding_id]
        question = finding.question or engines.finding_name(finding_id)
        words = answer_words(state.answers[finding_id], engines.finding_unit(finding_id))
        rows.append((finding.warning_sign, AnsweredQuestion(question, words)))
    return rows


def doctor_summary(result: Result, plan: CarePlan, engines: Engines) -> DoctorSummary:
    """The summary for a finished interview and its care plan."""
    view = result_view(result.assessment, plan, engines)
    rows = answered(result.state, engines)
    first = plan.sections[0] if plan.sections else None
    unasked = [f for f in result.assessment.findings if f.id not in result.state.answers]
    return DoctorSummary(
        own_words=result.state.text,
        said_yes=[told(f, engines) for f in unasked if f.status in ("present", "possible")],
        said_no=[engines.finding_name(f.id) for f in unasked if f.status == "absent"],
        warning_signs=[row for sign, row in rows if sign],
        other_answers=[row for sign, row in rows if not sign],
        level_title=view.level_title,
        level_reasons=[reason.text for reason in result.assessment.level_reasons],
        causes=view.causes[:DETAILED_CAUSES],
        other_causes=[cause.name for cause in view.causes[DETAILED_CAUSES:]],
        urgent_actions=list(plan.urgent.actions) if plan.urgent else [],
        first_steps_title=first.title if first else "",
        first_steps=[item.title for item in first.items] if first else [],
        plan=plan,
    )
