"""Free text (plus any interview answers) -> an explained, sourced Assessment.

The engine composes intake (text -> findings), triage (findings -> level), the differential
(findings -> ranked causes) and the question ranking; the knowledge base is passed in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

from lumbar.assessment import (
    Assessment,
    FoundFinding,
    LevelReason,
    NextQuestion,
    Notice,
    Person,
    RankedCause,
    Recommendation,
    Screening,
)
from lumbar.care.plan import plan_advice
from lumbar.errors import InputError
from lumbar.intake.reader import (
    POSSIBLE_WARNING_SIGN,
    ReadFinding,
    Reading,
    TextReader,
    complete,
    flag_possible,
    possible_signs,
)
from lumbar.intake.validate import check_text
from lumbar.knowledge.choices import asking_question
from lumbar.knowledge.derived import kept
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.memo import kept_tables, remember_tables
from lumbar.knowledge.terms import Sex
from lumbar.triage.differential import CauseScore, triage_and_rank
from lumbar.triage.questions import danger_leads, rank_questions
from lumbar.triage.recommend import choose_specialists, choose_tests, collect_sources, no_flag_reason
from lumbar.triage.rules import FindingState, TriageResult

#: an interview answer: True present, False absent, a number for a numeric finding.
Answer = bool | float
MAX_CAUSES = 8
MAX_QUESTIONS = 6


class AssessmentEngine:
    """Assesses texts against one knowledge base; build once and reuse (it holds the compiled lexicon)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.reader = TextReader(kb)

    def read(self, text: str, answers: Mapping[str, Answer] | None = None) -> Reading:
        """The findings of ``text``, overridden by interview ``answers``."""
        reading = self.reader.read(text) if text.strip() else Reading()
        _check_answers(answers or {})
        for finding_id, answer in (answers or {}).items():
            if finding_id not in self.kb.findings:
                continue
            if isinstance(answer, bool):
                reading.findings[finding_id] = ReadFinding(
                    finding_id, "present" if answer else "absent", "answered: " + ("yes" if answer else "no")
                )
            else:
                reading.findings[finding_id] = ReadFinding(
                    finding_id, "present", f"answered: {answer:g}", value=answer
                )
        if answers:
            # a number answered in the interview replaces the one of the text that could not be right
            reading.impossible = [n for n in reading.impossible if n.finding not in answers]
            complete(reading, self.kb)
            flag_possible(reading, self.kb)
        return reading

    def notices(self, reading: Reading) -> list[Notice]:
        """The plain-words notice of each number the text gave that could not be right."""
        out = []
        for number in reading.impossible:
            plausible = self.kb.findings[number.finding].plausible
            if plausible is not None:
                out.append(
                    Notice(
                        text=plausible.notice_for(number.evidence),
                        finding=number.finding,
                        evidence=number.evidence,
                    )
                )
        return out

    def assess(self, text: str, answers: Mapping[str, Answer] | None = None) -> Assessment:
        """Level, reasons, causes, questions, specialists, tests and advice for ``text``."""
        if not answers:
            check_text(text)
        reading, state, result, causes = self._triaged(text, answers)
        return self._build(reading, state, result, causes, sorted(answers or {}))

    def screen(self, text: str) -> Screening:
        """The level, its reasons, the findings, the likely causes and their sources for ``text``: the
        fields of :meth:`assess` that triage of an inbox needs, without ordering the questions still to
        ask or writing the plan (about half the work)."""
        check_text(text)
        reading, state, result, causes = self._triaged(text)
        unclear = self._unclear(reading)
        hinted = frozenset(u.id for u in unclear)
        # a warning sign still to ask comes first in the ranking: its first question tells
        first = rank_questions(self.kb, state, result, causes, exclude=hinted, limit=1)
        pending = bool(unclear) or bool(first and first[0].warning)
        reasons = self._reasons(result, state) or [no_flag_reason(self.kb, state, pending)]
        top, ranked = self._causes(causes)
        fits_back = not any(rule.outside_back for rule in result.fired)
        return Screening(
            level=result.level,
            level_reasons=reasons,
            causes=ranked,
            findings=self._findings(reading, result, top),
            sources=collect_sources(self.kb, reasons, ranked),
            fits_back_problem=fits_back,
            summary=_summary(self.kb, result, top, fits_back),
        )

    def _triaged(
        self, text: str, answers: Mapping[str, Answer] | None = None
    ) -> tuple[Reading, FindingState, TriageResult, list[CauseScore]]:
        """The reading of ``text`` (with ``answers``), what it makes known, the level and the causes."""
        reading = self.read(text, answers)
        state = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
        result, causes = triage_and_rank(self.kb, state)
        return reading, state, result, causes

    def _build(
        self,
        reading: Reading,
        state: FindingState,
        result: TriageResult,
        causes: list[CauseScore],
        answered: list[str],
    ) -> Assessment:
        kb = self.kb
        fits_back = not any(rule.outside_back for rule in result.fired)
        # a warning sign read only as "possibly there" is asked first (the policy of rule_possible_warning_sign)
        unclear = self._unclear(reading)
        hinted = frozenset(u.id for u in unclear)
        to_ask = rank_questions(kb, state, result, causes, exclude=hinted, limit=MAX_QUESTIONS)
        asked_next = [
            NextQuestion(
                id=q.finding.id, text=q.finding.question or q.finding.name, why=q.why, warning_sign=q.warning
            )
            for q in to_ask
        ]
        # the danger screen (ambulance whatever the cause) stays first, as in the interview
        lead = 1 if danger_leads(kb, to_ask) else 0
        questions = (asked_next[:lead] + unclear + asked_next[lead:])[:MAX_QUESTIONS]
        reasons = self._reasons(result, state) or [
            no_flag_reason(kb, state, any(q.warning_sign for q in questions))
        ]
        top, ranked = self._causes(causes)
        specialists = choose_specialists(kb, result, top)
        tests = choose_tests(kb, result, top)
        assessment = Assessment(
            level=result.level,
            level_reasons=reasons,
            causes=ranked,
            findings=self._findings(reading, result, top),
            next_questions=questions,
            specialists=specialists,
            tests=tests,
            advice=[],
            sources={},
            person=_person(reading),
            fits_back_problem=fits_back,
            summary=_summary(kb, result, top, fits_back),
            negated=sorted(reading.absent()),
            notices=self.notices(reading),
            answered=answered,
        )
        advice = self._advice(assessment)
        sources = collect_sources(kb, reasons, ranked, [*specialists, *tests, *advice])
        return assessment.replace(advice=advice, sources=sources)

    def _reasons(self, result: TriageResult, state: FindingState) -> list[LevelReason]:
        """Why the level: each fired rule's reason and action, with the findings and sources it used."""
        return [
            LevelReason(
                text=f"{rule.reason} {rule.action}",
                findings=sorted(rule.when.finding_ids() & state.present),
                sources=rule.source_ids,
                rule=rule.id,
            )
            for rule in result.fired
        ]

    def _unclear(self, reading: Reading) -> list[NextQuestion]:
        """A question for each warning sign the text gave only as "possibly there" (by its own question,
        or by the choice question that names it)."""
        return [
            NextQuestion(
                id=asker.id,
                text=asker.question or asker.name,
                why=f'You wrote "{f.evidence}"; please tell us clearly whether this is so.',
                warning_sign=True,
            )
            for f in possible_signs(reading, self.kb)
            if (asker := asking_question(self.kb, f.id)) is not None
        ]

    def _causes(self, causes: list[CauseScore]) -> tuple[list[CauseScore], list[RankedCause]]:
        """The causes worth reporting, as scored and as reported."""
        top = [c for c in causes if c.probability >= 0.005][:MAX_CAUSES]
        ranked = [
            RankedCause(
                id=c.cause.id,
                name=c.cause.name,
                probability=round(c.probability, 3),
                for_=c.for_,
                against=c.against,
                explanation=c.cause.explanation,
                sources=c.cause.source_ids,
            )
            for c in top
        ]
        return top, ranked

    def _findings(self, reading: Reading, result: TriageResult, top: list[CauseScore]) -> list[FoundFinding]:
        """Every finding read, and each derived one a fired rule or a ranked cause relies on (fever
        from 38.6)."""
        used = {f for rule in result.fired for f in rule.when.finding_ids()}
        used |= {f for c in top for f in (*c.for_, *c.against)}
        return [_found(f) for f in reading.findings.values() if _reported(f, self.kb, used)]

    def _advice(self, assessment: Assessment) -> list[Recommendation]:
        """The care plan's items: what to do now first at urgent levels, then self-care, each sourced."""
        return plan_advice(assessment, self.kb)


