"""The interview state: check it, add an answer, undo the last one, and turn it into engine answers.

"Not sure" follows each finding's ``unsure`` policy: ``reask`` asks once more in other words and
treats a second "not sure" as present; ``present`` treats it as present at once; ``unknown`` leaves
the finding unknown.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from pydantic import ValidationError

from lumbar.errors import InputError, InterviewError
from lumbar.intake.validate import check_text
from lumbar.interview.answers import Stored, check_answer
from lumbar.interview.models import InterviewState
from lumbar.knowledge.choices import choice_answers, is_choice
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import UnsurePolicy
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.schemas import interview as schema

VERSION = 1
#: the most questions one interview asks; only warning signs are asked after it (a sign answered
#: "not sure" asked again, a sign the text only hinted at)
MAX_QUESTIONS = 12


def load_state(
    kb: KnowledgeBase, state: InterviewState | dict[str, Any] | str | bytes, cap: int = MAX_QUESTIONS
) -> InterviewState:
    """A checked state from a model, a dict or JSON; InterviewError when it is stale or tampered with,
    InputError (as for a new text) when its text cannot be assessed."""
    try:
        if isinstance(state, str | bytes):
            state = to_runtime(schema.InterviewState.model_validate_json(state))
        elif isinstance(state, dict):
            state = to_runtime(schema.InterviewState.model_validate(state))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "state"
        raise InterviewError(
            f"the interview state is not valid ({where}: {first['msg']}); start again"
        ) from None
    if not isinstance(state, InterviewState):
        raise InterviewError("the interview state must be an InterviewState, a dict or JSON text")
    check_state(kb, state, cap)
    return state


def check_state(kb: KnowledgeBase, state: InterviewState, cap: int = MAX_QUESTIONS) -> None:
    """Raise unless ``state`` is one an interview of at most ``cap`` questions can reach.

    The text is checked as a new text is (InputError, with the same message); every id, answer and
    count must fit the knowledge base (InterviewError). The cheap checks come first, so a state made
    by hand to be slow is refused before anything reads it.
    """
    if state.version != VERSION:
        raise InterviewError(
            f"interview state version {state.version} is not supported (expected {VERSION}); start again"
        )
    check_text(state.text)
    _check_counts(kb, state, cap)
    for finding_id, value in state.answers.items():
        finding = kb.findings.get(finding_id)
        if finding is None or finding.question is None:
            raise InterviewError(
                f"the interview state answers an unknown question {finding_id!r}; start again"
            )
        try:
            check_answer(finding, value)
        except (InputError, InterviewError) as exc:
            raise InterviewError(
                f"the interview state's answer to {finding_id!r} is not valid ({exc}); start again"
            ) from None
    counts = Counter(state.asked)
    if set(counts) != set(state.answers):
        raise InterviewError("the interview state's 'asked' list does not match its answers; start again")
    for finding_id, count in counts.items():
        expected = 2 if finding_id in state.reasked else 1
        if count != expected:
            raise InterviewError(f"the interview state asks {finding_id!r} {count} times; start again")
    for finding_id in state.reasked:
        if finding_id not in state.answers:
            raise InterviewError(
                f"the interview state re-asks {finding_id!r}, which it never asked; start again"
            )
        if kb.findings[finding_id].unsure is not UnsurePolicy.REASK or state.reasked.count(finding_id) > 1:
            raise InterviewError(
                f"the interview state re-asks {finding_id!r}, which is never re-asked; start again"
            )
    if state.pending is not None:
        pending = kb.findings.get(state.pending)
        if pending is None or pending.question is None:
            raise InterviewError(
                f"the interview state waits for an unknown question {state.pending!r}; start again"
            )
        if state.pending in state.answers and state.pending != pending_reask(kb, state):
            raise InterviewError(f"the interview state asks {state.pending!r} again; start again")


def _check_counts(kb: KnowledgeBase, state: InterviewState, cap: int) -> None:
    """Refuse more answers than an interview asks: after ``cap`` questions only warning signs come."""
    if len(state.asked) > 2 * len(state.answers):
        raise InterviewError("the interview state's 'asked' list does not match its answers; start again")
    seen: set[str] = set()
    for position, finding_id in enumerate(state.asked):
        finding = kb.findings.get(finding_id)
        if position >= cap and finding_id not in seen and finding is not None and not finding.warning_sign:
            raise InterviewError(
                f"the interview state asks {finding_id!r} as question {position + 1}, but an interview asks "
                f"at most {cap} questions besides warning signs; start again"
            )
        seen.add(finding_id)


def pending_reask(kb: KnowledgeBase, state: InterviewState) -> str | None:
    """The warning sign answered "not sure" once that must be asked again in other words, if any."""
    for finding_id in reversed(state.asked):
        if (
            state.answers.get(finding_id) == "unsure"
            and kb.findings[finding_id].unsure is UnsurePolicy.REASK
            and finding_id not in state.reasked
        ):
            return finding_id
    return None


def record(state: InterviewState, finding_id: str, value: Stored, *, reask: bool) -> InterviewState:
    """A new state with ``value`` as the answer to ``finding_id``."""
    return state.replace(
        answers={**state.answers, finding_id: value},
        asked=[*state.asked, finding_id],
        reasked=[*state.reasked, finding_id] if reask else list(state.reasked),
        pending=None,
    )


def undo(state: InterviewState) -> InterviewState:
    """A new state without the last answer (a re-asked question goes back to its first "not sure")."""
    if not state.asked:
        return state.replace(pending=None)
    *asked, last = state.asked
    answers = dict(state.answers)
    reasked = list(state.reasked)
    if last in reasked:
        reasked.remove(last)
        answers[last] = "unsure"
    else:
        del answers[last]
    return state.replace(answers=answers, asked=asked, reasked=reasked, pending=None)


def engine_answers(kb: KnowledgeBase, state: InterviewState) -> dict[str, bool | float]:
    """The answers as the assessment engine takes them, with "not sure" resolved by policy; a choice
    becomes the findings it sets (a "not sure" that counts: those of the choice marked ``if_unsure``)."""
    out: dict[str, bool | float] = {}
    for finding_id, value in state.answers.items():
        finding = kb.findings[finding_id]
        if value == "unsure":
            policy = finding.unsure
            counts = policy is UnsurePolicy.PRESENT or (
                policy is UnsurePolicy.REASK and finding_id in state.reasked
            )
            unsure_choice = finding.unsure_choice()
            if counts and is_choice(finding) and unsure_choice is not None:
                out.update(choice_answers(unsure_choice))
            elif counts and not is_choice(finding):
                out[finding_id] = True
        elif isinstance(value, str) and is_choice(finding):
            choice = finding.choice(value)
            out.update(choice_answers(choice) if choice is not None else {})
        elif value in ("yes", "no"):
            out[finding_id] = value == "yes"
        else:
            out[finding_id] = float(value)
    return out
