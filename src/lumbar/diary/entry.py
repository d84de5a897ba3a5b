"""One day of the diary: pain now and at its worst, spasms, sleep, activity, medicines and notes."""

from __future__ import annotations

from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator


class MedicineTaken(BaseModel):
    """A medicine taken on the day: its id or name as written, and how much (mg or tablets)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    medicine: str = Field(min_length=1)
    amount: float = Field(gt=0)
    unit: Literal["mg", "tablets"] = "mg"


class Entry(BaseModel):
    """A diary entry. Pains are 0 (none) to 10 (worst); ``activity`` is how much of a usual day the
    person managed (0 none, 10 all of it); ``spasms`` counts the day's spasms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: date
    pain_now: int = Field(ge=0, le=10)
    pain_worst: int = Field(ge=0, le=10)
    spasms: int | None = Field(None, ge=0)
    sleep_hours: float | None = Field(None, ge=0, le=24)
    activity: int | None = Field(None, ge=0, le=10)
    medicines: list[MedicineTaken] = Field(default_factory=list)
    notes: str = ""

    @model_validator(mode="after")
    def _worst_not_below_now(self) -> Self:
        if self.pain_worst < self.pain_now:
            raise ValueError("the pain at its worst cannot be less than the pain now")
        return self
