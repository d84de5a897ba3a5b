"""Saved interview states: what is saved comes back under its key; keys are random and not stored;
unknown, malformed and stale keys are refused; stale rows are deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from lumbar.errors import InterviewError, NotFoundError
from lumbar.interview.models import InterviewState
from lumbar.store import IN_MEMORY, Store, open_store
from lumbar.store.models import InterviewStateRow
from lumbar.web.saved_states import KEY_SHAPE, SavedStates
from lumbar.web.signed_state import TokenSigner

SECRET = "a-secret-of-at-least-thirty-two-bytes"
STATE = InterviewState(text="my back went into spasm", answers={"age": 35.0}, asked=["age"])


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def saved_states(clock: Clock, max_age: int = 60, store: Store | None = None) -> SavedStates:
    store = store or open_store(IN_MEMORY)
    return SavedStates(TokenSigner(SECRET, max_age=max_age, clock=clock), store.interview_states, clock=clock)


def rows(store: Store) -> list[tuple[str, str, int]]:
    table = InterviewStateRow.__table__
    with store.engine.connect() as connection:
        return [
            tuple(row) for row in connection.execute(select(table.c.key_hash, table.c.token, table.c.made))
        ]


def test_a_saved_state_comes_back_under_its_key() -> None:
    saved = saved_states(Clock())
    key = saved.save(STATE)
    assert KEY_SHAPE.fullmatch(key)
    assert saved.load(key) == STATE


def test_each_save_makes_a_new_key_and_keeps_the_earlier_ones() -> None:
    saved = saved_states(Clock())
    first, second = saved.save(STATE), saved.save(STATE.replace(pending="fever"))
    assert first != second
    assert saved.load(first) == STATE and saved.load(second).pending == "fever"


def test_the_table_holds_neither_the_key_nor_the_words() -> None:
    store = open_store(IN_MEMORY)
    key = saved_states(Clock(), store=store).save(STATE)
    [(key_hash, token, _)] = rows(store)
    assert key not in key_hash and key not in token and "spasm" not in token


@pytest.mark.parametrize(
    "key", ["", "short", "A" * 22, "A" * 23, "../../etc/passwd", "a b c d e f g h i j k l"]
)
def test_an_unknown_or_malformed_key_is_not_found(key: str) -> None:
    saved = saved_states(Clock())
    saved.save(STATE)
    with pytest.raises(NotFoundError, match="start again"):
        saved.load(key)


def test_a_stale_state_is_refused_then_deleted() -> None:
    clock, store = Clock(), open_store(IN_MEMORY)
    saved = saved_states(clock, max_age=60, store=store)
    old = saved.save(STATE)
    clock.now += 61
    with pytest.raises(InterviewError, match="too old"):
        saved.load(old)
    fresh = saved.save(STATE)  # saving deletes what is stale
    assert len(rows(store)) == 1 and saved.load(fresh) == STATE
    with pytest.raises(NotFoundError):
        saved.load(old)


def test_states_saved_in_a_file_outlive_the_connection(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'lumbar.sqlite3'}"
    signer = TokenSigner(SECRET, max_age=60)
    first = open_store(url)
    key = SavedStates(signer, first.interview_states).save(STATE)
    first.close()
    assert SavedStates(signer, open_store(url).interview_states).load(key) == STATE
