"""The diary: a person's days after the first assessment, their medicines against daily limits,
notes re-read for new warning signs, re-assessment when things do not improve, and a plot.

An engine: it reads the knowledge base and the other engines, never the store, the web or the CLI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.diary.doses import DoseWarning, check_entry
    from lumbar.diary.entry import Entry, MedicineTaken
    from lumbar.diary.notes import NoteReading, reread_note
    from lumbar.diary.plot import DiaryPlot, ScorePoint, render_plot
    from lumbar.diary.review import Reassessment, reassess, trend

# the public names (imported above for type checkers only), each imported from its module on first
# use, so importing the package loads neither the engines nor matplotlib
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "doses": ["DoseWarning", "check_entry"],
        "entry": ["Entry", "MedicineTaken"],
        "notes": ["NoteReading", "reread_note"],
        "plot": ["DiaryPlot", "ScorePoint", "render_plot"],
        "review": ["Reassessment", "reassess", "trend"],
    },
)
