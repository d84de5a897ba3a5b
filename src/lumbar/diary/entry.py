"""One day of the diary: pain now and at its worst, spasms, sleep, activity, medicines and notes."""

from __future__ import annotations

import re
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


#: how many times a day the words after an amount say ("twice", "x3", "4 times a day")
_TIMES_WORDS = {"once": 1, "twice": 2, "three times": 3, "four times": 4}
_MEDICINE_LINE = re.compile(
    r"^\s*(?P<name>[a-z][a-z\- ]*?)\s*[=:]?\s*(?P<amount>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>mg|milligrams?|g|grams?|tablets?|tabs?|pills?|capsules?|caplets?)?"
    r"(?:\s*(?:x\s*(?P<times>\d+)|(?P<count>\d+)\s*times|(?P<word>once|twice|three times|four times)))?"
    r"(?:\s*(?:a|per)\s*day|\s*today)?\s*\.?\s*$",
    re.IGNORECASE,
)


def read_medicine(line: str) -> MedicineTaken | None:
    """A medicine and the day's amount from a line as people write it: "ibuprofen 400 mg twice" (800 mg),
    "co-codamol 2 tablets x4" (8 tablets), "paracetamol=1g"; None when the line gives no amount."""
    found = _MEDICINE_LINE.match(line)
    if found is None:
        return None
    unit = (found["unit"] or "mg").lower()
    amount = float(found["amount"]) * (1000 if unit in ("g", "gram", "grams") else 1)
    times = int(found["times"] or found["count"] or _TIMES_WORDS.get((found["word"] or "").lower(), 1))
    if amount <= 0 or times <= 0:
        return None
    kind: Literal["mg", "tablets"] = (
        "mg" if unit in ("mg", "milligram", "milligrams", "g", "gram", "grams") else "tablets"
    )
    return MedicineTaken(medicine=found["name"].strip(), amount=amount * times, unit=kind)
