"""Saved interview states: every step of an interview, and its result, has its own short address.

Why on the server and not in the address: a state holds the person's own words (up to 20,000
characters), so its sealed token can pass 60,000 characters, far over what servers and proxies take
in an address (uvicorn reads at most 16 KiB of request head, nginx 8 KiB a line by default). So the
state is sealed as before (encrypted and signed by :class:`TokenSigner`, which also refuses it once
stale) and kept in lumbar's database (``lumbar.store``: the interview_state table) under a random key;
the address carries only the key.

The table holds the SHA-256 of each key, never the key, and only sealed tokens: it opens no address
and shows no one's words by itself. Rows are never changed (an answer makes a new row), so Back,
reload and a bookmark of any earlier step keep working; rows older than the tokens' ``max_age`` are
deleted as new ones are saved.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable

from lumbar.errors import NotFoundError
from lumbar.interview.models import InterviewState
from lumbar.store import InterviewStates
from lumbar.web.signed_state import TokenSigner

#: random bytes in a key (128 bits: not guessable, 22 characters in an address)
KEY_BYTES = 16
KEY_SHAPE = re.compile(r"[A-Za-z0-9_-]{22}")
NOT_FOUND = (
    "this interview address is not known here or has expired (an interview is kept for a day). "
    "Please start again from the first page."
)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


class SavedStates:
    """Interview states saved under random keys in ``states``, sealed by ``signer``, kept for
    ``signer.max_age`` seconds."""

    def __init__(
        self, signer: TokenSigner, states: InterviewStates, clock: Callable[[], float] = time.time
    ) -> None:
        self._signer = signer
        self._states = states
        self._clock = clock

    def save(self, state: InterviewState) -> str:
        """The new key under which ``state`` is kept (stale rows are deleted on the way)."""
        key = secrets.token_urlsafe(KEY_BYTES)
        now = int(self._clock())
        self._states.add(
            _hash(key), self._signer.sign(state), made=now, purge_before=now - self._signer.max_age
        )
        return key

    def load(self, key: str) -> InterviewState:
        """The state saved under ``key``.

        Raises NotFoundError for a key that is malformed, unknown or deleted as stale, and
        InterviewError when the sealed state is too old or cannot be trusted.
        """
        if not KEY_SHAPE.fullmatch(key):
            raise NotFoundError(NOT_FOUND)
        token = self._states.token(_hash(key))
        if token is None:
            raise NotFoundError(NOT_FOUND)
        return self._signer.read(token)
