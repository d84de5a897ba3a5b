"""Ask lumbar: cited answers from the knowledge base and from the documents a clinic adds.

Passages (knowledge items and document sections) live in a SQLite FTS5 index
(:mod:`~lumbar.ask.index`); :mod:`~lumbar.ask.retrieve` expands a question with the synonym table
and ranks passages; :mod:`~lumbar.ask.answer` picks their best sentences, cites them, refuses
off-topic questions and puts a safety message first when a question describes a warning sign.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.ask.answer import REFUSAL, Answer, CitedPassage, answer_question
    from lumbar.ask.assistant import Assistant, answer_lines, open_assistant
    from lumbar.ask.passages import Passage
    from lumbar.ask.settings import AskSettings, settings_from_env

# the public names (imported above for type checkers only), each imported from its module on
# first use so that importing the package stays light
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "answer": ["Answer", "CitedPassage", "REFUSAL", "answer_question"],
        "assistant": ["Assistant", "answer_lines", "open_assistant"],
        "passages": ["Passage"],
        "settings": ["AskSettings", "settings_from_env"],
    },
)
