"""Diary entries as the API and the form take them in and hand them out (typed pydantic models).

The form and the JSON body are checked by one model, so a page and a script get the same rules and,
for the form, the same plain messages; the store's CHECK constraints are the last guard behind them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from lumbar.errors import InputError
from lumbar.store import DiaryDay, DiaryRecord

MAX_NOTES_CHARS = 5000
MAX_MEDICINES = 20
MAX_MEDICINE_CHARS = 100
MAX_SPASMS = 1000
#: the first day a diary entry may be for
FIRST_DAY = date(2000, 1, 1)

MedicineName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_MEDICINE_CHARS)
]

#: what each field must be, in plain words (shown under the form and in the API's messages)
FIELD_RULES = {
    "day": "Day: a date, not in the future",
    "pain_now": "Pain now: a whole number from 0 (no pain) to 10 (the worst you can imagine)",
    "pain_worst": "Pain at its worst today: a whole number from 0 to 10, not less than your pain now",
    "spasms": "Spasms today: how many, as a whole number (0 if none)",
    "sleep_hours": "Sleep last night: hours from 0 to 24, like 6 or 7.5",
    "activity": "How much of a usual day you managed: a whole number from 0 (nothing) to 10 (all of it)",
    "medicines": f"Medicines taken: up to {MAX_MEDICINES}, one a line, each up to {MAX_MEDICINE_CHARS} letters",
    "notes": f"Notes: up to {MAX_NOTES_CHARS} characters",
}


class DiaryEntryIn(BaseModel):
    """One day of the diary as written: the pains are needed, the rest may be left out."""

    model_config = ConfigDict(extra="forbid")

    day: date | None = Field(None, description="the day the entry is for (default: today)")
    pain_now: int = Field(ge=0, le=10, description="pain now, 0 (none) to 10 (worst imaginable)")
    pain_worst: int = Field(ge=0, le=10, description="pain at its worst today, 0 to 10")
    spasms: int | None = Field(None, ge=0, le=MAX_SPASMS, description="how many spasms today")
    sleep_hours: float | None = Field(None, ge=0, le=24, description="hours of sleep last night")
    activity: int | None = Field(
        None, ge=0, le=10, description="how much of a usual day was managed, 0 to 10"
    )
    medicines: list[MedicineName] = Field(
        default_factory=list, max_length=MAX_MEDICINES, description="the medicines taken today"
    )
    notes: str = Field("", max_length=MAX_NOTES_CHARS, description="anything else, in your own words")

    @model_validator(mode="after")
    def _worst_not_below_now(self) -> DiaryEntryIn:
        if self.pain_worst < self.pain_now:
            raise ValueError("pain at its worst cannot be less than pain now")
        return self

    def to_day(self, today: date) -> DiaryDay:
        """The store's values of this entry, for ``today`` when no day is given.

        Raises InputError for a day in the future or before 2000.
        """
        day = self.day or today
        if not FIRST_DAY <= day <= today:
            raise InputError(f"the entry's day must be between {FIRST_DAY.isoformat()} and today")
        return DiaryDay(
            day=day,
            pain_now=self.pain_now,
            pain_worst=self.pain_worst,
            spasms=self.spasms,
            sleep_hours=self.sleep_hours,
            activity=self.activity,
            medicines=[{"name": name} for name in self.medicines],
            notes=self.notes.strip(),
        )


class DiaryEntryOut(BaseModel):
    """A diary entry as kept."""

    id: int
    day: date
    pain_now: int
    pain_worst: int
    spasms: int | None
    sleep_hours: float | None
    activity: int | None
    medicines: list[str]
    notes: str
    created: datetime

    @classmethod
    def of(cls, record: DiaryRecord) -> DiaryEntryOut:
        """The API's view of a stored entry."""
        return cls(
            id=record.id,
            day=record.day,
            pain_now=record.pain_now,
            pain_worst=record.pain_worst,
            spasms=record.spasms,
            sleep_hours=record.sleep_hours,
            activity=record.activity,
            medicines=medicine_names(record),
            notes=record.notes,
            created=record.created,
        )


def medicine_names(entry: DiaryDay) -> list[str]:
    """The names of the medicines an entry lists."""
    return [str(medicine.get("name", "")) for medicine in entry.medicines]


def entry_from_form(form: Mapping[str, str]) -> DiaryEntryIn:
    """The entry a diary form describes (blank fields left out, medicines one a line).

    Raises InputError naming, in plain words, every field that cannot be used.
    """
    values: dict[str, Any] = {}
    for name in ("day", "pain_now", "pain_worst", "spasms", "sleep_hours", "activity"):
        raw = form.get(name, "").strip().replace(",", ".")
        if raw:
            values[name] = raw
    values["medicines"] = [line for line in form.get("medicines", "").splitlines() if line.strip()]
    values["notes"] = form.get("notes", "")
    try:
        return DiaryEntryIn.model_validate(values)
    except ValidationError as exc:
        raise InputError(plain_problems(exc)) from None


def plain_problems(exc: ValidationError) -> str:
    """The problems of a diary entry, one plain sentence a field, in the form's order."""
    fields = {str(error["loc"][0]) for error in exc.errors() if error.get("loc")}
    if not fields:  # the check across fields: worst below now
        fields = {"pain_worst"}
    return "please check these: " + "; ".join(FIELD_RULES[name] for name in FIELD_RULES if name in fields)
