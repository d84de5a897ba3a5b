"""The interview: which question next, when to stop; the state is plain JSON.

`start(text)` and `step(state, answer)` return a `Question` or a `Result` (see `models`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lumbar.interview.engine import Interviewer, default_interviewer, start, step
    from lumbar.interview.models import AnswerValue, InterviewState, Progress, Question, Result

#: public name -> the module that defines it, imported on first use so the package itself stays light.
_SOURCES = {
    "AnswerValue": "lumbar.interview.models",
    "InterviewState": "lumbar.interview.models",
    "Interviewer": "lumbar.interview.engine",
    "Progress": "lumbar.interview.models",
    "Question": "lumbar.interview.models",
    "Result": "lumbar.interview.models",
    "default_interviewer": "lumbar.interview.engine",
    "start": "lumbar.interview.engine",
    "step": "lumbar.interview.engine",
}
__all__ = [
    "AnswerValue",
    "InterviewState",
    "Interviewer",
    "Progress",
    "Question",
    "Result",
    "default_interviewer",
    "start",
    "step",
]


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_SOURCES[name]), name)
