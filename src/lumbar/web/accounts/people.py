"""Sign-up, log-in and the person behind a session, over the store's people and argon2 passwords."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from lumbar.errors import InputError, NotFoundError, SignInError
from lumbar.store import People, PersonRecord
from lumbar.web.accounts.passwords import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, Passwords
from lumbar.web.accounts.sessions import SessionClaim, fingerprint

USERNAME_SHAPE = re.compile(r"[a-z0-9][a-z0-9._-]{2,39}")
BAD_USERNAME = (
    "a username needs 3 to 40 characters: letters, digits, dots, dashes or underscores, starting with a "
    "letter or digit"
)
BAD_PASSWORD = (
    f"a password needs at least {MIN_PASSWORD_CHARS} characters (at most {MAX_PASSWORD_CHARS}); a few "
    "words you will remember work well"
)
WRONG_LOG_IN = "that username and password do not match an account here. Please check them and try again"


def normal_username(username: str) -> str:
    """The username as kept: without surrounding spaces, in lower case (so 'Ann' and 'ann' are one)."""
    return username.strip().lower()


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Accounts:
    """People's accounts: ``sign_up``, ``log_in`` and ``person_of`` a session."""

    def __init__(
        self, people: People, passwords: Passwords, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self._people = people
        self._passwords = passwords
        self._clock = clock

    def sign_up(self, username: str, password: str) -> PersonRecord:
        """A new account; InputError for a username or password that cannot be used, ConflictError when
        the username is taken."""
        name = normal_username(username)
        if not USERNAME_SHAPE.fullmatch(name):
            raise InputError(BAD_USERNAME)
        if not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
            raise InputError(BAD_PASSWORD)
        return self._people.add(name, self._passwords.hash(password), self._clock())

    def log_in(self, username: str, password: str) -> PersonRecord:
        """The person with this username and password; SignInError (one message for both) otherwise."""
        person: PersonRecord | None = None
        if len(password) <= MAX_PASSWORD_CHARS:
            try:
                person = self._people.by_username(normal_username(username))
            except NotFoundError:
                person = None
        # an unknown username is checked against a decoy hash, so it takes as long as a wrong password
        if not self._passwords.matches(person.password_hash if person else None, password) or person is None:
            raise SignInError(WRONG_LOG_IN)
        if self._passwords.needs_rehash(person.password_hash):
            self._people.set_password_hash(person.id, self._passwords.hash(password))
            person = self._people.get(person.id)
        return person

    def person_of(self, claim: SessionClaim | None) -> PersonRecord | None:
        """The person a session claims to be, when they still exist with the same password; else None."""
        if claim is None:
            return None
        try:
            person = self._people.get(claim.person_id)
        except NotFoundError:
            return None
        return person if fingerprint(person) == claim.fingerprint else None

    def delete(self, person: PersonRecord) -> None:
        """Delete the person and every row they own."""
        self._people.delete(person.id)
