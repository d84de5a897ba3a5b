"""Passwords: hashed with argon2id through argon2-cffi's ``PasswordHasher``, never kept or logged.

argon2id is the winner of the Password Hashing Competition and OWASP's first choice; argon2-cffi is
the well-kept binding its authors recommend, with sane defaults (RFC 9106's low-memory profile), a
constant-time check, and ``check_needs_rehash`` so that stronger parameters reach old hashes at the
next log-in.
"""

from __future__ import annotations

from functools import cached_property

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

#: the shortest password taken: long enough to resist guessing at the log-in throttle's pace
MIN_PASSWORD_CHARS = 10
#: the longest password taken (hashing cost grows with length; nobody types more)
MAX_PASSWORD_CHARS = 256


class Passwords:
    """Hashes passwords and checks them against a hash, with ``hasher`` (argon2id by default)."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()

    @cached_property
    def _decoy(self) -> str:
        """Checked against when the username is unknown, so that a wrong username takes as long as a
        wrong password; made on first use, not when the app is made."""
        return self._hasher.hash("lumbar decoy password, never anyone's")

    def hash(self, password: str) -> str:
        """The argon2id hash of ``password`` (with its own random salt)."""
        return self._hasher.hash(password)

    def matches(self, password_hash: str | None, password: str) -> bool:
        """True when ``password`` is the one ``password_hash`` was made from (``None``: the decoy, False)."""
        try:
            return self._hasher.verify(password_hash or self._decoy, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True when ``password_hash`` was made with weaker parameters than the hasher's."""
        return self._hasher.check_needs_rehash(password_hash)
