"""The summary for your doctor: what the person said and answered, the result, questionnaire scores over
time, medicines, what they tried and the first steps, in plain words, on one A4 or Letter page (no
clinical facts here: every sentence comes from the engines' results and the knowledge base's wording).

The web page and the command line build it here alike; :mod:`lumbar.export.summary_pdf` renders it as
an HTML file and, printed by WeasyPrint, a PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from lumbar.care.medicines import medicines_taken
from lumbar.export.records import DatedScore, by_questionnaire
from lumbar.export.result_words import SHOWN_CAUSES, CauseView, Names, cause_view, page_title, told
from lumbar.plain_words import quantity
from lumbar.questionnaires.change import compare

if TYPE_CHECKING:
    from lumbar.care.models import CarePlan
    from lumbar.interview.models import InterviewState, Result

#: causes shown with their points for and against; the others are named only
DETAILED_CAUSES = 3
#: the words for an answer given with a button
ANSWER_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
ADVISED_AGAINST = "advised_against"
#: the finding group of medicines taken and things tried (findings.yaml)
TRIED_GROUP = "medication"
#: a change between the first and the last score of a questionnaire, for a clinician
TREND_WORDS = {
    "better": "better: a change big enough to matter",
    "worse": "worse: a change big enough to matter",
    "no_real_change": "no change big enough to matter",
    "same": "no change",
    "groups_only": "compare the groups",
}


@dataclass(frozen=True)
class ScoreEntry:
    """One filling of a questionnaire: the day, the score with its unit, the group."""

    when: date
    score: str
    group: str | None


@dataclass(frozen=True)
class ScoreHistory:
    """A questionnaire's scores, oldest first, and the trend from the first to the last."""

    name: str
    entries: list[ScoreEntry]
    parts: list[str]
    trend: str | None


@dataclass(frozen=True)
class MedicineLimit:
    """A medicine of the plan and its limits."""

    title: str
    limits: str


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
    scores: list[ScoreHistory] = field(default_factory=list)
    #: the medicines the person said they take, by name
    medicines_taken: list[str] = field(default_factory=list)
    plan_medicines: list[MedicineLimit] = field(default_factory=list)
    #: what the person has tried for it (heat, a gel, a medicine that does not help …)
    tried: list[str] = field(default_factory=list)


def answer_words(value: str | float, unit: str | None) -> str:
    """An interview answer as words: "Yes", "No", "Not sure", or the number with its unit."""
    if isinstance(value, str):
        return ANSWER_WORDS.get(value, value)
    return quantity(float(value), unit)


def answered(state: InterviewState, names: Names) -> list[tuple[bool, AnsweredQuestion]]:
    """(is a warning sign, question and answer) for each question answered, in the order asked."""
    rows = []
    for finding_id in dict.fromkeys(state.asked):
        if finding_id not in state.answers or finding_id not in names.kb.findings:
            continue
        finding = names.kb.findings[finding_id]
        question = finding.question or names.finding_name(finding_id)
        value = state.answers[finding_id]
        choice = finding.choice(value) if isinstance(value, str) else None
        words = choice.text if choice is not None else answer_words(value, names.finding_unit(finding_id))
        rows.append((finding.warning_sign, AnsweredQuestion(question, words)))
    return rows


def score_histories(scores: Sequence[DatedScore], names: Names) -> list[ScoreHistory]:
    """Each questionnaire's scores over time, with the trend when it was filled more than once."""
    histories = []
    for questionnaire_id, dated in by_questionnaire(list(scores)).items():
        questionnaire = names.kb.questionnaires[questionnaire_id]
        first, last = dated[0].score, dated[-1].score
        trend = TREND_WORDS[compare(questionnaire, first, last).direction] if len(dated) > 1 else None
        histories.append(
            ScoreHistory(
                name=questionnaire.name,
                entries=[
                    ScoreEntry(d.when, f"{d.score.total} {d.score.unit}", d.score.band_name) for d in dated
                ],
                parts=[f"{p.name}: {p.score} out of {p.highest}" for p in last.subscales],
                trend=trend,
            )
        )
    return histories


def plan_medicines(plan: CarePlan) -> list[MedicineLimit]:
    """The plan's items with dose limits (its medicines), once each; not those it advises against."""
    found = {
        item.title: item.dose_limits
        for section in plan.sections
        if section.id != ADVISED_AGAINST
        for item in section.items
        if item.dose_limits
    }
    return [MedicineLimit(title, limits) for title, limits in found.items()]


def doctor_summary(
    result: Result, plan: CarePlan, names: Names, scores: Sequence[DatedScore] = ()
) -> DoctorSummary:
    """The summary for a finished interview, its care plan and any questionnaire scores."""
    assessment = result.assessment
    absent = set(assessment.negated) | {f.id for f in assessment.findings if f.status == "absent"}
    causes = [cause_view(c, absent, names) for c in assessment.causes[:SHOWN_CAUSES]]
    rows = answered(result.state, names)
    first = plan.sections[0] if plan.sections else None
    unasked = [f for f in result.assessment.findings if f.id not in result.state.answers]
    tried = [
        f
        for f in unasked
        if f.status == "present"
        and f.id in names.kb.findings
        and names.kb.findings[f.id].group == TRIED_GROUP
    ]
    told_apart = {f.id for f in tried}
    # a medicine taken is named under "Says they take"; the other things tried are listed by name
    medicine_kinds = {kind.finding for kind in names.kb.medicine_classes.values()}
    tried = [f for f in tried if f.id not in medicine_kinds]
    return DoctorSummary(
        own_words=result.state.text,
        said_yes=[
            told(f, names) for f in unasked if f.status in ("present", "possible") and f.id not in told_apart
        ],
        said_no=[names.finding_name(f.id) for f in unasked if f.status == "absent"],
        warning_signs=[row for sign, row in rows if sign],
        other_answers=[row for sign, row in rows if not sign],
        level_title=page_title(plan, names.kb.levels[assessment.level]),
        level_reasons=[reason.text for reason in result.assessment.level_reasons],
        causes=causes[:DETAILED_CAUSES],
        other_causes=[cause.name for cause in causes[DETAILED_CAUSES:]],
        urgent_actions=list(plan.urgent.actions) if plan.urgent else [],
        first_steps_title=first.title if first else "",
        first_steps=[item.title for item in first.items] if first else [],
        plan=plan,
        scores=score_histories(scores, names),
        medicines_taken=[name for name, _ in medicines_taken(result.assessment, names.kb)],
        plan_medicines=plan_medicines(plan),
        tried=[told(f, names) for f in tried],
    )
