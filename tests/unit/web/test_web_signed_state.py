"""Interview tokens: what is sealed comes back; the person's words cannot be read from a token in any
decodable form; anything changed, foreign, stale or malformed is refused."""

from __future__ import annotations

import base64
import binascii
import contextlib
import zlib
from typing import TYPE_CHECKING

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from web_helpers import post_form

from lumbar.errors import InterviewError
from lumbar.interview.models import InterviewState
from lumbar.knowledge.dump import json_text
from lumbar.store.models import InterviewStateRow
from lumbar.web.signed_state import TokenSigner, token_key

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

SECRET = "a-secret-of-at-least-thirty-two-bytes"
WORDS = ["grandmother", "zebra", "trampoline"]
STATE = InterviewState(
    text="I fell off my grandmother's zebra trampoline",
    answers={"age": 35.0, "fever": "no"},
    asked=["age", "fever"],
)


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def decodable_forms(token: str) -> list[bytes]:
    """The token and every way of reading a part of it: base64 (with any padding), then zlib."""
    forms = [token.encode()]
    for part in [token, *token.split(".")]:
        part = part.lstrip(".")
        for offset in range(4):  # base64 read from any of the four alignments
            chunk = part[offset:]
            try:
                raw = base64.urlsafe_b64decode(chunk + "=" * (-len(chunk) % 4))
            except (binascii.Error, ValueError):
                continue
            forms.append(raw)
            with contextlib.suppress(zlib.error):
                forms.append(zlib.decompress(raw))
    return forms


def test_a_sealed_state_reads_back_unchanged() -> None:
    signer = TokenSigner(SECRET, max_age=60)
    assert signer.read(signer.sign(STATE)) == STATE


def test_a_sealed_state_with_a_choice_reads_back_unchanged() -> None:
    state = STATE.replace(
        answers={**STATE.answers, "leg_sides": "both_legs"}, asked=[*STATE.asked, "leg_sides"]
    )
    signer = TokenSigner(SECRET, max_age=60)
    assert signer.read(signer.sign(state)) == state


def test_the_words_cannot_be_read_from_the_token() -> None:
    token = TokenSigner(SECRET, max_age=60).sign(STATE)
    for form in decodable_forms(token):
        for word in WORDS:
            assert word.encode() not in form.lower()


@pytest.mark.parametrize("compress", [False, True])
def test_the_reading_above_finds_the_words_in_a_token_that_is_only_signed(compress: bool) -> None:
    # The shape of the tokens before (itsdangerous): base64 of the JSON, zlib-compressed when shorter.
    data = json_text(STATE).encode()
    body = base64.urlsafe_b64encode(zlib.compress(data) if compress else data).decode().rstrip("=")
    signed_only = f"{'.' if compress else ''}{body}.aGVsbG8.c2lnbmF0dXJl"
    assert any(b"zebra" in form for form in decodable_forms(signed_only))


def test_the_saved_state_of_a_page_and_the_token_of_an_api_reply_hide_the_words(
    client: TestClient, app: FastAPI
) -> None:
    text = "My back cramps since I fell off my grandmother's zebra trampoline. I am 35."
    page = post_form(client, "/interview", {"text": text})
    reply = client.post("/api/interview/start", json={"text": text}).json()
    with app.state.store.engine.connect() as connection:
        tokens = list(connection.scalars(select(InterviewStateRow.token)))
    assert tokens and all(word not in page.url.path for word in WORDS)
    for token in (*tokens, reply["token"]):
        assert all(word.encode() not in form.lower() for form in decodable_forms(token) for word in WORDS)


def test_the_same_state_seals_differently_each_time() -> None:
    signer = TokenSigner(SECRET, max_age=60)
    assert signer.sign(STATE) != signer.sign(STATE)  # a fresh random IV each time


@pytest.mark.parametrize("where", [0, 10, 40, -5])
def test_a_changed_token_is_refused(where: int) -> None:
    signer = TokenSigner(SECRET, max_age=60)
    token = signer.sign(STATE)
    at = where % len(token)
    tampered = token[:at] + ("A" if token[at] != "A" else "B") + token[at + 1 :]
    with pytest.raises(InterviewError, match="changed"):
        signer.read(tampered)


def test_a_token_from_another_secret_is_refused() -> None:
    token = TokenSigner("another secret, also thirty-two bytes", max_age=60).sign(STATE)
    with pytest.raises(InterviewError, match="cannot be trusted"):
        TokenSigner(SECRET, max_age=60).read(token)


def test_a_stale_token_is_refused() -> None:
    clock = Clock()
    signer = TokenSigner(SECRET, max_age=60, clock=clock)
    token = signer.sign(STATE)
    clock.now += 60
    assert signer.read(token) == STATE
    clock.now += 1
    with pytest.raises(InterviewError, match="too old"):
        signer.read(token)


def test_a_sealed_payload_that_is_not_a_state_is_refused() -> None:
    forged = Fernet(token_key(SECRET)).encrypt(b'{"text": "x", "answers": {"fever": ["maybe"]}}').decode()
    with pytest.raises(InterviewError, match="valid interview"):
        TokenSigner(SECRET, max_age=60).read(forged)


def test_the_key_is_derived_for_this_purpose_only() -> None:
    plain_key = base64.urlsafe_b64encode(SECRET.encode()[:32])
    forged = Fernet(plain_key).encrypt(json_text(STATE).encode()).decode()
    with pytest.raises(InterviewError, match="cannot be trusted"):
        TokenSigner(SECRET, max_age=60).read(forged)


@pytest.mark.parametrize("token", ["", "x" * 70_000, "not a token at all", "gAAAAA€€€", "abc.def.ghi"])
def test_empty_huge_and_garbage_tokens_are_refused(token: str) -> None:
    with pytest.raises(InterviewError):
        TokenSigner(SECRET, max_age=60).read(token)


def test_a_signer_needs_a_secret() -> None:
    with pytest.raises(ValueError, match="secret"):
        TokenSigner("", max_age=60)
