"""Ask lumbar: cited answers from the knowledge base and from the documents a clinic adds.

Passages (knowledge items and document sections) live in a SQLite FTS5 index
(:mod:`~lumbar.ask.index`); :mod:`~lumbar.ask.retrieve` expands a question with the synonym table
and ranks passages; :mod:`~lumbar.ask.answer` picks their best sentences, cites them, refuses
off-topic questions and puts a safety message first when a question describes a warning sign.
"""

from lumbar.ask.answer import REFUSAL, Answer, CitedPassage, answer_question
from lumbar.ask.assistant import Assistant, answer_lines, open_assistant
from lumbar.ask.passages import Passage
from lumbar.ask.settings import AskSettings, settings_from_env

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
