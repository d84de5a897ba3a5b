"""The diary engine (``lumbar.diary``) behind the web's seam (:class:`lumbar.web.diary.seams.DiaryEngine`).

Kept records become the engine's entries; a day's medicines are checked against their daily limits
(when a line gives an amount), a note is re-read by the intake and triaged (a level of seeing a
doctor within a day or more urgent is shown first), the re-assessment rule turns two weeks without a
real improvement into a prompt with its reasons, and the plot is the engine's SVG with its text
alternative inside.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from lumbar.assessor import AssessmentEngine
from lumbar.diary import ScorePoint, check_entry, reassess, render_plot, reread_note
from lumbar.diary.doses import diary_rules
from lumbar.errors import LumbarError
from lumbar.knowledge.schema import Level
from lumbar.store import DiaryDay, DiaryRecord, ScoreRecord
from lumbar.store.entries import to_entry
from lumbar.web.diary.seams import SHOWN_FROM


class LumbarDiaryEngine:
    """The web's diary engine: ``lumbar.diary`` over the app's assessment engine and clock."""

    def __init__(self, engine: Callable[[], AssessmentEngine], today: Callable[[], date]) -> None:
        self._engine = engine
        self._today = today

    def check_entry(self, entry: DiaryDay, plan: Mapping[str, Any] | None) -> list[str]:
        """The day's dose warnings, most serious first."""
        return [warning.text for warning in check_entry(to_entry(entry), self._engine().kb)]

    def reread_note(self, notes: str) -> Level | None:
        """The note's level when it is ``SHOWN_FROM`` or more urgent; None otherwise, for no note, or for a
        note the intake cannot read."""
        if not notes.strip():
            return None
        try:
            level = reread_note(notes, self._engine()).level
        except LumbarError:
            return None
        return level if level.rank >= SHOWN_FROM.rank else None

    def reassess(self, entries: Sequence[DiaryRecord]) -> str | None:
        """The prompt to book a visit and its reasons from the diary, or None while it is not needed."""
        days = sorted((to_entry(e) for e in entries), key=lambda e: e.day)
        if not days:
            return None
        review = reassess(days, days[0].day, self._today(), self._engine())
        if not review.prompt:
            return None
        return " ".join([review.prompt, *(r.text for r in review.level_reasons), *review.reasons])

    def plot(self, entries: Sequence[DiaryRecord], scores: Sequence[ScoreRecord] = ()) -> str | None:
        """The SVG of pain (and activity) over time, milestones marked, the kept Roland-Morris and STarT
        Back scores under it, from the first day written or scored; None with neither."""
        days = sorted((to_entry(e) for e in entries), key=lambda e: e.day)
        kb = self._engine().kb
        plotted = set(diary_rules(kb).plotted_scores)
        points = [
            ScorePoint(day=s.day, questionnaire=s.questionnaire, total=s.total)
            for s in scores
            if s.questionnaire in plotted
        ]
        if not days and not points:
            return None
        start = min([*(d.day for d in days), *(p.day for p in points)])
        return render_plot(days, start, kb, points).svg
