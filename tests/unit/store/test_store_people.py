"""People: added, found by id and by username, a taken username refused, a new hash kept."""

from __future__ import annotations

import pytest
from store_helpers import HASH, NOW, a_person

from lumbar.errors import ConflictError, NotFoundError
from lumbar.store import Store


def test_a_person_is_found_by_id_and_by_username(store: Store) -> None:
    ann = a_person(store)
    assert store.people.get(ann.id) == ann == store.people.by_username("ann")
    assert (ann.username, ann.password_hash, ann.created) == ("ann", HASH, NOW)


def test_a_taken_username_is_a_conflict(store: Store) -> None:
    a_person(store)
    with pytest.raises(ConflictError, match="taken"):
        store.people.add("ann", HASH, NOW)
    assert store.people.add("bob", HASH, NOW).username == "bob"  # the store still works after the refusal


def test_an_unknown_person_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.people.get(12345)
    with pytest.raises(NotFoundError):
        store.people.by_username("nobody")
    with pytest.raises(NotFoundError):
        store.people.set_password_hash(12345, HASH)
    with pytest.raises(NotFoundError):
        store.people.delete(12345)


def test_a_new_password_hash_replaces_the_old(store: Store) -> None:
    ann = a_person(store)
    store.people.set_password_hash(ann.id, "$argon2id$new")
    assert store.people.get(ann.id).password_hash == "$argon2id$new"
