"""The interview state: answers added and undone, "not sure" resolved by policy, tampering refused."""

from __future__ import annotations

import re
import time

import pytest

from lumbar.assessor import AssessmentEngine
from lumbar.errors import InputError, InterviewError
from lumbar.interview import Interviewer
from lumbar.interview.models import InterviewState
from lumbar.interview.state import check_state, engine_answers, load_state, pending_reask, record, undo
from lumbar.knowledge.dump import as_data, json_text
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import UnsurePolicy


def _finding_with(kb: KnowledgeBase, policy: UnsurePolicy) -> str:
    return next(f.id for f in kb.findings.values() if f.question and f.warning_sign and f.unsure is policy)


def test_record_then_undo_gives_back_the_state(kb: KnowledgeBase) -> None:
    state = InterviewState(text="my back hurts")
    after = record(record(state, "saddle_numbness", "no", reask=False), "age", 34.0, reask=False)
    assert after.asked == ["saddle_numbness", "age"]
    assert undo(after) == record(state, "saddle_numbness", "no", reask=False)
    assert undo(undo(after)) == state
    assert undo(state) == state


def test_a_reask_is_asked_once_and_undone_to_its_first_not_sure(kb: KnowledgeBase) -> None:
    reask = _finding_with(kb, UnsurePolicy.REASK)
    state = record(InterviewState(text="my back hurts"), reask, "unsure", reask=False)
    assert pending_reask(kb, state) == reask
    again = record(state, reask, "no", reask=True)
    assert pending_reask(kb, again) is None
    check_state(kb, again)
    assert undo(again) == state


@pytest.mark.parametrize(
    ("policy", "second", "expected"),
    [
        (UnsurePolicy.PRESENT, None, True),
        (UnsurePolicy.UNKNOWN, None, None),
        (UnsurePolicy.REASK, None, None),  # not yet asked again: still unknown
        (UnsurePolicy.REASK, "unsure", True),  # not sure twice: treated as present
        (UnsurePolicy.REASK, "no", False),
    ],
)
def test_not_sure_follows_the_finding_policy(
    kb: KnowledgeBase, policy: UnsurePolicy, second: str | None, expected: bool | None
) -> None:
    finding = _finding_with(kb, policy)
    state = record(InterviewState(text="my back hurts"), finding, "unsure", reask=False)
    if second is not None:
        state = record(state, finding, second, reask=True)  # type: ignore[arg-type]
    assert engine_answers(kb, state).get(finding) == expected


def test_numbers_and_yes_no_become_engine_answers(kb: KnowledgeBase) -> None:
    state = InterviewState(
        text="x",
        answers={"age": 70.0, "fever": "yes", "chest_pain": "no"},
        asked=["age", "fever", "chest_pain"],
    )
    assert engine_answers(kb, state) == {"age": 70.0, "fever": True, "chest_pain": False}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"version": 2}, "version 2"),
        ({"answers": {"no_such_finding": "yes"}, "asked": ["no_such_finding"]}, "unknown question"),
        ({"answers": {"back_pain": "yes"}, "asked": ["back_pain"]}, "unknown question"),  # never asked
        ({"answers": {"saddle_numbness": "no"}, "asked": []}, "does not match"),
        ({"answers": {"saddle_numbness": "no"}, "asked": ["saddle_numbness", "saddle_numbness"]}, "2 times"),
        ({"answers": {"age": 500.0}, "asked": ["age"]}, "answer to 'age' is not valid .You wrote “500”"),
        ({"answers": {"saddle_numbness": 3.0}, "asked": ["saddle_numbness"]}, "yes/no question"),
        ({"pending": "no_such_finding"}, "unknown question"),
        (
            {
                "answers": {"chest_pain": "no"},
                "asked": ["chest_pain", "chest_pain"],
                "reasked": ["chest_pain"],
            },
            "never re-asked",
        ),
    ],
)
def test_a_tampered_state_is_refused(kb: KnowledgeBase, changes: dict[str, object], words: str) -> None:
    state = InterviewState(text="my back hurts").replace(**changes)
    with pytest.raises(InterviewError, match=words):
        check_state(kb, state)


def test_state_loads_from_json_and_dicts_and_refuses_garbage(kb: KnowledgeBase) -> None:
    state = record(InterviewState(text="my back hurts"), "age", 40.0, reask=False)
    assert load_state(kb, json_text(state)) == state
    assert load_state(kb, as_data(state)) == state
    with pytest.raises(InterviewError, match="not valid"):
        load_state(kb, '{"text": "x", "answers": {"age": "maybe"}}')
    with pytest.raises(InterviewError, match="not valid"):
        load_state(kb, "not json at all")
    with pytest.raises(InterviewError, match="not valid"):
        load_state(kb, {"text": "x", "extra": 1})


