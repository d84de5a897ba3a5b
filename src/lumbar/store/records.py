"""What the store hands out and takes in: plain frozen records, never database rows, so nothing
outside the store holds a session or can change a row by accident."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, kw_only=True)
class PersonRecord:
    """Someone who keeps a diary."""

    id: int
    username: str
    password_hash: str
    created: datetime


@dataclass(frozen=True, kw_only=True)
class AssessmentRecord:
    """An assessment a person saved: its urgency level and the whole result as JSON."""

    id: int
    owner_id: int
    made: datetime
    level: str
    assessment: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class DiaryDay:
    """The values of one diary entry (see ``lumbar.store.models.DiaryEntry`` for their meaning)."""

    day: date
    pain_now: int
    pain_worst: int
    spasms: int | None = None
    sleep_hours: float | None = None
    activity: int | None = None
    medicines: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True, kw_only=True)
class DiaryRecord(DiaryDay):
    """A diary entry as kept: its values, its owner and when it was written."""

    id: int
    owner_id: int
    created: datetime


@dataclass(frozen=True, kw_only=True)
class ScoreDay:
    """The values of a kept questionnaire score (see ``lumbar.store.models.KeptScore`` for their meaning)."""

    day: date
    questionnaire: str
    total: int
    subscales: dict[str, int] = field(default_factory=dict)
    band: str | None = None
    answers: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class ScoreRecord(ScoreDay):
    """A questionnaire score as kept: its values, its owner and when it was kept."""

    id: int
    owner_id: int
    created: datetime
