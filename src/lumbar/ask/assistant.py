"""The question-answering service: an open library, a retriever and the warning signs, together.

One :class:`Assistant` answers many questions in one process (``lumbar ask --batch``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lumbar.ask.answer import Answer, answer_question
from lumbar.ask.index import PassageIndex
from lumbar.ask.library import open_library
from lumbar.ask.retrieve import Retriever
from lumbar.ask.settings import AskSettings
from lumbar.ask.vocabulary import Vocabulary, load_vocabulary
from lumbar.ask.warning_signs import WarningSigns, load_warning_signs
from lumbar.errors import LumbarError


@dataclass
class Assistant:
    """Answers questions from one passage index."""

    index: PassageIndex
    retriever: Retriever
    warning_signs: WarningSigns | None

    @classmethod
    def over(
        cls,
        index: PassageIndex,
        vocabulary: Vocabulary | None = None,
        warning_signs: WarningSigns | None = None,
    ) -> Assistant:
        """An assistant over ``index`` with the shipped vocabulary and warning signs unless given."""
        vocabulary = vocabulary if vocabulary is not None else load_vocabulary()
        signs = warning_signs if warning_signs is not None else load_warning_signs()
        return cls(index, Retriever(index, vocabulary), signs)

    def answer(self, question: str) -> Answer:
        """A cited answer (or a refusal); raises InputError for an empty or overlong question."""
        return answer_question(question, self.retriever, self.warning_signs)

    def close(self) -> None:
        self.index.close()


def open_assistant(settings: AskSettings) -> Assistant:
    """An assistant over the library of ``settings`` (knowledge base and default documents up to date)."""
    return Assistant.over(open_library(settings))


def answer_lines(lines: Iterable[str], assistant: Assistant) -> Iterator[dict[str, Any]]:
    """Answer JSON lines ``{"id", "question"}`` in order; a bad line yields ``{"id", "error"}``.

    Blank lines are skipped; a line without an id is given its line number.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row_id: Any = number
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"id": row_id, "error": f"line {number} is not valid JSON ({exc.msg})"}
            continue
        if not isinstance(row, dict):
            yield {
                "id": row_id,
                "error": f'line {number} is not an object like {{"id": "q1", "question": "…"}}',
            }
            continue
        row_id = row.get("id", number)
        question = row.get("question")
        if not isinstance(question, str):
            yield {"id": row_id, "error": 'the line has no "question" text'}
            continue
        try:
            yield {"id": row_id, **assistant.answer(question).to_dict()}
        except LumbarError as exc:
            yield {"id": row_id, "error": str(exc)}
