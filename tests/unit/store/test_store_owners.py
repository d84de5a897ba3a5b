"""Every read and change of a person's rows is scoped to its owner: another person's id is not found,
exactly as an id that does not exist; deleting a person leaves no row of theirs in any table."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from store_helpers import ASSESSMENT, NOW, a_day, a_person, a_score

from lumbar.errors import NotFoundError
from lumbar.store import Store
from lumbar.store.models import Base, Person

#: tables whose rows belong to no one (sealed anonymous interview states)
UNOWNED = {"interview_state"}


def filled(store: Store) -> tuple[int, int, dict[str, int]]:
    """Two people, each with two entries, an assessment and a kept score; ann's ids and bob's id."""
    ann, bob = a_person(store, "ann"), a_person(store, "bob")
    for person in (ann, bob):
        store.diary.add(person.id, a_day(), NOW)
        store.diary.add(person.id, a_day(pain_now=3), NOW)
        store.assessments.add(person.id, "self_care", ASSESSMENT, NOW)
        store.scores.add(person.id, a_score(), NOW)
    ids = {
        "entry": store.diary.of(ann.id)[0].id,
        "assessment": store.assessments.of(ann.id)[0].id,
        "score": store.scores.of(ann.id)[0].id,
    }
    return ann.id, bob.id, ids


READS_AND_CHANGES: dict[str, Callable[[Store, int, dict[str, int]], object]] = {
    "diary.get": lambda store, owner, ids: store.diary.get(owner, ids["entry"]),
    "diary.delete": lambda store, owner, ids: store.diary.delete(owner, ids["entry"]),
    "assessments.get": lambda store, owner, ids: store.assessments.get(owner, ids["assessment"]),
    "assessments.delete": lambda store, owner, ids: store.assessments.delete(owner, ids["assessment"]),
    "scores.get": lambda store, owner, ids: store.scores.get(owner, ids["score"]),
    "scores.delete": lambda store, owner, ids: store.scores.delete(owner, ids["score"]),
}


@pytest.mark.parametrize("call", READS_AND_CHANGES, ids=str)
def test_another_persons_id_is_not_found_and_changes_nothing(store: Store, call: str) -> None:
    ann, bob, ids = filled(store)
    with pytest.raises(NotFoundError) as by_other:
        READS_AND_CHANGES[call](store, bob, ids)
    with pytest.raises(NotFoundError) as by_nobody:
        READS_AND_CHANGES[call](store, ann, {name: 10_000 + value for name, value in ids.items()})
    assert str(by_other.value) == str(by_nobody.value)  # the answer does not tell the row exists
    assert len(store.diary.of(ann)) == 2 and len(store.assessments.of(ann)) == 1
    assert len(store.scores.of(ann)) == 1
    READS_AND_CHANGES[call](store, ann, ids)  # its owner may


def test_lists_hold_only_the_owners_rows(store: Store) -> None:
    ann, bob, _ = filled(store)
    assert {entry.owner_id for entry in store.diary.of(ann)} == {ann}
    assert {saved.owner_id for saved in store.assessments.of(bob)} == {bob}
    assert {kept.owner_id for kept in store.scores.of(ann)} == {ann}


def owned_rows(store: Store, person_id: int) -> dict[str, int]:
    """The rows of ``person_id`` in every table that has an owner, and their person row."""
    counts = {}
    with store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in UNOWNED:
                continue
            column = table.c.id if table is Person.__table__ else table.c.owner_id
            counts[table.name] = connection.scalar(select(func.count()).where(column == person_id))
    return counts


def test_every_table_is_either_owned_or_known_to_be_unowned() -> None:
    for table in Base.metadata.sorted_tables:
        assert table is Person.__table__ or "owner_id" in table.c or table.name in UNOWNED, table.name


def test_deleting_a_person_leaves_no_row_of_theirs_and_keeps_everyone_elses(store: Store) -> None:
    ann, bob, _ = filled(store)
    before = owned_rows(store, bob)
    assert all(owned_rows(store, ann).values())
    store.people.delete(ann)
    assert owned_rows(store, ann) == dict.fromkeys(before, 0)
    assert owned_rows(store, bob) == before
    with pytest.raises(NotFoundError):
        store.people.get(ann)
