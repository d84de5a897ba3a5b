"""Ask lumbar: cited answers from the knowledge base and from the documents a clinic adds.

Passages (knowledge items and document sections) live in a SQLite FTS5 index
(:mod:`~lumbar.ask.index`); :mod:`~lumbar.ask.retrieve` expands a question with the synonym table
and ranks passages; :mod:`~lumbar.ask.answer` picks their best sentences, cites them, refuses
off-topic questions and puts a safety message first when a question describes a warning sign.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lumbar.ask.answer import REFUSAL, Answer, CitedPassage, answer_question
    from lumbar.ask.assistant import Assistant, answer_lines, open_assistant
    from lumbar.ask.passages import Passage
    from lumbar.ask.settings import AskSettings, settings_from_env

#: public name -> the module that defines it, imported on first use so the package itself stays light.
_SOURCES = {
    "Answer": "lumbar.ask.answer",
    "AskSettings": "lumbar.ask.settings",
    "Assistant": "lumbar.ask.assistant",
    "CitedPassage": "lumbar.ask.answer",
    "Passage": "lumbar.ask.passages",
    "REFUSAL": "lumbar.ask.answer",
    "answer_lines": "lumbar.ask.assistant",
    "answer_question": "lumbar.ask.answer",
    "open_assistant": "lumbar.ask.assistant",
    "settings_from_env": "lumbar.ask.settings",
}
__all__ = [
    "REFUSAL",
    "Answer",
    "AskSettings",
    "Assistant",
    "CitedPassage",
    "Passage",
    "answer_lines",
    "answer_question",
    "open_assistant",
    "settings_from_env",
]


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_SOURCES[name]), name)
