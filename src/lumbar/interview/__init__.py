"""The interview: which question next, when to stop; the state is plain JSON.

`start(text)` and `step(state, answer)` return a `Question` or a `Result` (see `models`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.interview.engine import Interviewer, default_interviewer, start, step
    from lumbar.interview.models import AnswerChoice, AnswerValue, InterviewState, Progress, Question, Result

# the public names (imported above for type checkers only), each imported from its module on
# first use so that importing the package stays light
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "engine": ["Interviewer", "default_interviewer", "start", "step"],
        "models": ["AnswerChoice", "AnswerValue", "InterviewState", "Progress", "Question", "Result"],
    },
)
