"""Run the interview against labelled cases: a simulated person answers from the case's truth.

The person says yes for a finding the case has, no for one it lacks, the number for a value, the
choice whose findings agree with the truth for a one-of-several question, and
"not sure" for anything the case leaves open (or, for ids in ``unsure_first``, the first time it is
asked). A file-level ``defaults.absent`` lists what people know they do not have unless a case
says otherwise. Each case also gets an *oracle* run, the assessment with the whole truth known, so a
miss can be put down to the interview (a question not asked) or to the knowledge (rules, LRs).
"""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lumbar.errors import InputError
from lumbar.interview.engine import Interviewer
from lumbar.interview.models import AnswerValue, Question
from lumbar.knowledge.choices import choice_answers, is_choice
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding, Level

#: the targets of issue 4.
TARGETS = {"under_triage": 0, "level_accuracy": 0.95, "top3_accuracy": 0.90, "median_questions": 8}


class SimCase(BaseModel):
    """One labelled case: the opening words, the truth, the expected level and acceptable causes."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    present: list[str] = Field(default_factory=list)
    absent: list[str] = Field(default_factory=list)
    values: dict[str, float] = Field(default_factory=dict)
    unsure_first: list[str] = Field(default_factory=list, description="answered 'not sure' when first asked")
    level: Level
    acceptable: list[Level] = Field(
        default_factory=list, description="levels counted as right (default: level)"
    )
    causes: list[str] = Field(
        description="acceptable top-3 causes; the first is the true cause; [] = not scored"
    )
    note: str | None = None
    known_issue: str | None = Field(
        None, description="why this case is known to miss (a knowledge or intake gap)"
    )

    @property
    def levels(self) -> list[Level]:
        return self.acceptable or [self.level]


class SimFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    defaults: dict[str, list[str]] = Field(default_factory=dict)
    cases: list[SimCase]


@dataclass
class Patient:
    """A simulated person who answers from the truth of one case."""

    kb: KnowledgeBase
    case: SimCase
    absent: set[str]
    asked: set[str] = field(default_factory=set)

    def truth(self, finding_id: str) -> bool | float | None:
        """True, False, a number, or None when the case leaves the finding open."""
        case = self.case
        if finding_id in case.values:
            return case.values[finding_id]
        if finding_id in case.present or finding_id in self._implied():
            return True
        finding = self.kb.findings[finding_id]
        rule = finding.derived_from
        if rule is not None and rule.finding in case.values:
            return rule.holds(case.values[rule.finding])
        if finding_id in self.absent or any(
            finding_id in self.kb.findings[p].rules_out for p in case.present
        ):
            return False
        if finding.covers:  # a screening question: a person knows whether any of these is so
            answers = [self.truth(c) for c in finding.covers]
            if any(a is True for a in answers):
                return True
            if any(a is False for a in answers):
                return False
        return None

    def answer(self, question: Question) -> AnswerValue:
        first = question.id not in self.asked
        self.asked.add(question.id)
        if first and question.id in self.case.unsure_first:
            return "unsure"
        finding = self.kb.findings[question.id]
        if is_choice(finding):
            return self.choose(finding)
        value = self.truth(question.id)
        if value is None:
            return "unsure"
        if isinstance(value, bool):
            # a person answers the question as worded ("can you walk on your heels as usual?")
            return "yes" if value == (question.yes_means == "present") else "no"
        return value

    def choose(self, finding: Finding) -> AnswerValue:
        """The one choice whose findings all agree with the truth, or "unsure" when the truth does
        not single one out."""
        fitting = [
            c.id
            for c in finding.choices
            if all(self.truth(f) is value for f, value in choice_answers(c).items())
        ]
        return fitting[0] if len(fitting) == 1 else "unsure"

    def _implied(self) -> set[str]:
        out: set[str] = set()
        todo = list(self.case.present)
        while todo:
            current = todo.pop()
            for implied in self.kb.findings[current].implies:
                if implied not in out:
                    out.add(implied)
                    todo.append(implied)
        return out


@dataclass(frozen=True)
class Outcome:
    """What happened in one case."""

    id: str
    expected: Level
    acceptable: list[Level]
    level: Level
    causes: list[str]  # top 3
    wanted: list[str]
    questions: int
    asked: list[str]
    stopped_because: str
    oracle_level: Level
    oracle_causes: list[str]
    known_issue: str | None = None

    @property
    def level_ok(self) -> bool:
        return self.level in self.acceptable

    @property
    def under_triage(self) -> bool:
        return self.level.rank < min(level.rank for level in self.acceptable)

    @property
    def over_triage(self) -> bool:
        return self.level.rank > max(level.rank for level in self.acceptable)

    @property
    def scored(self) -> bool:
        return bool(self.wanted)

    @property
    def causes_ok(self) -> bool:
        return bool(set(self.causes) & set(self.wanted))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "expected": self.expected.value,
            "acceptable": [lv.value for lv in self.acceptable],
            "level": self.level.value,
            "level_ok": self.level_ok,
            "under_triage": self.under_triage,
            "top3": self.causes,
            "acceptable_causes": self.wanted,
            "causes_ok": self.causes_ok if self.scored else None,
            "questions": self.questions,
            "asked": self.asked,
            "stopped_because": self.stopped_because,
            "oracle_level": self.oracle_level.value,
            "oracle_top3": self.oracle_causes,
            "known_issue": self.known_issue,
        }


@dataclass(frozen=True)
class Report:
    """The figures over all cases, and the misses."""

    outcomes: list[Outcome]

    @property
    def level_accuracy(self) -> float:
        return sum(o.level_ok for o in self.outcomes) / len(self.outcomes)

    @property
    def under_triage(self) -> list[str]:
        return [o.id for o in self.outcomes if o.under_triage]

    @property
    def top3_accuracy(self) -> float:
        scored = [o for o in self.outcomes if o.scored]
        return sum(o.causes_ok for o in scored) / len(scored) if scored else 1.0

    @property
    def questions(self) -> dict[str, float]:
        counts = sorted(o.questions for o in self.outcomes)
        p90 = counts[max(0, math.ceil(0.9 * len(counts)) - 1)]
        return {"median": statistics.median(counts), "p90": p90, "max": counts[-1]}

    @property
    def targets_met(self) -> dict[str, bool]:
        return {
            "under_triage": len(self.under_triage) <= TARGETS["under_triage"],
            "level_accuracy": self.level_accuracy >= TARGETS["level_accuracy"],
            "top3_accuracy": self.top3_accuracy >= TARGETS["top3_accuracy"],
            "median_questions": self.questions["median"] <= TARGETS["median_questions"],
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": len(self.outcomes),
            "level_accuracy": round(self.level_accuracy, 4),
            "under_triage": self.under_triage,
            "over_triage": [o.id for o in self.outcomes if o.over_triage],
            "level_misses": [o.id for o in self.outcomes if not o.level_ok],
            "top3_accuracy": round(self.top3_accuracy, 4),
            "top3_misses": [o.id for o in self.outcomes if o.scored and not o.causes_ok],
            "questions": self.questions,
            "targets": TARGETS,
            "targets_met": self.targets_met,
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def load_cases(path: str | Path, kb: KnowledgeBase) -> list[SimCase]:
    """Cases from a YAML file (``defaults`` + ``cases``) or JSONL (one case a line), checked against ``kb``."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the cases file {path}: {exc.strerror}") from None
    try:
        if path.suffix == ".jsonl":
            data: Any = {"cases": [json.loads(line) for line in raw.splitlines() if line.strip()]}
        else:
            data = yaml.safe_load(raw)
        sim = SimFile.model_validate(data)
    except (yaml.YAMLError, json.JSONDecodeError, ValidationError) as exc:
        raise InputError(f"{path}: not a valid cases file: {exc}") from None
    default_absent = sim.defaults.get("absent", [])
    problems = _check(sim.cases, default_absent, kb)
    if problems:
        raise InputError(f"{path}: {len(problems)} problem(s):\n" + "\n".join(f"  - {p}" for p in problems))
    return [
        case.model_copy(update={"absent": _defaults_for(case, default_absent) + case.absent})
        for case in sim.cases
    ]


