"""The parts of accounts on their own: argon2 passwords, sealed session cookies, sign-up and log-in
rules, and the log-in throttle."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher

from lumbar.errors import ConflictError, InputError, SignInError
from lumbar.store import open_store
from lumbar.web.accounts.passwords import Passwords
from lumbar.web.accounts.people import Accounts
from lumbar.web.accounts.sessions import SessionCookies
from lumbar.web.accounts.throttle import LoginThrottle
from lumbar.web.errors import Refusal

FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
SECRET = "a-test-secret-for-sessions"
PASSWORD = "correct horse battery"


@pytest.fixture
def accounts() -> Accounts:
    return Accounts(
        open_store("sqlite://").people, Passwords(FAST), clock=lambda: datetime(2026, 3, 2, tzinfo=UTC)
    )


def test_a_password_is_kept_as_an_argon2id_hash_that_only_it_matches() -> None:
    passwords = Passwords(FAST)
    hashed = passwords.hash(PASSWORD)
    assert hashed.startswith("$argon2id$") and PASSWORD not in hashed
    assert passwords.matches(hashed, PASSWORD)
    assert not passwords.matches(hashed, PASSWORD + "!")
    assert not passwords.matches("not a hash", PASSWORD)
    assert not passwords.matches(None, "lumbar decoy password, never anyone's")


def test_a_hash_made_with_weaker_settings_is_made_again_at_log_in(accounts: Accounts) -> None:
    person = accounts.sign_up("ann", PASSWORD)
    stronger = Accounts(
        accounts._people, Passwords(PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    )
    again = stronger.log_in("ann", PASSWORD)
    assert again.password_hash != person.password_hash and "t=2" in again.password_hash


def test_sign_up_and_log_in(accounts: Accounts) -> None:
    person = accounts.sign_up("  Ann.Smith ", PASSWORD)
    assert person.username == "ann.smith"
    assert accounts.log_in("ANN.SMITH", PASSWORD).id == person.id


@pytest.mark.parametrize("username", ["ab", "-ann", "ann smith", "ann/../x", "a" * 41, ""])
def test_a_username_of_the_wrong_shape_is_refused(accounts: Accounts, username: str) -> None:
    with pytest.raises(InputError, match="username"):
        accounts.sign_up(username, PASSWORD)


@pytest.mark.parametrize("password", ["short", "x" * 257])
def test_a_password_too_short_or_too_long_is_refused(accounts: Accounts, password: str) -> None:
    with pytest.raises(InputError, match="password"):
        accounts.sign_up("ann", password)


def test_a_taken_username_is_a_conflict(accounts: Accounts) -> None:
    accounts.sign_up("ann", PASSWORD)
    with pytest.raises(ConflictError):
        accounts.sign_up("ANN", PASSWORD)


def test_a_wrong_password_and_an_unknown_username_get_the_same_answer(accounts: Accounts) -> None:
    accounts.sign_up("ann", PASSWORD)
    with pytest.raises(SignInError) as wrong_password:
        accounts.log_in("ann", "not the password")
    with pytest.raises(SignInError) as unknown:
        accounts.log_in("bob", PASSWORD)
    assert str(wrong_password.value) == str(unknown.value)


def test_a_session_opens_to_its_person_until_it_expires() -> None:
    now = [1_000_000.0]
    cookies = SessionCookies(SECRET, max_age=60, clock=lambda: now[0])
    store = open_store("sqlite://")
    accounts = Accounts(store.people, Passwords(FAST))
    person = accounts.sign_up("ann", PASSWORD)
    sealed = cookies.seal(person)
    assert b'"p"' not in base64.urlsafe_b64decode(sealed)  # sealed: the claim cannot be read
    assert accounts.person_of(cookies.open(sealed)) == person
    now[0] += 61
    assert cookies.open(sealed) is None


def test_a_changed_or_foreign_session_cookie_opens_to_nobody() -> None:
    cookies = SessionCookies(SECRET)
    person = Accounts(open_store("sqlite://").people, Passwords(FAST)).sign_up("ann", PASSWORD)
    sealed = cookies.seal(person)
    assert cookies.open(sealed[:-4] + ("AAAA" if not sealed.endswith("AAAA") else "BBBB")) is None
    assert SessionCookies("another secret").open(sealed) is None
    assert cookies.open("") is None and cookies.open("x" * 1000) is None


def test_a_new_password_or_a_deleted_account_ends_old_sessions(accounts: Accounts) -> None:
    cookies = SessionCookies(SECRET)
    person = accounts.sign_up("ann", PASSWORD)
    claim = cookies.open(cookies.seal(person))
    accounts._people.set_password_hash(person.id, Passwords(FAST).hash("another long password"))
    assert accounts.person_of(claim) is None
    accounts.delete(accounts._people.get(person.id))
    assert accounts.person_of(claim) is None


def test_an_id_given_again_to_a_new_person_does_not_open_the_old_session(accounts: Accounts) -> None:
    cookies = SessionCookies(SECRET)
    old = accounts.sign_up("ann", PASSWORD)
    claim = cookies.open(cookies.seal(old))
    accounts.delete(old)
    new = accounts.sign_up("bob", PASSWORD)
    assert new.id == old.id  # SQLite gives the highest id again once its row is gone
    assert accounts.person_of(claim) is None
    assert accounts.person_of(cookies.open(cookies.seal(replace(new)))) == new


def test_log_ins_are_throttled_per_client_and_per_username() -> None:
    now = [0.0]
    throttle = LoginThrottle(burst=3, per_minute=6, clock=lambda: now[0])
    for _ in range(3):
        throttle.attempt("10.0.0.1", "ann")
    with pytest.raises(Refusal) as refused:
        throttle.attempt("10.0.0.2", "ANN")  # another place, the same person
    assert refused.value.status_code == 429 and refused.value.headers == {"Retry-After": "10"}
    throttle.attempt("10.0.0.3", "bob")
    now[0] += 10
    throttle.attempt("10.0.0.2", "ann")
