"""Where the diary engine (``lumbar.diary``) plugs into the web: one interface, one method a job.

``check_entry`` (warnings such as a dose past the plan's daily limit), ``reread_note`` (a note read
again by intake and triage: the level it points to), ``reassess`` (the prompt to book a visit when
things do not improve) and ``plot`` (the SVG of pain and function over time). The web calls these
and nothing else of the diary; the app holds one ``DiaryEngine`` (``app.state.diary_engine``).

Until the diary engine is wired in, ``InterimDiaryEngine`` stands in: it warns of nothing, prompts
nothing and draws nothing, but it does not leave a note unread. A note is assessed like a first
description, and a level of seeing a doctor within a day or more urgent is shown at once, so a
warning sign written in a note is never silent (safety first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from lumbar.errors import LumbarError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level
from lumbar.store import DiaryDay, DiaryRecord

#: the least urgent level the interim engine shows for a note (less urgent levels are left to lumbar.diary)
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

    def plot(self, entries: Sequence[DiaryRecord]) -> str | None:
        """The SVG of pain and function over time; None when there is nothing to draw."""
        ...


class InterimDiaryEngine:
    """The stand-in until ``lumbar.diary`` is wired in: notes are assessed (see the module's note)."""

    def __init__(self, assess_level: Callable[[str], Level]) -> None:
        self._assess_level = assess_level

    def check_entry(self, entry: DiaryDay, plan: Mapping[str, Any] | None) -> list[str]:
        """No warnings yet: the dose limits are the diary engine's."""
        return []

    def reread_note(self, notes: str) -> Level | None:
        """The note's level when it is ``SHOWN_FROM`` or more urgent; None otherwise or for no note."""
        if not notes.strip():
            return None
        try:
            level = self._assess_level(notes)
        except LumbarError:  # a note lumbar cannot read as a description (too short, not English …)
            return None
        return level if level.rank >= SHOWN_FROM.rank else None

    def reassess(self, entries: Sequence[DiaryRecord]) -> str | None:
        """No prompt yet: the re-assessment rule is the diary engine's."""
        return None

    def plot(self, entries: Sequence[DiaryRecord]) -> str | None:
        """No plot yet: it is the diary engine's."""
        return None
