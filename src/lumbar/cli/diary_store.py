"""The diary of this computer's person in the store: one local person, made on first use, and the
conversion between the store's records and the diary engine's entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lumbar.diary.entry import Entry, MedicineTaken
from lumbar.errors import NotFoundError
from lumbar.knowledge.schema import Level
from lumbar.store import DiaryDay, DiaryRecord, PersonRecord, Store

#: the local person's username: the colon keeps it out of the usernames people can register
LOCAL_USERNAME = "local:this-computer"
#: no password opens this person's diary from the web ("!" is no hash any password matches)
NO_PASSWORD = "!"


def local_person(store: Store, now: datetime) -> PersonRecord:
    """This computer's person, made on first use."""
    try:
        return store.people.by_username(LOCAL_USERNAME)
    except NotFoundError:
        return store.people.add(LOCAL_USERNAME, NO_PASSWORD, now)


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


def to_entry(record: DiaryRecord) -> Entry:
    """The diary engine's entry of a kept record."""
    return Entry(
        day=record.day,
        pain_now=record.pain_now,
        pain_worst=record.pain_worst,
        spasms=record.spasms,
        sleep_hours=record.sleep_hours,
        activity=record.activity,
        medicines=[MedicineTaken.model_validate(m) for m in record.medicines],
        notes=record.notes,
    )


def entries_of(store: Store, person: PersonRecord) -> list[Entry]:
    """The person's entries, by day."""
    return [to_entry(r) for r in store.diary.of(person.id)]


def first_assessment(store: Store, person: PersonRecord) -> tuple[date | None, set[str], Level | None]:
    """The day of the person's first saved assessment, and the findings and level of their latest."""
    saved = store.assessments.of(person.id)
    if not saved:
        return None, set(), None
    latest: dict[str, Any] = saved[-1].assessment
    findings = {f["id"] for f in latest.get("findings", []) if f.get("status") in ("present", "possible")}
    return saved[0].made.date(), findings, Level(saved[-1].level)
