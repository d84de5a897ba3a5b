"""Signed interview tokens: the interview state travels with the page, never trusted blindly.

The state is signed (HMAC, itsdangerous) and time-stamped, not encrypted: it holds only what the
person typed and answered, which their own browser already shows.
"""

from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from pydantic import ValidationError

from lumbar.errors import InterviewError
from lumbar.interview.models import InterviewState

SALT = "lumbar.interview.v1"
#: longer tokens than this are refused before any decoding work
MAX_TOKEN_CHARS = 60_000


class TokenSigner:
    """Turns an interview state into a signed token and back, refusing tampered or stale tokens."""

    def __init__(self, secret: str, max_age: int) -> None:
        if not secret:
            raise ValueError("a token signer needs a non-empty secret")
        self._serializer = URLSafeTimedSerializer(secret, salt=SALT)
        self.max_age = max_age

    def sign(self, state: InterviewState) -> str:
        """The token for ``state``."""
        return str(self._serializer.dumps(state.model_dump(mode="json")))

    def read(self, token: str) -> InterviewState:
        """The state inside ``token``; raises InterviewError when it was changed, is too old or malformed."""
        if not token or len(token) > MAX_TOKEN_CHARS:
            raise InterviewError(
                "the interview token is missing or too long. Please start again from the first page."
            )
        try:
            payload = self._serializer.loads(token, max_age=self.max_age)
        except SignatureExpired as exc:
            raise InterviewError(
                "this interview is too old to continue. Please start again from the first page."
            ) from exc
        except BadSignature as exc:
            raise InterviewError(
                "the interview token was changed or is not from this server, so it cannot be trusted. "
                "Please start again from the first page."
            ) from exc
        try:
            return InterviewState.model_validate(payload)
        except ValidationError as exc:
            raise InterviewError(
                "the interview token does not hold a valid interview. Please start again from the first page."
            ) from exc
