"""A number that cannot be right (an age of 999, -5 weeks of pregnancy, a body temperature of 50 °C,
a pain score of 12 out of 10) is never used as a value: the assessment says so in plain words, the
interview asks for the number again where it matters, and a typed answer gets the same words."""

from __future__ import annotations

import json
import re

import pytest
from rich.console import Console

from lumbar.assessor import default_engine
from lumbar.cli import main
from lumbar.cli.render import assessment_report
from lumbar.interview import Question, Result, default_interviewer
from lumbar.interview.answers import parse_reply

STRAIN = "I pulled my back lifting a box yesterday, a cramp in my lower back."


@pytest.mark.parametrize(
    ("said", "finding", "words"),
    [
        ("I am 999 years old.", "age", "I am 999 years old"),
        ("I am -5 years old.", "age", "-5 years old"),
        ("Aged 150.", "age", "Aged 150"),
        ("I'm -5 weeks pregnant.", "pregnancy_weeks", "-5 weeks pregnant"),
        ("I am 50 weeks pregnant.", "pregnancy_weeks", "50 weeks pregnant"),
        ("My temperature is 50 °C.", "temperature_c", "50 °C"),
        ("Thermometer says 120 degrees F.", "temperature_c", "120 degrees F"),
        ("The temperature was 25 degrees.", "temperature_c", "temperature was 25 degrees"),
        ("The pain is 12/10.", "pain_score", "12/10"),
        ("Pain 15 out of 10.", "pain_score", "15 out of 10"),
    ],
)
def test_an_impossible_number_is_not_used_and_the_result_says_so(said: str, finding: str, words: str) -> None:
    engine = default_engine()
    result = engine.assess(f"{STRAIN} {said}")
    assert getattr(result.person, finding) is None
    assert finding not in {f.id for f in result.findings}
    plausible = engine.kb.findings[finding].plausible
    assert plausible is not None
    assert [(n.finding, n.evidence, n.text) for n in result.notices] == [
        (finding, words, plausible.notice_for(words))
    ]
    assert result.notices[0].text.startswith(f"You wrote “{words}”, but ")
    assert "did not use that number" in result.notices[0].text
    assert "_" not in result.notices[0].text  # plain words, no ids


@pytest.mark.parametrize(
    ("said", "finding", "value"),
    [
        ("I am 120 years old.", "age", 120.0),
        ("I am 0 years old.", "age", 0.0),
        ("I'm 44 weeks pregnant.", "pregnancy_weeks", 44.0),
        ("My temperature is 31 °C.", "temperature_c", 31.0),
        ("The pain is 10/10.", "pain_score", 10.0),
        ("The pain is 0 out of 10 at rest.", "pain_score", 0.0),
    ],
)
def test_a_number_at_the_edge_of_its_range_is_used(said: str, finding: str, value: float) -> None:
    result = default_engine().assess(f"{STRAIN} {said}")
    assert getattr(result.person, finding) == value
    assert result.notices == []


@pytest.mark.parametrize(
    "said",
    [
        "We live in a 300 year old cottage.",
        "Back pain since 12/10 after gardening.",
        "It was 50 degrees outside in the sun.",
        "I'm 45 f.",
        "I have had a fever for 10 days.",
        "I'm 30-35 weeks pregnant.",
    ],
)
def test_numbers_that_are_not_slips_give_no_notice(said: str) -> None:
    assert default_engine().assess(f"{STRAIN} {said}").notices == []


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("I am 999 years old.", ""),
        ("My temperature is 50 °C.", ""),
        ("I'm -5 weeks pregnant.", "I'm pregnant."),
        ("The pain is 12/10.", "The pain is bad."),
    ],
)
def test_an_impossible_number_reads_like_no_number_at_all(said: str, plain: str) -> None:
    engine = default_engine()
    given = engine.assess(f"{STRAIN} {said}")
    without = engine.assess(f"{STRAIN} {plain}")
    assert given.level == without.level
    assert [(c.id, c.probability) for c in given.causes] == [(c.id, c.probability) for c in without.causes]
    assert [q.id for q in given.next_questions] == [q.id for q in without.next_questions]


def _ask_until(text: str, wanted: str) -> Question:
    interviewer = default_interviewer()
    step: Question | Result = interviewer.start(text)
    while isinstance(step, Question) and step.id != wanted:
        step = interviewer.step(step.state, "no" if step.type == "boolean" else "unsure")
    assert isinstance(step, Question), f"the interview never asked for {wanted}"
    return step


@pytest.mark.parametrize(
    ("text", "finding", "words"),
    [
        (f"{STRAIN} I am 999 years old.", "age", "I am 999 years old"),
        ("I'm -5 weeks pregnant and have cramps in my lower back.", "pregnancy_weeks", "-5 weeks pregnant"),
    ],
)
def test_the_interview_asks_for_the_number_again_and_says_why(text: str, finding: str, words: str) -> None:
    question = _ask_until(text, finding)
    plausible = default_interviewer().kb.findings[finding].plausible
    assert plausible is not None
    assert question.why.startswith(plausible.notice_for(words))
    again = default_interviewer().step(question.state, 41.0 if finding == "age" else 20.0)
    while isinstance(again, Question):
        again = default_interviewer().step(again.state, "no" if again.type == "boolean" else "unsure")
    assert again.assessment.notices == []  # the answer replaced the number that could not be right
    assert getattr(again.assessment.person, finding) == (41.0 if finding == "age" else 20.0)


@pytest.mark.parametrize(("finding", "typed"), [("age", "999"), ("pregnancy_weeks", "-5")])
def test_a_typed_answer_that_cannot_be_right_gets_the_same_words(finding: str, typed: str) -> None:
    kb = default_interviewer().kb
    plausible = kb.findings[finding].plausible
    assert plausible is not None
    with pytest.raises(Exception, match=re.escape(plausible.notice_for(typed))):
        parse_reply(typed, kb.findings[finding])


def test_the_json_and_the_terminal_show_the_notice(capsys: pytest.CaptureFixture[str]) -> None:
    text = f"{STRAIN} I am 999 years old. [bold]x[/bold]"
    assert main(["assess", "--json", "--text", text]) == 0
    notices = json.loads(capsys.readouterr().out)["notices"]
    assert [n["finding"] for n in notices] == ["age"]
    assert set(notices[0]) == {"text", "finding", "evidence"}
    shown = assessment_report(
        default_engine().assess(f"{STRAIN} I am 999 years old [red]really[/red]."), width=200
    )
    assert "Please check" in shown
    assert "You wrote “I am 999 years old”, but an age has to be between 0 and 120 years" in shown


@pytest.mark.parametrize(("finding", "typed"), [("age", "999"), ("pregnancy_weeks", "-5")])
def test_the_terminal_interview_says_why_and_asks_again(
    finding: str, typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.prompt import Prompt

    from lumbar.cli.check import _ask

    text = STRAIN if finding == "age" else "I'm pregnant and have cramps in my lower back."
    question = _ask_until(text, finding)
    replies = iter([typed, "20"])
    prompts: list[str] = []

    def reply(prompt: str, **_: object) -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr(Prompt, "ask", reply)
    console = Console(width=300, record=True, color_system=None)
    after = _ask(console, default_interviewer(), question)
    plausible = default_interviewer().kb.findings[finding].plausible
    assert plausible is not None
    assert plausible.notice_for(typed) in console.export_text()
    assert len(prompts) == 2  # asked again after the number that could not be right
    assert after.state.answers[finding] == 20.0
