"""Interview tokens: what is signed comes back; anything changed, foreign, stale or malformed is refused."""

from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from lumbar.errors import InterviewError
from lumbar.interview.models import InterviewState
from lumbar.web.tokens import SALT, TokenSigner

STATE = InterviewState(
    text="back cramp after lifting", answers={"age": 35.0, "fever": "no"}, asked=["age", "fever"]
)


def test_a_signed_state_reads_back_unchanged() -> None:
    signer = TokenSigner("secret", max_age=60)
    assert signer.read(signer.sign(STATE)) == STATE


def test_a_changed_token_is_refused() -> None:
    signer = TokenSigner("secret", max_age=60)
    token = signer.sign(STATE)
    tampered = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    with pytest.raises(InterviewError, match="changed"):
        signer.read(tampered)


def test_a_token_from_another_secret_is_refused() -> None:
    token = TokenSigner("other secret", max_age=60).sign(STATE)
    with pytest.raises(InterviewError, match="cannot be trusted"):
        TokenSigner("secret", max_age=60).read(token)


def test_a_stale_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    signer = TokenSigner("secret", max_age=60)
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - 61)
    token = signer.sign(STATE)
    monkeypatch.undo()
    with pytest.raises(InterviewError, match="too old"):
        signer.read(token)


def test_a_signed_payload_that_is_not_a_state_is_refused() -> None:
    forged = URLSafeTimedSerializer("secret", salt=SALT).dumps({"text": "x", "answers": {"fever": "maybe"}})
    with pytest.raises(InterviewError, match="valid interview"):
        TokenSigner("secret", max_age=60).read(str(forged))


@pytest.mark.parametrize("token", ["", "x" * 70_000, "not a token at all"])
def test_empty_huge_and_garbage_tokens_are_refused(token: str) -> None:
    with pytest.raises(InterviewError):
        TokenSigner("secret", max_age=60).read(token)


def test_a_signer_needs_a_secret() -> None:
    with pytest.raises(ValueError, match="secret"):
        TokenSigner("", max_age=60)