@pytest.mark.parametrize(
    "text",
    [
        ("my back hurts when I bend over " * 20_000)[:550_000],  # too long
        "   \n ",  # empty
        "back pain\x00\x01\x02\x03\x04 since monday",  # binary
        "tengo dolor de espalda desde ayer y me duele mucho",  # not English
    ],
)
def test_step_refuses_a_state_text_exactly_as_start_refuses_the_text(
    interviewer: Interviewer, text: str
) -> None:
    with pytest.raises(InputError) as at_start:
        interviewer.start(text)
    began = time.perf_counter()
    with pytest.raises(InputError) as at_step:
        interviewer.step(InterviewState(text=text), "no")
    assert time.perf_counter() - began < 0.5  # refused before anything reads the text
    assert str(at_step.value) == str(at_start.value)
    with pytest.raises(InputError, match=re.escape(str(at_start.value))):
        interviewer.step(json_text(InterviewState(text=text)), "no")


def test_a_state_re_asking_a_question_it_never_asked_is_refused(kb: KnowledgeBase) -> None:
    for reasked in (["no_such_finding"], [_finding_with(kb, UnsurePolicy.REASK)]):
        with pytest.raises(InterviewError, match="never asked"):
            check_state(kb, InterviewState(text="my back hurts", reasked=reasked))


def test_a_state_with_more_answers_than_an_interview_asks_is_refused(kb: KnowledgeBase) -> None:
    ordinary = [
        f.id for f in kb.findings.values() if f.question and not f.warning_sign and f.type == "boolean"
    ]
    signs = [f.id for f in kb.findings.values() if f.question and f.warning_sign]
    at_cap = InterviewState(
        text="my back hurts", answers=dict.fromkeys(ordinary[:3], "no"), asked=ordinary[:3]
    )
    check_state(kb, at_cap, cap=3)
    beyond = at_cap.replace(answers={**at_cap.answers, ordinary[3]: "no"}, asked=ordinary[:4])
    with pytest.raises(
        InterviewError, match=f"asks '{ordinary[3]}' as question 4, but an interview asks at most 3"
    ):
        check_state(kb, beyond, cap=3)
    # after the cap, only warning signs may still be asked (a hinted sign, a sign asked again)
    sign_after = at_cap.replace(answers={**at_cap.answers, signs[0]: "no"}, asked=[*ordinary[:3], signs[0]])
    check_state(kb, sign_after, cap=3)


def test_the_interviewer_checks_states_against_its_own_cap(
    engine: AssessmentEngine, kb: KnowledgeBase
) -> None:
    ordinary = [
        f.id for f in kb.findings.values() if f.question and not f.warning_sign and f.type == "boolean"
    ]
    state = InterviewState(
        text="my back hurts", answers=dict.fromkeys(ordinary[:3], "no"), asked=ordinary[:3]
    )
    with pytest.raises(InterviewError, match="at most 2 questions"):
        Interviewer(engine, cap=2).step(state, "no")


def test_a_choice_becomes_the_findings_it_sets_and_not_sure_counts_by_policy(kb: KnowledgeBase) -> None:
    def engine(answer: str, reasked: bool = False) -> dict[str, bool | float]:
        asked = ["leg_sides", "leg_sides"] if reasked else ["leg_sides"]
        state = InterviewState(
            text="x", answers={"leg_sides": answer}, asked=asked, reasked=["leg_sides"] if reasked else []
        )
        check_state(kb, state)
        return engine_answers(kb, state)

    assert engine("both_legs") == {"bilateral_leg_symptoms": True}
    assert engine("one_leg") == {"bilateral_leg_symptoms": False}
    assert engine("unsure") == {}  # asked again before it counts
    assert engine("unsure", reasked=True) == {"bilateral_leg_symptoms": True}  # the choice marked if_unsure


def test_a_state_with_a_choice_round_trips_and_an_unknown_choice_is_refused(kb: KnowledgeBase) -> None:
    state = record(InterviewState(text="sciatica down my leg"), "leg_sides", "one_leg", reask=False)
    assert load_state(kb, json_text(state)) == state
    assert load_state(kb, as_data(state)) == state
    forged = state.replace(answers={"leg_sides": "three_legs"})
    with pytest.raises(InterviewError, match=r"answer to 'leg_sides' is not valid .* 'both_legs'"):
        check_state(kb, forged)
