"""A JSON body that gives a key twice is refused (422 in the one error shape, naming the key)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from web_helpers import SELF_CARE_TEXT

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    ("path", "body", "key"),
    [
        ("/api/assess", b'{"text": "back pain", "text": "I am fine"}', "text"),
        ("/api/ask", b'{"question": "a", "question": "b"}', "question"),
        ("/api/interview/step", b'{"token": "t", "answer": "no", "answer": "yes"}', "answer"),
        ("/api/assess", b'{"text": "x", "extra": {"a": 1, "a": 2}}', "a"),
    ],
)
def test_a_key_given_twice_is_refused_by_name(client: TestClient, path: str, body: bytes, key: str) -> None:
    reply = client.post(path, content=body, headers=JSON)
    assert reply.status_code == 422
    error = reply.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["details"] == [{"field": key, "message": f"the key '{key}' is given more than once"}]
    assert f"the key '{key}' is given more than once" in error["message"]


def test_a_json_subtype_is_checked_too(client: TestClient) -> None:
    body = b'{"text": "a", "text": "b"}'
    reply = client.post("/api/assess", content=body, headers={"content-type": "application/problem+json"})
    assert reply.status_code == 422 and reply.json()["error"]["details"][0]["field"] == "text"


def test_the_same_key_in_different_objects_is_fine(client: TestClient) -> None:
    reply = client.post("/api/assess", json={"text": SELF_CARE_TEXT})
    assert reply.status_code == 200


def test_a_body_that_is_not_json_is_still_reported_as_before(client: TestClient) -> None:
    reply = client.post("/api/assess", content=b'{"text": ', headers=JSON)
    assert reply.status_code == 422 and reply.json()["error"]["code"] == "invalid_request"
