"""The interview: which question next, when to stop; the state is plain JSON.

`start(text)` and `step(state, answer)` return a `Question` or a `Result` (see `models`).
"""

from lumbar.interview.engine import Interviewer, default_interviewer, start, step
from lumbar.interview.models import AnswerValue, InterviewState, Progress, Question, Result

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
