"""lumbar: offline, evidence-linked help for lower-back cramps and spasms. It informs; it does not diagnose.

The public names are imported from their modules on first use (``lazy_loader``), so ``import lumbar``
and the command line's start-up (``lumbar --help``) do not load the engines and the knowledge base.
"""

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.assessment import Assessment
    from lumbar.assessor import AssessmentEngine, assess
    from lumbar.errors import (
        ConflictError,
        DocumentError,
        ExportError,
        InputError,
        InterviewError,
        KnowledgeError,
        LumbarError,
        NotFoundError,
        Problem,
        QuestionnaireError,
        SettingsError,
        SignInError,
    )
    from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
    from lumbar.knowledge.schema import Level
    from lumbar.questionnaires import QuestionnaireScore, ScoreChange, compare, score

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "assessment": ["Assessment"],
        "assessor": ["AssessmentEngine", "assess"],
        "errors": [
            "ConflictError",
            "DocumentError",
            "ExportError",
            "InputError",
            "InterviewError",
            "KnowledgeError",
            "LumbarError",
            "NotFoundError",
            "Problem",
            "QuestionnaireError",
            "SettingsError",
            "SignInError",
        ],
        "knowledge.loader": ["KnowledgeBase", "load_knowledge"],
        "knowledge.schema": ["Level"],
        "questionnaires": ["QuestionnaireScore", "ScoreChange", "compare", "score"],
    },
)
