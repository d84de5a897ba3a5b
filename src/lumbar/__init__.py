"""lumbar: offline, evidence-linked help for lower-back cramps and spasms. It informs; it does not diagnose."""

from lumbar.assessment import Assessment
from lumbar.assessor import AssessmentEngine, assess
from lumbar.errors import (
    DocumentError,
    InputError,
    InterviewError,
    KnowledgeError,
    LumbarError,
    NotFoundError,
    Problem,
    SettingsError,
)
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level

__all__ = [
    "Assessment",
    "AssessmentEngine",
    "DocumentError",
    "InputError",
    "InterviewError",
    "KnowledgeBase",
    "KnowledgeError",
    "Level",
    "LumbarError",
    "NotFoundError",
    "Problem",
    "SettingsError",
    "assess",
    "load_knowledge",
]
