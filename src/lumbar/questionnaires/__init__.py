"""Questionnaires: score answers from the knowledge base's rules, and compare scores over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.questionnaires.change import ScoreChange, compare
    from lumbar.questionnaires.scoring import QuestionnaireScore, score

# the public names (imported above for type checkers only), each imported from its module on first use
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "change": ["ScoreChange", "compare"],
        "scoring": ["QuestionnaireScore", "score"],
    },
)
