"""Diary entries and saved assessments come back as written, in day order; the tables refuse a
pain outside 0–10 and the like."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from store_helpers import ASSESSMENT, FIRST_DAY, NOW, a_day, a_person

from lumbar.errors import InputError, NotFoundError
from lumbar.store import Store
from lumbar.store.models import DiaryEntry


def test_an_entry_comes_back_as_written(store: Store) -> None:
    ann = a_person(store)
    written = store.diary.add(ann.id, a_day(), NOW)
    assert store.diary.get(ann.id, written.id) == written
    assert (written.pain_now, written.pain_worst, written.sleep_hours, written.created) == (6, 8, 6.5, NOW)
    assert (
        written.medicines == [{"item": "ibuprofen", "doses": 2}] and written.notes == "stiff in the morning"
    )


def test_entries_are_in_day_order_then_as_written_and_since_keeps_the_later(store: Store) -> None:
    ann = a_person(store)
    later = store.diary.add(ann.id, a_day(FIRST_DAY + timedelta(days=2)), NOW)
    first = store.diary.add(ann.id, a_day(FIRST_DAY), NOW)
    same_day = store.diary.add(ann.id, a_day(FIRST_DAY, pain_now=2), NOW)
    assert [entry.id for entry in store.diary.of(ann.id)] == [first.id, same_day.id, later.id]
    assert store.diary.of(ann.id, since=FIRST_DAY + timedelta(days=1)) == [later]


def test_optional_values_may_be_left_out(store: Store) -> None:
    ann = a_person(store)
    entry = store.diary.add(ann.id, a_day(spasms=None, sleep_hours=None, activity=None, medicines=[]), NOW)
    assert (entry.spasms, entry.sleep_hours, entry.activity, entry.medicines) == (None, None, None, [])


@pytest.mark.parametrize(
    "values",
    [
        {"pain_now": 11},
        {"pain_now": -1},
        {"pain_worst": 11},
        {"spasms": -2},
        {"sleep_hours": 25.0},
        {"activity": 11},
    ],
)
def test_a_value_out_of_range_is_refused(store: Store, values: dict[str, int]) -> None:
    ann = a_person(store)
    with pytest.raises(InputError, match="0 to 10"):
        store.diary.add(ann.id, a_day(**values), NOW)
    assert store.diary.of(ann.id) == []


def test_the_table_itself_checks_the_pain(store: Store) -> None:
    ann = a_person(store)
    row = {**vars(a_day()), "pain_now": 12, "owner_id": ann.id, "created": NOW}
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(insert(DiaryEntry), row)


def test_an_entry_for_an_unknown_person_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.diary.add(12345, a_day(), NOW)
    with pytest.raises(NotFoundError):
        store.assessments.add(12345, "self_care", ASSESSMENT, NOW)


def test_an_entry_and_an_assessment_can_be_deleted(store: Store) -> None:
    ann = a_person(store)
    entry = store.diary.add(ann.id, a_day(), NOW)
    saved = store.assessments.add(ann.id, "self_care", ASSESSMENT, NOW)
    store.diary.delete(ann.id, entry.id)
    store.assessments.delete(ann.id, saved.id)
    assert store.diary.of(ann.id) == [] and store.assessments.of(ann.id) == []


def test_a_saved_assessment_comes_back_as_saved(store: Store) -> None:
    ann = a_person(store)
    older = store.assessments.add(ann.id, "consultation", ASSESSMENT, NOW - timedelta(days=1))
    saved = store.assessments.add(ann.id, "self_care", ASSESSMENT, NOW)
    assert store.assessments.get(ann.id, saved.id) == saved
    assert (saved.level, saved.assessment, saved.made) == ("self_care", ASSESSMENT, NOW)
    assert store.assessments.of(ann.id) == [older, saved]
