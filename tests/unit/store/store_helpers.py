"""Shared values of the storage tests: a fixed clock, a sample diary day and a sample kept score."""

from __future__ import annotations

from datetime import UTC, date, datetime

from lumbar.store import DiaryDay, PersonRecord, ScoreDay, Store

NOW = datetime(2026, 12, 6, 9, 30, tzinfo=UTC)
FIRST_DAY = date(2026, 12, 1)
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA"
ASSESSMENT = {"level": "self_care", "findings": ["spasm"], "plan": {"items": ["heat", "ibuprofen"]}}


def a_day(day: date = FIRST_DAY, pain_now: int = 6, pain_worst: int = 8, **values: object) -> DiaryDay:
    """A diary day with every field filled unless given."""
    filled: dict[str, object] = {
        "spasms": 3,
        "sleep_hours": 6.5,
        "activity": 4,
        "medicines": [{"item": "ibuprofen", "doses": 2}],
        "notes": "stiff in the morning",
    }
    return DiaryDay(day=day, pain_now=pain_now, pain_worst=pain_worst, **{**filled, **values})  # type: ignore[arg-type]


def a_person(store: Store, username: str = "ann") -> PersonRecord:
    """A new person in ``store``."""
    return store.people.add(username, HASH, NOW)


def a_score(day: date = FIRST_DAY, total: int = 5, **values: object) -> ScoreDay:
    """A kept STarT Back score (medium risk) with its subscale and answers unless given."""
    filled: dict[str, object] = {
        "questionnaire": "start_back",
        "subscales": {"distress": 2},
        "band": "medium",
        "answers": {"leg_pain": "agree", "bothersome": "very_much"},
    }
    return ScoreDay(day=day, total=total, **{**filled, **values})  # type: ignore[arg-type]