@cache
def default_engine() -> AssessmentEngine:
    """The engine over the packaged knowledge base, built on first use, then reused.

    Its tables, and the tables the engines build on a first assessment that are declared kept
    (:func:`lumbar.knowledge.memo.per_knowledge_base`), are kept in the cache folder too
    (:mod:`lumbar.knowledge.derived`), so the next process reads them instead of building them again.
    """
    kb = load_knowledge()
    engine, tables = kept(kb, "engine", lambda: (AssessmentEngine(kb), kept_tables(kb)))
    remember_tables(kb, tables)
    return engine


def assess(text: str, answers: Mapping[str, Answer] | None = None) -> Assessment:
    """Assess a free-text description of lower-back cramps; see :class:`lumbar.assessment.Assessment`."""
    return default_engine().assess(text, answers)


def _check_answers(answers: Mapping[str, Answer]) -> None:
    """Refuse an answered number that is not an ordinary finite number (NaN, infinity, 10**400)."""
    for finding_id, answer in answers.items():
        if isinstance(answer, bool):
            continue
        try:
            finite = math.isfinite(float(answer))
        except (OverflowError, TypeError, ValueError):
            finite = False
        if not finite:
            raise InputError(f"the answer to {finding_id!r} must be an ordinary number, not {answer!r:.40}")


def _reported(f: ReadFinding, kb: KnowledgeBase, used: set[str]) -> bool:
    """A finding read from the words, or a derived one (fever from a temperature) that is present or used."""
    if f.id == POSSIBLE_WARNING_SIGN:
        return False
    if kb.findings[f.id].derived_from is None:
        return True
    return f.id in used


def _found(f: ReadFinding) -> FoundFinding:
    status = "possible" if f.status == "present" and f.certainty == "possible" else f.status
    return FoundFinding(id=f.id, status=status, evidence=f.evidence, value=f.value, certainty=f.certainty)


def _person(reading: Reading) -> Person:
    sex: Sex | None = (
        "female" if "female" in reading.present() else "male" if "male" in reading.present() else None
    )
    return Person(
        subject="other" if reading.subject.who == "other" else "self",
        relation=reading.subject.relation,
        age=reading.value("age"),
        sex=sex,
        pregnancy_weeks=reading.value("pregnancy_weeks"),
        temperature_c=reading.value("temperature_c"),
        duration_days=reading.value("duration_days"),
        pain_score=reading.value("pain_score"),
    )


def _summary(kb: KnowledgeBase, result: TriageResult, top: list[CauseScore], fits_back: bool) -> str:
    head = kb.levels[result.level].action
    if not fits_back:
        return f"{head} This does not look like a back problem: {result.fired[0].name.lower()}."
    if top:
        return f"{head} Most likely: {top[0].cause.name.lower()} ({top[0].probability:.0%})."
    return head
