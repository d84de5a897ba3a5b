"""Answers are built from the passages' own sentences, cite them, refuse off-topic questions and
put the safety message first when a question describes a warning sign."""

from __future__ import annotations

import re

import pytest
from ask_helpers import memory_index, passage

from lumbar.ask.answer import REFUSAL, answer_question, passage_units
from lumbar.ask.passages import KNOWLEDGE
from lumbar.ask.retrieve import Retriever
from lumbar.ask.vocabulary import load_vocabulary
from lumbar.ask.warning_signs import load_warning_signs
from lumbar.errors import InputError

PASSAGES = [
    passage(
        "page:1",
        "Heat relaxes tight muscles. Ideally use a warm compress for 15 minutes every four hours.\n"
        "If heat makes the pain worse, stop and try a cold compress.",
        title="Home care",
        heading="Heat",
    ),
    passage(
        "page:2",
        "You can drive with back spasms as long as you are not taking narcotic pain medication.",
        title="Home care",
        heading="Driving",
    ),
    passage(
        "page:3",
        "For the cat stretch:\n- Get down on your hands and knees.\n- Slowly arch your back.",
        title="Home care",
        heading="Stretches",
    ),
    passage(
        "kb:treatments:heat_pack",
        "Heat helps tight muscles relax.\nHow long: about 15 minutes\nHow often: about every 4 hours",
        kind=KNOWLEDGE,
        title="Warm compress",
        heading="Warm compress treatment",
    ),
    passage(
        "kb:rules:ces",
        "Numbness between the legs or new bladder or bowel trouble can mean the nerves are squeezed.\n"
        "Go to the emergency department now.",
        kind=KNOWLEDGE,
        title="Cauda equina syndrome",
        heading="Cauda equina syndrome warning sign",
    ),
    passage(
        "page:4", "Swimming is an excellent activity for back spasms.", title="Home care", heading="Swimming"
    ),
]


@pytest.fixture
def retriever() -> Retriever:
    return Retriever(memory_index(PASSAGES), load_vocabulary())


def sentences_of(text: str) -> list[str]:
    """The sentences of an answer, without lead-ins, citation marks or the safety message."""
    body = re.sub(r"From [^:]+: ", "", text)
    return [s.strip() for s in re.split(r"\[\d+\]", body) if s.strip()]


def test_the_answer_is_made_of_passage_sentences_with_citations(retriever: Retriever) -> None:
    answer = answer_question("How long should I put a warm compress on, and how often?", retriever)
    assert not answer.refused
    assert re.search(r"15 minutes", answer.text) and re.search(r"(four|4) hours", answer.text)
    every_unit = {u for p in PASSAGES for u in passage_units(p.text)}
    for chunk in sentences_of(answer.text):
        assert any(unit in chunk for unit in every_unit), chunk
    assert {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)} == set(answer.cited)
    cited = {answer.passages[n - 1].passage.id for n in answer.cited}
    assert cited == {"page:1", "kb:treatments:heat_pack"}  # both the knowledge base and the page
    assert answer.text.startswith("From ")


def test_sources_name_every_passage_shown(retriever: Retriever) -> None:
    answer = answer_question("Can I drive with back spasms?", retriever)
    assert "narcotic" in answer.text
    assert set(answer.sources) == {c.passage.source for c in answer.passages}
    assert answer.sources["page"]["title"] == "Home care"
    assert "Driving" in answer.sources["page"]["locator"]
    payload = answer.to_dict()
    assert set(payload) >= {"answer", "passages", "sources"}
    assert set(payload["passages"][0]) >= {"text", "source", "score"}
    scores = [p["score"] for p in payload["passages"]]
    assert scores == sorted(scores, reverse=True)


def test_a_list_comes_with_the_line_that_introduces_it(retriever: Retriever) -> None:
    answer = answer_question("How do I do the cat stretch?", retriever)
    assert "For the cat stretch: Get down on your hands and knees; Slowly arch your back." in answer.text


@pytest.mark.parametrize(
    "question", ["What is the capital of France?", "How do I bake bread?", "Who won the cup in 2018?"]
)
def test_off_topic_questions_are_refused(retriever: Retriever, question: str) -> None:
    answer = answer_question(question, retriever)
    assert answer.refused
    assert answer.text == REFUSAL
    assert answer.passages == [] and answer.sources == {}


def test_a_described_warning_sign_puts_the_emergency_advice_first(retriever: Retriever) -> None:
    answer = answer_question("my legs are numb and I can't pee", retriever, load_warning_signs())
    assert answer.warning is not None
    assert answer.text.startswith("What you describe can be a warning sign")
    assert "lumbar assess" in answer.text
    assert "emergency department now" in answer.text.split("lumbar assess", 1)[1]


def test_a_warning_sign_question_that_asks_something_else_gets_both_answers(retriever: Retriever) -> None:
    answer = answer_question(
        "Is swimming an excellent activity for back spasms, even with new bladder trouble?",
        retriever,
        load_warning_signs(),
    )
    assert answer.warning is not None
    body = answer.text.split("lumbar assess", 1)[1]
    # what to do about the sign first, then what the question asked, each cited once
    assert body.index("emergency department now") < body.index("Swimming is an excellent activity")
    assert len(answer.passages) <= 5
    assert len({c.passage.id for c in answer.passages}) == len(answer.passages)


def test_a_question_without_a_warning_sign_has_no_safety_message(retriever: Retriever) -> None:
    answer = answer_question("Is swimming good for back spasms?", retriever, load_warning_signs())
    assert answer.warning is None
    assert answer.text.startswith("From Home care: Swimming is an excellent activity")


@pytest.mark.parametrize("question", ["", "   ", "x" * 1001])
def test_an_empty_or_overlong_question_is_an_input_error(retriever: Retriever, question: str) -> None:
    with pytest.raises(InputError):
        answer_question(question, retriever)


def test_passage_units_join_lists_and_split_sentences() -> None:
    assert passage_units("One. Two!\nSteps:\n- a.\n- b\nAfter.\n- loose item") == [
        "One.",
        "Two!",
        "Steps: a; b.",
        "After.",
        "loose item.",
    ]


def test_a_warning_sign_gets_the_safety_message_even_when_no_passage_fits() -> None:
    retriever = Retriever(memory_index([passage("page:1", "Swimming relaxes the back.")]), load_vocabulary())
    answer = answer_question("I can't feel anything when I wipe", retriever, load_warning_signs())
    assert answer.warning is not None and answer.warning.level == "emergency"
    assert answer.text == answer.warning.message
    assert REFUSAL not in answer.text
