"""What every result of the engines satisfies whatever the input: checks that list the problems found.

Each check returns a list of plain sentences, empty when the result is sound, so that the fuzz tests
can assert ``== []`` (and show every problem at once) and ``benchmarks/fuzz_texts.py`` can count
them over many texts. The invariants are those the code guarantees by construction (read from
``assessor.py``, ``intake/reader.py``, ``interview/`` and ``ask/answer.py``), not wishes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping

from lumbar.ask.answer import MAX_QUESTION_CHARS, REFUSAL, SHOWN_PASSAGES, Answer
from lumbar.assessment import DISCLAIMER, Assessment
from lumbar.assessor import MAX_CAUSES, MAX_QUESTIONS
from lumbar.intake.normalise import normalise
from lumbar.intake.reader import POSSIBLE_WARNING_SIGN
from lumbar.interview import Question, Result
from lumbar.interview.state import check_state
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.schemas import assessment as schema

#: evidence that names the person's sex when the text gave it in other words ("a 45 M", "woman").
SEX_EVIDENCE = frozenset({"female", "male"})
ANSWERED = "answered: "
#: rounding to three decimals may add up to half a thousandth per cause shown.
PROBABILITY_SLACK = MAX_CAUSES * 0.0005


def assessment_problems(
    assessment: Assessment, text: str, kb: KnowledgeBase, answers: Mapping[str, bool | float] | None = None
) -> list[str]:
    """Everything wrong with ``assessment`` of ``text`` (and interview ``answers``); empty when sound."""
    problems: list[str] = []
    problems += _level_problems(assessment, kb)
    problems += _finding_problems(assessment, text, kb, answers or {})
    problems += _cause_problems(assessment, kb)
    problems += _question_list_problems(assessment, kb)
    cited = {s for r in assessment.level_reasons for s in r.sources}
    cited |= {s for c in assessment.causes for s in c.sources}
    cited |= {s for r in (*assessment.specialists, *assessment.tests, *assessment.advice) for s in r.sources}
    if set(assessment.sources) != cited:
        problems.append(f"sources {sorted(assessment.sources)} are not the ones cited {sorted(cited)}")
    problems += _person_problems(assessment)
    if not assessment.summary or assessment.disclaimer != DISCLAIMER:
        problems.append("the summary is empty or the disclaimer changed")
    try:
        as_json = json.dumps(assessment.to_json_dict(), allow_nan=False)
    except (TypeError, ValueError) as exc:
        problems.append(f"the assessment is not plain JSON: {exc}")
    else:
        if to_runtime(schema.Assessment.model_validate(json.loads(as_json))) != assessment:
            problems.append("the assessment does not survive a JSON round trip")
    return problems


def _level_problems(assessment: Assessment, kb: KnowledgeBase) -> list[str]:
    """The level is one of the five, set by the most urgent rule that fired (self-care when none did)."""
    if len(Level) != 5 or assessment.level not in Level:
        return [f"level {assessment.level!r} is not one of the five levels"]
    if not assessment.level_reasons:
        return ["no reason is given for the level"]
    rules = [r.rule for r in assessment.level_reasons if r.rule is not None]
    unknown = [r for r in rules if r not in kb.rules]
    if unknown:
        return [f"reasons name unknown rules {unknown}"]
    expected = max((kb.rules[r].level for r in rules), key=lambda lv: lv.rank, default=Level.SELF_CARE)
    problems = []
    if assessment.level is not expected:
        problems.append(f"level {assessment.level} but the fired rules {rules} give {expected}")
    shown = assessment.present | {POSSIBLE_WARNING_SIGN}
    ruled_out = {f for f in assessment.negated if f in kb.findings and kb.findings[f].warning_sign}
    for reason in assessment.level_reasons:
        # a fired rule names the findings it used; "no warning signs" names the signs ruled out
        if not set(reason.findings) <= (shown if reason.rule else ruled_out):
            problems.append(f"reason {reason.rule} names findings it cannot rely on: {reason.findings}")
    return problems


def _finding_problems(
    assessment: Assessment, text: str, kb: KnowledgeBase, answers: Mapping[str, bool | float]
) -> list[str]:
    """Known, unique findings; a consistent status; evidence quoted from the text (or an answer)."""
    problems = []
    ids = [f.id for f in assessment.findings]
    if len(ids) != len(set(ids)):
        problems.append(f"a finding is reported twice: {ids}")
    unknown = [i for i in ids if i not in kb.findings or i == POSSIBLE_WARNING_SIGN]
    if unknown:
        problems.append(f"unknown or internal findings reported: {unknown}")
    plain = normalise(text).casefold()
    for f in assessment.findings:
        if (f.status == "possible") != (f.status != "absent" and f.certainty == "possible"):
            problems.append(f"{f.id}: status {f.status} does not match certainty {f.certainty}")
        if f.evidence.startswith(ANSWERED):
            # an answer's words pass on to what it implies, rules out or screens
            if not answers:
                problems.append(f"{f.id}: evidence {f.evidence!r} but no answer was given")
        elif not f.evidence or (f.evidence.casefold() not in plain and f.evidence not in SEX_EVIDENCE):
            problems.append(f"{f.id}: evidence {f.evidence!r} is not words of the text")
    for finding_id, answer in answers.items():
        found = next((f for f in assessment.findings if f.id == finding_id), None)
        if found is None or kb.findings[finding_id].derived_from is not None:
            continue
        if answer is True and found.status != "present":
            problems.append(f"{finding_id}: answered yes but reported {found.status}")
        if not isinstance(answer, bool) and found.value != answer:
            problems.append(f"{finding_id}: answered {answer} but reported the value {found.value}")
    negated = assessment.negated
    if negated != sorted(set(negated)) or not set(negated) <= set(kb.findings):
        problems.append(f"negated is not a sorted list of known findings: {negated}")
    absent = {f.id for f in assessment.findings if f.status == "absent"}
    if not absent <= set(negated) or set(negated) & assessment.present:
        problems.append(f"negated {negated} does not match the absent findings {sorted(absent)}")
    return problems


def _cause_problems(assessment: Assessment, kb: KnowledgeBase) -> list[str]:
    causes = assessment.causes
    problems = []
    if len(causes) > MAX_CAUSES or len({c.id for c in causes}) != len(causes):
        problems.append(f"too many or repeated causes: {[c.id for c in causes]}")
    if any(c.id not in kb.causes for c in causes):
        problems.append(f"unknown causes: {[c.id for c in causes if c.id not in kb.causes]}")
    chances = [c.probability for c in causes]
    if any(not 0 < p <= 1 for p in chances) or chances != sorted(chances, reverse=True):
        problems.append(f"cause probabilities are not in (0, 1] from most likely down: {chances}")
    if sum(chances) > 1 + PROBABILITY_SLACK:
        problems.append(f"cause probabilities add up to {sum(chances)}, more than one")
    for cause in causes:
        if not set(cause.for_) | set(cause.against) <= set(kb.findings):
            problems.append(f"cause {cause.id} is explained by unknown findings")
    return problems


def _question_list_problems(assessment: Assessment, kb: KnowledgeBase) -> list[str]:
    ids = [q.id for q in assessment.next_questions]
    problems = []
    if len(ids) > MAX_QUESTIONS or len(ids) != len(set(ids)):
        problems.append(f"too many or repeated next questions: {ids}")
    if not set(ids) <= set(kb.findings):
        problems.append(f"next questions about unknown findings: {ids}")
    return problems


def _person_problems(assessment: Assessment) -> list[str]:
    """The numbers read about the person are real and within the ranges their readers accept."""
    person = assessment.person
    ranges = {
        "age": (0, 120),
        "temperature_c": (30, 45),
        "pain_score": (0, 10),
        "pregnancy_weeks": (0, 45),
        "duration_days": (0, math.inf),
    }
    problems = []
    for name, (low, high) in ranges.items():
        value = getattr(person, name)
        if value is not None and not (math.isfinite(value) and low <= value <= high):
            problems.append(f"person.{name} = {value} is outside {low}-{high}")
    return problems


def question_problems(question: Question, kb: KnowledgeBase) -> list[str]:
    """Everything wrong with an interview question; empty when sound."""
    finding = kb.findings.get(question.id)
    if finding is None or finding.question is None:
        return [f"the question is about {question.id!r}, which has no question"]
    problems = []
    state = question.state
    if question.type != finding.type.value or not question.text or not question.why:
        problems.append(f"{question.id}: type {question.type}, text or why do not fit the finding")
    if state.pending != question.id:
        problems.append(f"the state waits for {state.pending!r}, not for {question.id!r}")
    if question.reasked != (question.id in state.answers):
        problems.append(f"{question.id}: asked again ({question.reasked}) but answered {state.answers}")
    progress = question.progress
    if progress.asked != len(state.asked) or progress.estimated_total < progress.asked + 1:
        problems.append(f"progress {progress} does not fit {len(state.asked)} questions asked")
    try:
        check_state(kb, state)
    except Exception as exc:  # the state we hand out must be one we take back
        problems.append(f"the state of the question is refused: {exc!r}")
    return problems


def result_problems(result: Result, kb: KnowledgeBase, answers: Mapping[str, bool | float]) -> list[str]:
    """Everything wrong with the end of an interview; ``answers`` as the engine takes them."""
    problems = []
    if result.questions_asked != len(result.state.asked) or result.state.pending is not None:
        problems.append(f"{result.questions_asked} questions asked, state {result.state}")
    return problems + assessment_problems(result.assessment, result.state.text, kb, answers)


_CITATION = re.compile(r"\[(\d+)\]")


def answer_problems(answer: Answer, question: str) -> list[str]:
    """Everything wrong with an answer of ``lumbar ask`` to ``question``; empty when sound."""
    problems = []
    if answer.question != " ".join(question.split()) or len(answer.question) > MAX_QUESTION_CHARS:
        problems.append(f"the answer is to {answer.question!r}, not to the question asked")
    warning = answer.warning.message if answer.warning else None
    numbers = [c.number for c in answer.passages]
    if answer.refused:
        if answer.passages or answer.cited or answer.text not in (REFUSAL, warning):
            problems.append(f"a refusal with passages {numbers}, citations {answer.cited} or other words")
        return problems
    if not 1 <= len(numbers) <= SHOWN_PASSAGES or numbers != list(range(1, len(numbers) + 1)):
        problems.append(f"passages are numbered {numbers}")
    if not answer.cited or not set(answer.cited) <= set(numbers):
        problems.append(f"citations {answer.cited} are not among the passages {numbers}")
    if not set(answer.cited) <= {int(n) for n in _CITATION.findall(answer.text)}:
        problems.append(f"citations {answer.cited} are not all in the text {answer.text!r}")
    # after any warning: the quoted passages ("From <title>: …"), or first one direct answer, cited
    opening = re.escape(f"{warning} ") if warning else ""
    if not re.match(rf"{opening}(From |[^\[\]]+ \[\d+\] From )", answer.text):
        problems.append(f"the answer does not open with the warning, then its source: {answer.text[:80]!r}")
    if set(answer.sources) != {c.passage.source for c in answer.passages}:
        problems.append(f"sources {sorted(answer.sources)} are not those of the passages")
    if any(not math.isfinite(c.score) for c in answer.passages):
        problems.append("a passage score is not a real number")
    try:
        json.dumps(answer.to_dict(), allow_nan=False)
    except (TypeError, ValueError) as exc:
        problems.append(f"the answer is not plain JSON: {exc}")
    return problems
