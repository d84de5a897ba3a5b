"""Fuzzing `lumbar ask`: any question gets a cited answer, a plain refusal or an InputError, nothing else.

The assistant is built offline over a temporary folder: the packaged knowledge base and two small
seed pages. Questions are honest ones (tests/cases/questions.jsonl) with noise put in, the
adversarial text families up to and past the 1,000-character limit, any Unicode, and the lexicon's
phrases mixed with numbers and odd characters. A batch of arbitrary lines gives one row per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from ask_helpers import HEAT_PAGE, MEDICINE_PAGE
from hypothesis import event, given
from hypothesis import strategies as st

from engine_invariants import answer_problems
from fuzz_strategies import FUZZ, case_questions, family_texts, mixed_texts, number_texts, unicode_texts
from lumbar.ask.answer import MAX_QUESTION_CHARS
from lumbar.ask.assistant import Assistant, answer_lines, open_assistant
from lumbar.ask.settings import AskSettings
from lumbar.errors import InputError


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    folder = tmp_path_factory.mktemp("ask-fuzz")
    seeds = folder / "seeds"
    seeds.mkdir()
    (seeds / "home_care.txt").write_text(HEAT_PAGE, encoding="utf-8")
    (seeds / "medicines.md").write_text(MEDICINE_PAGE, encoding="utf-8")
    opened = open_assistant(AskSettings(home=folder / "home", seeds=seeds))
    yield opened
    opened.close()


def questions() -> st.SearchStrategy[str]:
    return st.one_of(
        case_questions(),
        case_questions(),
        family_texts(max_length=MAX_QUESTION_CHARS + 200),
        mixed_texts(max_pieces=15),
        unicode_texts(),
        number_texts(),
    )


@FUZZ
@given(question=questions())
def test_any_question_gets_a_sound_answer_or_an_input_error(assistant: Assistant, question: str) -> None:
    try:
        answer = assistant.answer(question)
    except InputError:
        plain = " ".join(question.split())
        assert not plain or len(plain) > MAX_QUESTION_CHARS, "only an empty or overlong question is refused"
        event("input error")
        return
    event("refused" if answer.refused else "answered")
    assert answer_problems(answer, question) == []
    assert assistant.answer(question) == answer


def lines() -> st.SearchStrategy[list[str]]:
    """JSON lines as a batch file may hold them: good rows, rows without a question, any text."""
    row = st.fixed_dictionaries(
        {"id": st.text(max_size=4) | st.integers()},
        optional={"question": questions() | st.integers() | st.none()},
    ).map(json.dumps)
    return st.lists(row | st.text(max_size=20) | st.just("") | st.just("[1, 2]"), max_size=6)


@FUZZ
@given(batch=lines())
def test_a_batch_of_any_lines_gives_one_row_per_line_that_is_not_blank(
    assistant: Assistant, batch: list[str]
) -> None:
    rows = list(answer_lines(batch, assistant))
    assert len(rows) == sum(1 for line in batch if line.strip())
    for row in rows:
        assert "id" in row and ("error" in row or "answer" in row)
        json.dumps(row, allow_nan=False)
