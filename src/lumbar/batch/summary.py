"""What an inbox triage found, read back from its output folder one partition at a time: how many
messages at each level, the emergencies first (their ids and why), messages per day, bad rows by kind.

Memory stays flat at any size: counts are kept, and only the first emergencies of each level are listed (the
results files hold them all).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

from lumbar.batch.folder import ERRORS, RESULTS, OutputFolder
from lumbar.knowledge.schema import Level

#: levels most urgent first, as the summary lists them
LEVELS = sorted(Level, key=lambda level: level.rank, reverse=True)
EMERGENCIES = frozenset({Level.EMERGENCY_AMBULANCE, Level.EMERGENCY})
LISTED_EMERGENCIES = 200


@dataclass(frozen=True)
class Emergency:
    """A message at an emergency level: its id, level and the first reason for it."""

    id: str
    level: Level
    reason: str


@dataclass
class InboxSummary:
    """Counts of an inbox triage (see the module's docstring)."""

    by_level: Counter[Level] = field(default_factory=Counter)
    #: the first emergencies of each emergency level, in input order
    emergencies_by_level: dict[Level, list[Emergency]] = field(default_factory=dict)
    per_day: dict[date, Counter[Level]] = field(default_factory=dict)
    undated: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def assessed(self) -> int:
        """How many messages were assessed."""
        return sum(self.by_level.values())

    @property
    def emergency_count(self) -> int:
        """How many messages were at an emergency level."""
        return sum(self.by_level[level] for level in EMERGENCIES)

    @property
    def emergencies(self) -> list[Emergency]:
        """The listed emergencies, the most urgent level first."""
        return [e for level in LEVELS for e in self.emergencies_by_level.get(level, [])]

    def add(self, row_id: str, level: Level, reason: str, received_at: str | None) -> None:
        """Count one assessed message."""
        self.by_level[level] += 1
        listed = self.emergencies_by_level.setdefault(level, []) if level in EMERGENCIES else None
        if listed is not None and len(listed) < LISTED_EMERGENCIES:
            listed.append(Emergency(row_id, level, reason))
        day = received_day(received_at)
        if day is None:
            self.undated += 1
        else:
            self.per_day.setdefault(day, Counter())[level] += 1


def received_day(value: str | None) -> date | None:
    """The day of an ISO date or date-time (``2026-11-30``, ``2026-11-30T08:15:00Z``), else None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def summarise(folder: OutputFolder) -> InboxSummary:
    """The summary of every partition written in ``folder``, emergencies ambulance-first."""
    summary = InboxSummary()
    for columns in folder.batches(RESULTS, ["id", "level", "reasons", "received_at"]):
        for row_id, level, reasons, received_at in zip(
            columns["id"], columns["level"], columns["reasons"], columns["received_at"], strict=True
        ):
            summary.add(row_id, Level(level), reasons[0] if reasons else "", received_at)
    for columns in folder.batches(ERRORS, ["kind"]):
        summary.errors.update(columns["kind"])
    return summary