def _defaults_for(case: SimCase, default_absent: list[str]) -> list[str]:
    mentioned = set(case.present) | set(case.values) | set(case.absent) | set(case.unsure_first)
    return [f for f in default_absent if f not in mentioned]


def _check(cases: list[SimCase], default_absent: list[str], kb: KnowledgeBase) -> list[str]:
    problems = [f"defaults: unknown finding {f!r}" for f in default_absent if f not in kb.findings]
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            problems.append(f"{case.id}: duplicate id")
        seen.add(case.id)
        for f in [*case.present, *case.absent, *case.values, *case.unsure_first]:
            if f not in kb.findings:
                problems.append(f"{case.id}: unknown finding {f!r}")
        problems += [f"{case.id}: unknown cause {c!r}" for c in case.causes if c not in kb.causes]
        problems += [
            f"{case.id}: {f!r} is both present and absent" for f in set(case.present) & set(case.absent)
        ]
        if case.acceptable and case.level not in case.acceptable:
            problems.append(f"{case.id}: level {case.level.value} is not among its acceptable levels")
    return problems


def run_case(interviewer: Interviewer, case: SimCase) -> Outcome:
    """Interview the simulated person of ``case`` to the end."""
    kb = interviewer.kb
    patient = Patient(kb, case, set(case.absent))
    step = interviewer.start(case.text)
    while isinstance(step, Question):
        step = interviewer.step(step.state, patient.answer(step))
    assessment = step.assessment
    oracle = interviewer.engine.assess(case.text, _truth(patient))
    return Outcome(
        id=case.id,
        expected=case.level,
        acceptable=case.levels,
        level=assessment.level,
        causes=[c.id for c in assessment.causes[:3]],
        wanted=case.causes,
        questions=step.questions_asked,
        asked=list(step.state.asked),
        stopped_because=step.stopped_because,
        oracle_level=oracle.level,
        oracle_causes=[c.id for c in oracle.causes[:3]],
        known_issue=case.known_issue,
    )


def _truth(patient: Patient) -> dict[str, bool | float]:
    case = patient.case
    truth: dict[str, bool | float] = dict.fromkeys(patient.absent, False)
    truth.update(dict.fromkeys(case.present, True))
    truth.update(case.values)
    return truth


def simulate(interviewer: Interviewer, cases: list[SimCase]) -> Report:
    """Run every case and gather the figures."""
    return Report([run_case(interviewer, case) for case in cases])
