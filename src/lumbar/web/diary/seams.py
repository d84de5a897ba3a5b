"""Where the diary engine (``lumbar.diary``) plugs into the web: one interface, one method a job.

``check_entry`` (warnings such as a dose past the plan's daily limit), ``reread_note`` (a note read
again by intake and triage: the level it points to), ``reassess`` (the prompt to book a visit when
things do not improve) and ``plot`` (the SVG of pain and function over time, and the kept questionnaire scores). The web calls these
and nothing else of the diary; the app holds one ``DiaryEngine`` (``app.state.diary_engine``).

The one implementation is :class:`lumbar.web.diary.engine.LumbarDiaryEngine`. A note is re-read by
the intake and triaged, and a level of seeing a doctor within a day or more urgent is shown at once, so
a warning sign written in a note is never silent (safety first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level
from lumbar.store import DiaryDay, DiaryRecord, ScoreRecord

#: the least urgent level a note's page shows first (a less urgent one is left to the re-assessment)
SHOWN_FROM = Level.CONSULTATION_24


@dataclass(frozen=True)
class NoteLevel:
    """How urgent a note is, in the words of levels.yaml: its title, what to do, and the page's style."""

    level: Level
    title: str
    action: str
    css_class: str
    emergency: bool


def note_level(kb: KnowledgeBase, level: Level) -> NoteLevel:
    """The words of ``level`` for a diary page (from levels.yaml, the one place they live)."""
    wording = kb.levels[level]
    return NoteLevel(
        level=level,
        title=wording.title,
        action=wording.action,
        css_class=wording.css_class,
        emergency=wording.emergency,
    )


class DiaryEngine(Protocol):
    """What the web asks of the diary engine."""

    def check_entry(self, entry: DiaryDay, plan: Mapping[str, Any] | None) -> list[str]:
        """Plain warnings about an entry against the saved plan (e.g. a dose past its daily limit)."""
        ...

    def reread_note(self, notes: str) -> Level | None:
        """The level a note's words point to, when it should be shown; None for nothing to show."""
        ...

    def reassess(self, entries: Sequence[DiaryRecord]) -> str | None:
        """The prompt to book a visit, with its reasons, when the diary shows no improvement; else None."""
        ...

    def plot(self, entries: Sequence[DiaryRecord], scores: Sequence[ScoreRecord] = ()) -> str | None:
        """The SVG of pain and function over time, with the kept scores the plot draws; None when there
        is nothing to draw."""
        ...
