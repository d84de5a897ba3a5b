"""Interview tokens: the interview state travels with the page, encrypted and signed, never trusted blindly.

The state holds the person's own words and answers, so it is encrypted as well as authenticated,
with Fernet (AES-128-CBC and HMAC-SHA256, from ``cryptography``): neither the page source nor a
log or a proxy that sees a token can read them, and a changed token is refused. The key is derived
from the server's secret with HKDF-SHA256 for this one purpose. A token carries the time it was
made, and one older than ``max_age`` seconds is refused.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import ValidationError

from lumbar.errors import InterviewError
from lumbar.interview.models import InterviewState
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.schemas import interview as schema

#: what the derived key is for; a key derived for anything else opens no interview token
KEY_PURPOSE = b"lumbar.interview-token.v2"
#: longer tokens than this are refused before any decoding work
MAX_TOKEN_CHARS = 60_000


def token_key(secret: str) -> bytes:
    """The Fernet key for interview tokens, derived from ``secret`` with HKDF-SHA256."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_PURPOSE)
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode("utf-8")))


class TokenSigner:
    """Turns an interview state into an encrypted, signed token and back, refusing tampered or stale tokens."""

    def __init__(self, secret: str, max_age: int, clock: Callable[[], float] = time.time) -> None:
        if not secret:
            raise ValueError("a token signer needs a non-empty secret")
        self._fernet = Fernet(token_key(secret))
        self.max_age = max_age
        self._clock = clock

    def sign(self, state: InterviewState) -> str:
        """The token for ``state``."""
        payload = json.dumps(as_data(state), ensure_ascii=False, separators=(",", ":"))
        return self._fernet.encrypt_at_time(payload.encode("utf-8"), int(self._clock())).decode("ascii")

    def read(self, token: str) -> InterviewState:
        """The state inside ``token``; raises InterviewError when it was changed, is too old or malformed."""
        if not token or len(token) > MAX_TOKEN_CHARS:
            raise InterviewError(
                "the interview token is missing or too long. Please start again from the first page."
            )
        data = token.encode("utf-8")
        try:
            made = self._fernet.extract_timestamp(data)  # checks the signature first
            if self._clock() - made > self.max_age:
                raise InterviewError(
                    "this interview is too old to continue. Please start again from the first page."
                )
            payload = json.loads(self._fernet.decrypt(data))
        except (InvalidToken, ValueError) as exc:
            raise InterviewError(
                "the interview token was changed or is not from this server, so it cannot be trusted. "
                "Please start again from the first page."
            ) from exc
        try:
            return to_runtime(schema.InterviewState.model_validate(payload))
        except ValidationError as exc:
            raise InterviewError(
                "the interview token does not hold a valid interview. Please start again from the first page."
            ) from exc
