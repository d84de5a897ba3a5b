"""Which question next, and when to stop.

A warning sign answered "not sure" that must be asked again comes first; then the danger screen
(signs that call an ambulance whatever the cause); then a warning sign the text only hinted at
(``possible``); then the ranking of
:mod:`lumbar.triage.questions`: the warning signs that could raise the level for this person, then
the question with the most expected information about the causes. The interview stops when that
ranking is empty (no question left can change the level and the likely causes are settled) or at
the cap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lumbar.interview.models import InterviewState
from lumbar.interview.state import MAX_QUESTIONS, pending_reask
from lumbar.knowledge.choices import asking_question
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding, Level
from lumbar.triage.differential import CauseScore
from lumbar.triage.questions import Candidate, danger_leads, rank_questions
from lumbar.triage.rules import FindingState, TriageResult

#: information questions counted in the estimate of how many questions are left.
INFO_ESTIMATE = 2


@dataclass(frozen=True)
class Known:
    """What the text and the answers so far tell: findings, level and ranked causes."""

    state: FindingState
    triage: TriageResult
    causes: list[CauseScore]
    possible: tuple[str, ...] = ()  # warning signs read only as "possibly there", asked first
    #: finding id -> the notice of a number the text gave for it that could not be right
    notices: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ask:
    """Ask this question next."""

    finding: Finding
    why: str
    reasked: bool
    left_after: int  # about how many questions follow this one


@dataclass(frozen=True)
class Stop:
    """Stop: why, and the questions that could still be asked (left over at the cap)."""

    reason: str
    left: list[Candidate]


def choose(kb: KnowledgeBase, state: InterviewState, known: Known, cap: int = MAX_QUESTIONS) -> Ask | Stop:
    """The next question for ``state``, or why the interview is over."""
    reask = pending_reask(kb, state)
    candidates = rank_questions(kb, known.state, known.triage, known.causes, frozenset(state.answers))
    if reask is not None:
        finding = kb.findings[reask]
        return Ask(finding, _why(finding), True, _left(candidates, state, cap))
    # a hinted sign is asked by its own question, or by the choice question that names it
    askers = (asking_question(kb, f) for f in known.possible)
    unclear = [q.id for q in askers if q is not None and q.id not in state.answers]
    # the danger screen (signs that call an ambulance whatever the cause) comes before everything else;
    # at an ambulance level no answer can make it more urgent: the person needs help, not questions
    settled = known.triage.level is Level.EMERGENCY_AMBULANCE
    if unclear and not danger_leads(kb, candidates) and not settled:
        finding = kb.findings[unclear[0]]
        return Ask(finding, _why(finding), False, _left(candidates, state, cap))
    if not candidates:
        return Stop(kb.levels[known.triage.level].interview_done, [])
    if len(state.asked) >= cap:
        return Stop(f"reached the limit of {cap} questions", candidates)
    first = candidates[0]
    return Ask(first.finding, first.why, False, _left(candidates[1:], state, cap))


def _left(candidates: list[Candidate], state: InterviewState, cap: int) -> int:
    """About how many questions follow the one asked now: the warning signs left, and a few others."""
    warnings = sum(c.warning for c in candidates)
    info = min(INFO_ESTIMATE, len(candidates) - warnings)
    return max(0, min(warnings + info, cap - len(state.asked) - 1))


def _why(finding: Finding) -> str:
    return finding.rationale or "It helps tell the likely causes apart."
