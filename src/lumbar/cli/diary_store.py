"""The diary of this computer's person in the store: one local person, made on first use, and their
entries (converted by lumbar.store.entries, as the web's are)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from lumbar.diary.entry import Entry
from lumbar.errors import NotFoundError
from lumbar.knowledge.schema import Level
from lumbar.store import PersonRecord, Store
from lumbar.store.entries import to_entry

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
