"""The web interviews' sealed states on each database: kept under their key's hash, stale ones purged."""

from __future__ import annotations

from lumbar.store import Store


def test_a_state_comes_back_and_the_stale_are_purged_as_new_ones_come(store: Store) -> None:
    store.interview_states.add("a" * 64, "sealed-1", made=1000, purge_before=0)
    store.interview_states.add("b" * 64, "sealed-2", made=2000, purge_before=1500)
    assert store.interview_states.token("b" * 64) == "sealed-2"
    assert store.interview_states.token("a" * 64) is None  # made before 1500: purged by the second add
    assert store.interview_states.token("c" * 64) is None
