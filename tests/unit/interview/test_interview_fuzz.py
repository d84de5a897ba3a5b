"""Fuzzing the interview: any text, any answers, any state; only InputError and InterviewError escape.

An interview is driven to its end with answers drawn for each question from what it allows (yes,
no, not sure, a number in range, back) and from garbage (any text, any number, None, lists, bytes);
the state goes back as a model, a dict or JSON text. Every question and the final result must be
sound (tests/engine_invariants.py). Tampered states must be refused with InterviewError.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from engine_invariants import question_problems, result_problems
from fuzz_strategies import FUZZ, short_text
from known_bugs import known_bug
from lumbar.errors import InputError, InterviewError
from lumbar.interview import Interviewer, Question, Result
from lumbar.interview.answers import is_number
from lumbar.interview.models import InterviewState
from lumbar.interview.state import engine_answers
from lumbar.knowledge.dump import as_data, json_text
from lumbar.knowledge.loader import KnowledgeBase

#: steps one fuzzed interview may take, garbage and "back" included.
MAX_STEPS = 150
#: how an answer is chosen: mostly one the question allows, sometimes garbage or "back".
KINDS = ("allowed",) * 6 + ("garbage",) * 3 + ("back",)
GARBAGE = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["Yes", "NO", " yes", "y", "why", "maybe", "", "undo", "nan"]),
    st.integers(-(10**6), 10**6),
    st.floats(),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.binary(max_size=3),
    st.just(10**400),  # beyond the float range
)


def allowed_answers(kb: KnowledgeBase, question: Question) -> st.SearchStrategy[Any]:
    """Answers ``question`` accepts: yes/no/not sure, one of its choices, or a number within its unit's range."""
    finding = kb.findings[question.id]
    if question.choices:
        return st.sampled_from([*(c.id for c in question.choices), "unsure"])
    if not is_number(finding):
        return st.sampled_from(["yes", "no", "unsure", True, False])
    plausible = finding.plausible
    low, high = (plausible.min, plausible.max) if plausible else (0.0, 1e6)
    numbers = st.floats(low, high) | st.integers(math.ceil(low), math.floor(high))
    if finding.unit == "°C":  # the same temperatures in °F
        numbers |= st.floats(low * 9 / 5 + 32, high * 9 / 5 + 32)
    return numbers | st.just("unsure")


def send(state: InterviewState, form: str) -> InterviewState | dict[str, Any] | str:
    """The state as a client sends it back: the model, a dict or JSON text."""
    if form == "dict":
        return as_data(state)
    return json_text(state) if form == "json" else state


@FUZZ
@given(text=short_text(), data=st.data())
def test_any_answers_lead_to_a_sound_result(interviewer: Interviewer, text: str, data: st.DataObject) -> None:
    kb = interviewer.kb
    try:
        current = interviewer.start(text)
    except InputError:
        event("refused")
        return
    except Exception as exc:
        if known_bug(exc) is None:
            raise
        event(f"known bug: {known_bug(exc)}")
        return
    for _ in range(MAX_STEPS):
        if isinstance(current, Result):
            event(f"ended after {current.questions_asked // 4 * 4}+ questions")
            assert result_problems(current, kb, engine_answers(kb, current.state)) == []
            return
        assert question_problems(current, kb) == []
        kind = data.draw(st.sampled_from(KINDS), label="kind")
        answer = {"allowed": allowed_answers(kb, current), "garbage": GARBAGE, "back": st.just("back")}[kind]
        value = data.draw(answer, label=f"answer to {current.id}")
        state = send(current.state, data.draw(st.sampled_from(["model", "dict", "json"]), label="form"))
        try:
            following = interviewer.step(state, value)
        except (InputError, InterviewError) as exc:
            assert kind == "garbage", f"{value!r} is an answer {current.id} allows, yet: {exc}"
            continue  # the same question waits for a better answer
        except Exception as exc:
            if known_bug(exc) is None:
                raise
            event(f"known bug: {known_bug(exc)}")
            return
        if kind == "back" and isinstance(following, Question):
            assert following.progress.asked == max(0, len(current.state.asked) - 1)
        current = following
    pytest.fail(f"the interview did not end within {MAX_STEPS} steps")


def states(kb: KnowledgeBase) -> st.SearchStrategy[dict[str, Any]]:
    """Interview states as a client could forge them: known and unknown ids, any answers and lists."""
    ids = st.sampled_from(sorted(kb.findings)) | st.text(max_size=8)
    answer = (
        st.sampled_from(["yes", "no", "unsure"]) | st.floats() | st.integers(-5, 500) | st.text(max_size=4)
    )
    return st.fixed_dictionaries(
        {"text": short_text()},
        optional={
            "version": st.integers(-1, 3),
            "answers": st.dictionaries(ids, answer, max_size=4),
            "asked": st.lists(ids, max_size=5),
            "reasked": st.lists(ids, max_size=3),
            "pending": st.none() | ids,
            "extra": st.integers(),
        },
    )


@FUZZ
@given(data=st.data())
def test_a_forged_state_is_taken_or_refused_with_a_documented_error(
    interviewer: Interviewer, data: st.DataObject
) -> None:
    state = data.draw(states(interviewer.kb), label="state")
    answer = data.draw(st.sampled_from(["yes", "no", "unsure", "back", 40.0]) | GARBAGE, label="answer")
    try:
        following = interviewer.step(state, answer)
    except (InterviewError, InputError):  # a text start() refuses gets start()'s InputError
        event("refused")
        return
    except Exception as exc:
        if known_bug(exc) is None:
            raise
        event(f"known bug: {known_bug(exc)}")
        return
    event("taken")
    if isinstance(following, Question):
        assert question_problems(following, interviewer.kb) == []


def test_a_state_that_reasks_an_unknown_finding_is_refused(interviewer: Interviewer) -> None:
    with pytest.raises(InterviewError):
        interviewer.step({"text": "My back hurts.", "reasked": ["no_such_finding"]}, "yes")


def test_a_number_beyond_the_float_range_is_refused_as_an_answer(interviewer: Interviewer) -> None:
    with pytest.raises(InterviewError):
        interviewer.step({"text": "My back hurts.", "pending": "age"}, 10**400)


def test_a_state_whose_text_start_refuses_is_refused_by_step(interviewer: Interviewer) -> None:
    text = "My lower back hurts after lifting. " * 3_000
    with pytest.raises(InputError):
        interviewer.start(text)
    with pytest.raises((InputError, InterviewError)):
        interviewer.step({"text": text}, "no")
