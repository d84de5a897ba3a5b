"""Saved interview states: every step of an interview, and its result, has its own short address.

Why on the server and not in the address: a state holds the person's own words (up to 20,000
characters), so its sealed token can pass 60,000 characters, far over what servers and proxies take
in an address (uvicorn reads at most 16 KiB of request head, nginx 8 KiB a line by default). So the
state is sealed as before (encrypted and signed by :class:`TokenSigner`, which also refuses it once
stale) and kept in a small SQLite table under a random key; the address carries only the key.

The table holds the SHA-256 of each key, never the key, and only sealed tokens: it opens no address
and shows no one's words by itself. Rows are never changed (an answer makes a new row), so Back,
reload and a bookmark of any earlier step keep working; rows older than the tokens' ``max_age`` are
deleted as new ones are saved.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from lumbar.errors import NotFoundError
from lumbar.interview.models import InterviewState
from lumbar.web.signed_state import TokenSigner

#: random bytes in a key (128 bits: not guessable, 22 characters in an address)
KEY_BYTES = 16
KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{22}")
IN_MEMORY = ":memory:"
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS interview_state ("
    " key_hash TEXT PRIMARY KEY, token TEXT NOT NULL, made INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS interview_state_made ON interview_state (made)",
)
NOT_FOUND = (
    "this interview address is not known here or has expired (an interview is kept for a day). "
    "Please start again from the first page."
)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


class SavedStates:
    """Interview states saved under random keys, sealed by ``signer``, kept for ``signer.max_age`` seconds."""

    def __init__(
        self, signer: TokenSigner, path: Path | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self._signer = signer
        self._clock = clock
        self._lock = threading.Lock()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # one connection shared by the worker threads, one statement at a time under the lock
        self._db = sqlite3.connect(str(path) if path else IN_MEMORY, check_same_thread=False, timeout=10)
        with self._lock, self._db:
            for statement in _SCHEMA:
                self._db.execute(statement)

    def save(self, state: InterviewState) -> str:
        """The new key under which ``state`` is kept (stale rows are deleted on the way)."""
        key = secrets.token_urlsafe(KEY_BYTES)
        now = int(self._clock())
        token = self._signer.sign(state)
        with self._lock, self._db:
            self._db.execute("DELETE FROM interview_state WHERE made < ?", (now - self._signer.max_age,))
            self._db.execute("INSERT INTO interview_state VALUES (?, ?, ?)", (_hash(key), token, now))
        return key

    def load(self, key: str) -> InterviewState:
        """The state saved under ``key``.

        Raises NotFoundError for a key that is malformed, unknown or deleted as stale, and
        InterviewError when the sealed state is too old or cannot be trusted.
        """
        if not KEY_SHAPE.fullmatch(key):
            raise NotFoundError(NOT_FOUND)
        with self._lock:
            row = self._db.execute(
                "SELECT token FROM interview_state WHERE key_hash = ?", (_hash(key),)
            ).fetchone()
        if row is None:
            raise NotFoundError(NOT_FOUND)
        return self._signer.read(str(row[0]))
