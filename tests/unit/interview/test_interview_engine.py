"""The interview engine: start, step, stop; warning signs first; "not sure", "back" and JSON state."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

import lumbar.interview
from lumbar.errors import InputError, InterviewError
from lumbar.interview import AnswerValue, Interviewer, Question, Result
from lumbar.interview.state import engine_answers
from lumbar.knowledge.dump import as_data, json_text
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.schemas import interview as schema

STRAIN = "I hurt my lower back lifting a box yesterday"


def run(
    interviewer: Interviewer,
    text: str,
    answers: Mapping[str, AnswerValue] | None = None,
    default: AnswerValue = "no",
) -> tuple[Result, list[Question]]:
    """Interview to the end: ``answers`` by finding id, ``default`` for yes/no, 40 for numbers."""
    answers = answers or {}
    asked: list[Question] = []
    step = interviewer.start(text)
    while isinstance(step, Question):
        asked.append(step)
        answer = answers.get(step.id, 40.0 if step.type in ("number", "duration") else default)
        step = interviewer.step(step.state, answer)
    return step, asked


def test_the_first_questions_are_the_warning_signs_people_do_not_volunteer(interviewer: Interviewer) -> None:
    result, asked = run(interviewer, "my lower back keeps cramping")
    ids = [q.id for q in asked]
    first_plain = next(i for i, q in enumerate(asked) if not q.warning_sign)
    assert {"saddle_numbness", "bladder_bowel_change"} <= set(ids[:first_plain])
    assert result.assessment.level is Level.SELF_CARE
    assert all(q.why for q in asked)
    assert len(asked) <= 12


def test_a_simple_strain_ends_in_self_care_with_few_questions(interviewer: Interviewer) -> None:
    result, asked = run(interviewer, STRAIN, {"age": 34.0})
    assert result.assessment.level is Level.SELF_CARE
    assert result.questions_asked == len(asked) <= 10
    assert result.assessment.causes[0].id in {"muscle_strain", "ligament_sprain"}
    assert "settled" in result.stopped_because
    assert result.assessment.next_questions == []


def test_numbness_between_the_legs_goes_to_the_emergency_department(interviewer: Interviewer) -> None:
    result, asked = run(interviewer, "back pain and numbness between my legs")
    assert result.assessment.level is Level.EMERGENCY
    # only questions that could make it more urgent (an ambulance) are asked
    assert all(q.warning_sign for q in asked)


def test_two_cauda_equina_signs_call_an_ambulance_at_once(interviewer: Interviewer) -> None:
    step = _advance_to(
        interviewer, interviewer.start("back pain and numbness between my legs"), "bladder_bowel_change"
    )
    result = interviewer.step(step.state, "yes")
    assert isinstance(result, Result)
    assert result.assessment.level is Level.EMERGENCY_AMBULANCE
    assert "ambulance" in result.stopped_because


def test_not_sure_about_a_reask_sign_asks_again_then_escalates(
    interviewer: Interviewer, kb: KnowledgeBase
) -> None:
    step = _advance_to(interviewer, interviewer.start("my lower back keeps cramping"), "saddle_numbness")
    again = interviewer.step(step.state, "unsure")
    assert isinstance(again, Question)
    assert (again.id, again.reasked, again.text) == (
        "saddle_numbness",
        True,
        kb.findings["saddle_numbness"].unsure_question.text,  # type: ignore[union-attr]
    )
    assert again.state.answers["saddle_numbness"] == "unsure"
    step = interviewer.step(again.state, "unsure")
    while isinstance(step, Question):
        step = interviewer.step(step.state, 40.0 if step.type == "number" else "no")
    assert step.assessment.level.rank >= Level.EMERGENCY.rank
    assert "saddle_numbness" in step.assessment.present


def test_a_clear_answer_to_the_reask_counts(interviewer: Interviewer, kb: KnowledgeBase) -> None:
    result, _ = run(interviewer, STRAIN, {"age": 30.0})
    step = interviewer.start(STRAIN)
    assert isinstance(step, Question)
    step = interviewer.step(step.state, "unsure")
    assert isinstance(step, Question) and step.reasked
    wording = kb.findings[step.id].unsure_question
    assert wording is not None
    # "all is well" in the second wording's own terms: "yes" when it asks the other way round
    well = "yes" if wording.yes_means == "absent" else "no"
    final, _ = _finish(interviewer, interviewer.step(step.state, well), {"age": 30.0})
    assert final.assessment.level is result.assessment.level is Level.SELF_CARE


def test_not_sure_about_a_present_sign_escalates_at_once(interviewer: Interviewer, kb: KnowledgeBase) -> None:
    assert kb.findings["vaginal_bleeding"].unsure.value == "present"
    result, asked = run(interviewer, "I'm 12 weeks pregnant with back cramps", {"vaginal_bleeding": "unsure"})
    assert "vaginal_bleeding" in [q.id for q in asked]
    assert not any(q.reasked for q in asked)
    assert result.assessment.level.rank >= Level.EMERGENCY.rank


def test_not_sure_about_an_ordinary_question_leaves_it_unknown(interviewer: Interviewer) -> None:
    result, asked = run(interviewer, STRAIN, default="no", answers={"age": "unsure"})
    assert "age" in [q.id for q in asked]
    assert result.assessment.person.age is None
    assert result.assessment.level is Level.SELF_CARE
    assert [q.id for q in asked].count("age") == 1


def test_back_undoes_the_last_answer(interviewer: Interviewer) -> None:
    first = interviewer.start(STRAIN)
    assert isinstance(first, Question)
    second = interviewer.step(first.state, "no")
    assert isinstance(second, Question)
    third = interviewer.step(second.state, "yes")
    back = interviewer.step(third.state, "back")
    assert isinstance(back, Question)
    assert back.id == second.id
    assert back.state.answers == {first.id: "no"}
    again = interviewer.step(back.state, "back")
    assert isinstance(again, Question) and again.id == first.id and again.state.answers == {}
    assert interviewer.step(again.state, "back") == again  # nothing left to undo


def test_back_after_a_reask_returns_to_the_reask(interviewer: Interviewer) -> None:
    step = interviewer.start(STRAIN)
    assert isinstance(step, Question)
    reask = interviewer.step(step.state, "unsure")
    after = interviewer.step(reask.state, "no")
    back = interviewer.step(after.state, "back")
    assert isinstance(back, Question) and back.reasked and back.id == step.id


def test_progress_counts_the_questions(interviewer: Interviewer) -> None:
    _, asked = run(interviewer, STRAIN, {"age": 34.0})
    assert [q.progress.asked for q in asked] == list(range(len(asked)))
    assert all(q.progress.estimated_total > q.progress.asked for q in asked)


def test_the_state_round_trips_through_json(interviewer: Interviewer) -> None:
    step = interviewer.start(STRAIN)
    assert isinstance(step, Question)
    step = interviewer.step(step.state, "no")
    assert isinstance(step, Question)
    wire = json_text(step.state)
    assert to_runtime(schema.InterviewState.model_validate_json(wire)) == step.state
    from_json = interviewer.step(wire, "no")
    from_dict = interviewer.step(as_data(step.state), "no")
    from_model = interviewer.step(step.state, "no")
    assert from_json == from_dict == from_model


def test_a_tampered_or_stale_state_is_refused(interviewer: Interviewer) -> None:
    step = interviewer.start(STRAIN)
    assert isinstance(step, Question)
    bad = as_data(step.state)
    with pytest.raises(InterviewError, match="unknown question"):
        interviewer.step({**bad, "answers": {"made_up": "yes"}, "asked": ["made_up"]}, "no")
    with pytest.raises(InterviewError, match="version"):
        interviewer.step({**bad, "version": 99}, "no")
    with pytest.raises(InterviewError, match="not valid"):
        interviewer.step('{"text": 5}', "no")


def test_bad_answers_are_refused_with_a_clear_message(interviewer: Interviewer) -> None:
    step = interviewer.start(STRAIN)
    assert isinstance(step, Question) and step.type == "boolean"
    with pytest.raises(InterviewError, match="yes/no question"):
        interviewer.step(step.state, 7.0)
    with pytest.raises(InterviewError, match="not an answer"):
        interviewer.step(step.state, "perhaps")  # type: ignore[arg-type]
    state = step.state
    while not (isinstance(step, Question) and step.id == "age"):
        assert isinstance(step, Question)
        step = interviewer.step(step.state, "no")
        state = step.state
    with pytest.raises(InterviewError, match="You wrote “200”, but an age has to be between 0 and 120"):
        interviewer.step(state, 200.0)
    with pytest.raises(InterviewError, match="needs a number"):
        interviewer.step(state, "yes")


def test_a_finished_interview_takes_no_answer_but_can_go_back(interviewer: Interviewer) -> None:
    result, asked = run(interviewer, STRAIN, {"age": 34.0})
    with pytest.raises(InterviewError, match="finished"):
        interviewer.step(result.state, "yes")
    back = interviewer.step(result.state, "back")
    assert isinstance(back, Question) and back.id == asked[-1].id


def test_the_cap_stops_the_interview_and_keeps_what_is_left(engine: object) -> None:
    from lumbar.assessor import AssessmentEngine

    assert isinstance(engine, AssessmentEngine)
    capped = Interviewer(engine, cap=3)
    result, asked = run(capped, "my lower back keeps cramping")
    assert len(asked) == 3
    assert "limit of 3" in result.stopped_because
    assert result.assessment.next_questions


def test_empty_text_is_refused(interviewer: Interviewer) -> None:
    with pytest.raises(InputError):
        interviewer.start("   ")


def test_module_functions_use_the_default_engine() -> None:
    step = lumbar.interview.start(STRAIN)
    assert isinstance(step, Question)
    assert isinstance(lumbar.interview.step(step.state, "no"), Question | Result)


def _finish(
    interviewer: Interviewer, step: Question | Result, answers: Mapping[str, AnswerValue]
) -> tuple[Result, int]:
    count = 0
    while isinstance(step, Question):
        count += 1
        step = interviewer.step(step.state, answers.get(step.id, 40.0 if step.type == "number" else "no"))
    return step, count


def _advance_to(interviewer: Interviewer, step: Question | Result, finding_id: str) -> Question:
    """Answer "no" until the question about ``finding_id`` comes."""
    while isinstance(step, Question) and step.id != finding_id:
        step = interviewer.step(step.state, 40.0 if step.type == "number" else "no")
    assert isinstance(step, Question), f"{finding_id} was never asked"
    return step


def test_the_danger_screen_is_asked_first(interviewer: Interviewer) -> None:
    """As NHS 111 does before any body part: breathing, waking, colour and swelling come first."""
    first = interviewer.start("my lower back keeps cramping")
    assert isinstance(first, Question)
    assert first.id == "danger_signs_now" and first.warning_sign
    result = interviewer.step(first.state, "yes")
    assert isinstance(result, Result)
    assert result.assessment.level is Level.EMERGENCY_AMBULANCE


SCIATICA = "Pain is shooting down my leg from my lower back for a week"


def test_one_leg_or_both_is_asked_as_a_choice_once_a_leg_symptom_is_known(interviewer: Interviewer) -> None:
    _, asked = run(interviewer, SCIATICA, {"leg_sides": "one_leg"})
    question = next(q for q in asked if q.id == "leg_sides")
    assert question.type == "choice" and question.warning_sign
    assert [(c.id, c.text) for c in question.choices] == [
        ("one_leg", "In one leg only"),
        ("both_legs", "In both legs"),
    ]
    _, without_legs = run(interviewer, STRAIN)
    assert "leg_sides" not in [q.id for q in without_legs]
    _, told = run(interviewer, "Pain is shooting down both legs from my lower back for a week")
    assert "leg_sides" not in [q.id for q in told]  # the words already said


@pytest.mark.parametrize(("choice", "bilateral"), [("one_leg", "absent"), ("both_legs", "present")])
def test_each_choice_sets_its_findings(interviewer: Interviewer, choice: str, bilateral: str) -> None:
    result, _ = run(interviewer, SCIATICA, {"leg_sides": choice})
    found = {f.id: f.status for f in result.assessment.findings}
    assert found.get("bilateral_leg_symptoms") == bilateral
    assert "leg_sides" not in found  # the question itself is no finding


def test_both_legs_reaches_the_level_of_a_yes_to_the_old_yes_no_question(interviewer: Interviewer) -> None:
    result, _ = run(interviewer, SCIATICA, {"leg_sides": "both_legs"})
    # the old question's "yes" was the answer bilateral_leg_symptoms=True, with the same other answers
    answers = engine_answers(interviewer.kb, result.state)
    assert answers["bilateral_leg_symptoms"] is True
    old_yes = interviewer.engine.assess(SCIATICA, answers)
    assert result.assessment.level is old_yes.level is Level.EMERGENCY
    assert [r.rule for r in result.assessment.level_reasons] == [r.rule for r in old_yes.level_reasons]
    one_leg, _ = run(interviewer, SCIATICA, {"leg_sides": "one_leg"})
    assert one_leg.assessment.level.rank < Level.EMERGENCY.rank


def test_not_sure_asks_the_choice_again_and_a_second_not_sure_counts_as_both_legs(
    interviewer: Interviewer,
) -> None:
    step = interviewer.start(SCIATICA)
    while isinstance(step, Question) and step.id != "leg_sides":
        step = interviewer.step(step.state, 40.0 if step.type in ("number", "duration") else "no")
    assert isinstance(step, Question)
    again = interviewer.step(step.state, "unsure")
    assert isinstance(again, Question) and again.id == "leg_sides" and again.reasked
    assert again.type == "choice" and again.choices == step.choices and again.text != step.text
    result, _ = run(interviewer, SCIATICA, {"leg_sides": "unsure"})
    assert result.assessment.level is Level.EMERGENCY
    assert "bilateral_leg_symptoms" in result.assessment.present


def test_an_unknown_choice_is_refused_with_the_choices(interviewer: Interviewer) -> None:
    step = interviewer.start(SCIATICA)
    while isinstance(step, Question) and step.id != "leg_sides":
        step = interviewer.step(step.state, 40.0 if step.type in ("number", "duration") else "no")
    assert isinstance(step, Question)
    for wrong in ("yes", "three_legs", 2.0):
        with pytest.raises(InputError, match=r"send one of 'one_leg' .In one leg only., 'both_legs'"):
            interviewer.step(step.state, wrong)
