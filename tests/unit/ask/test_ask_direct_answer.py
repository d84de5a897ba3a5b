"""A "should I …?" question gets the knowledge base's direct answer first, cited, then its source."""

from __future__ import annotations

import re

import pytest
from ask_helpers import memory_index, passage

from lumbar.ask.answer import answer_question
from lumbar.ask.passages import ADVICE_LABEL, KNOWLEDGE, item_text
from lumbar.ask.retrieve import Retriever, analyse
from lumbar.ask.vocabulary import load_vocabulary
from lumbar.knowledge.loader import load_knowledge

ADVICE = "Not usually first: see your GP or a physiotherapist first; a spine specialist is for a scan that shows a problem."
PASSAGES = [
    passage(
        "page:1",
        "The main specialists to consult for back cramps are a neurologist, an orthopedist and a "
        "vertebrologist. A vertebrologist is a spine specialist who treats the spine.",
        title="Which doctor",
        heading="Which doctor to consult",
    ),
    passage(
        "kb:specialists:spine",
        f"{ADVICE_LABEL}: {ADVICE}\nA spine specialist (vertebrologist) deals only with problems of the spine.",
        kind=KNOWLEDGE,
        title="Spine specialist (vertebrologist)",
        heading="Spine specialist vertebrologist specialist doctor",
    ),
    passage("page:2", "Heat relaxes tight muscles in the back.", title="Home care", heading="Heat"),
]


@pytest.fixture
def retriever() -> Retriever:
    return Retriever(memory_index(PASSAGES), load_vocabulary())


@pytest.mark.parametrize(
    "question",
    [
        "Should I see a vertebrologist?",
        "Do I need to see a vertebrologist?",
        "Do I need a vertebrologist for my back?",
        "Can I see a vertebrologist about back cramps?",
        "Is it worth seeing a vertebrologist?",
    ],
)
def test_a_should_i_question_opens_with_the_direct_answer_cited_then_its_source(
    retriever: Retriever, question: str
) -> None:
    answer = answer_question(question, retriever)
    assert answer.text.startswith(f"{ADVICE} [")
    assert ADVICE_LABEL not in answer.text
    number = int(re.match(r".*? \[(\d+)\]", answer.text).group(1))  # type: ignore[union-attr]
    assert answer.passages[number - 1].passage.id == "kb:specialists:spine"
    assert " From " in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What is a vertebrologist?",
        "What does a vertebrologist treat?",
        "When would I see a vertebrologist first?",
    ],
)
def test_other_questions_open_with_a_quoted_passage(retriever: Retriever, question: str) -> None:
    answer = answer_question(question, retriever)
    assert answer.text.startswith("From ")
    assert ADVICE_LABEL not in answer.text
    assert "Not usually first" not in answer.text, "a direct answer is said only to a 'should I' question"


def test_should_i_questions_ask_for_advice_and_definitions_do_not() -> None:
    vocabulary = load_vocabulary()
    assert analyse("Should I see a vertebrologist?", vocabulary).asks("advice")
    assert analyse("Do I need an MRI?", vocabulary).asks("advice")
    assert analyse("Do I need surgery for back spasms?", vocabulary).asks("advice")
    assert not analyse("What is a vertebrologist?", vocabulary).asks("advice")
    assert not analyse("Can I drive with back spasms?", vocabulary).asks("advice")
    assert not analyse("How many days of rest do I need?", vocabulary).asks("advice")


def test_an_item_with_advice_says_it_first_in_its_passage() -> None:
    spine = load_knowledge().specialists["spinal_surgeon"]
    assert spine.advice
    assert item_text(spine).splitlines()[0] == f"{ADVICE_LABEL}: {' '.join(spine.advice.split())}"


def test_every_advice_is_one_plain_sentence() -> None:
    kb = load_knowledge()
    for table in (kb.specialists, kb.tests, kb.treatments):
        for item in table.values():
            advice = getattr(item, "advice", None)
            if advice:
                text = " ".join(advice.split())
                assert text.endswith(".") and text.count(". ") == 0, item.id
                assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), item.id
