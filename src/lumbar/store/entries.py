"""One diary day between the store and the diary engine, for every adapter (web and CLI) alike.

A day's medicines are kept as the engine's ``MedicineTaken`` (the CLI) or as the line a person wrote
(the web form: ``{"name": "ibuprofen 400 mg twice"}``), whose amount is read when it has one; a line
without an amount counts no dose.
"""

from __future__ import annotations

from typing import Any

from lumbar.diary.entry import Entry, MedicineTaken, read_medicine
from lumbar.store.records import DiaryDay


def to_day(entry: Entry) -> DiaryDay:
    """The store's values of an entry."""
    return DiaryDay(
        day=entry.day,
        pain_now=entry.pain_now,
        pain_worst=entry.pain_worst,
        spasms=entry.spasms,
        sleep_hours=entry.sleep_hours,
        activity=entry.activity,
        medicines=[m.model_dump() for m in entry.medicines],
        notes=entry.notes,
    )


def to_entry(day: DiaryDay) -> Entry:
    """The diary engine's entry of a kept day."""
    medicines = [_medicine(m) for m in day.medicines]
    return Entry(
        day=day.day,
        pain_now=day.pain_now,
        pain_worst=day.pain_worst,
        spasms=day.spasms,
        sleep_hours=day.sleep_hours,
        activity=day.activity,
        medicines=[m for m in medicines if m is not None],
        notes=day.notes,
    )


def _medicine(kept: dict[str, Any]) -> MedicineTaken | None:
    if "amount" in kept:
        return MedicineTaken.model_validate(kept)
    return read_medicine(str(kept.get("name", "")))
