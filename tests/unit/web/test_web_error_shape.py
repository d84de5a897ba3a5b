"""Every API error has one JSON shape, whatever went wrong (after datasette's test_error_shape.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from web_helpers import SELF_CARE_TEXT, client_class, make_settings, post_form

from lumbar.errors import KnowledgeError, Problem
from lumbar.web import create_app

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ERROR_KEYS = {"status", "code", "message", "details"}


@pytest.fixture(scope="module")
def crashing_client(ask_home: Path) -> Iterator[TestClient]:
    """An app with two extra routes that fail: a crash and a broken knowledge base."""
    app = create_app(make_settings(ask_home))

    @app.get("/api/test/crash")
    def crash() -> None:
        raise RuntimeError("boom")

    @app.get("/api/test/knowledge")
    def broken() -> None:
        raise KnowledgeError([Problem("causes.yaml", "x", "bad")])

    @app.get("/test/crash")
    def page_crash() -> None:
        raise RuntimeError("boom")

    with client_class()(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _token(client: TestClient) -> str:
    return str(client.post("/api/interview/start", json={"text": SELF_CARE_TEXT}).json()["token"])


CASES: list[tuple[str, str, str, dict[str, Any], int, str]] = [
    # (name, method, path, request kwargs, status, code)
    ("empty text", "POST", "/api/assess", {"json": {"text": "   "}}, 400, "bad_input"),
    ("empty question", "POST", "/api/ask", {"json": {"question": " "}}, 400, "bad_input"),
    (
        "tampered token",
        "POST",
        "/api/interview/step",
        {"json": {"token": "abc.def.ghi", "answer": "no"}},
        400,
        "bad_interview_state",
    ),
    ("unknown path", "GET", "/api/nothing-here", {}, 404, "not_found"),
    ("unknown kind", "GET", "/api/knowledge/spells", {}, 404, "not_found"),
    ("unknown id", "GET", "/api/knowledge/causes/unicorn", {}, 404, "not_found"),
    ("wrong method", "GET", "/api/assess", {}, 405, "method_not_allowed"),
    ("missing field", "POST", "/api/assess", {"json": {}}, 422, "invalid_request"),
    ("extra field", "POST", "/api/assess", {"json": {"text": "back pain", "x": 1}}, 422, "invalid_request"),
    ("wrong type", "POST", "/api/assess", {"json": {"text": 7}}, 422, "invalid_request"),
    (
        "not json",
        "POST",
        "/api/assess",
        {"content": b"{not json", "headers": {"content-type": "application/json"}},
        422,
        "invalid_request",
    ),
    (
        "bad answer",
        "POST",
        "/api/interview/step",
        {"json": {"token": "x", "answer": "maybe?"}},
        422,
        "invalid_request",
    ),
    ("text too long", "POST", "/api/plan", {"json": {"text": "a" * 20_001}}, 422, "invalid_request"),
    (
        "key given twice",
        "POST",
        "/api/assess",
        {"content": b'{"text": "a", "text": "b"}', "headers": {"content-type": "application/json"}},
        422,
        "invalid_request",
    ),
    ("crash", "GET", "/api/test/crash", {}, 500, "internal_error"),
    ("broken knowledge", "GET", "/api/test/knowledge", {}, 500, "knowledge_invalid"),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_every_error_has_the_one_shape(
    crashing_client: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    reply = crashing_client.request(method, path, **kwargs)
    assert reply.status_code == status
    assert reply.headers["content-type"].startswith("application/json")
    body = reply.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 10
    for detail in body["error"]["details"]:
        assert set(detail) == {"field", "message"}


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = client.post("/api/assess", json={}).json()
    assert body["error"]["details"] == [{"field": "text", "message": "Field required"}]


def test_a_crash_does_not_leak_its_message(crashing_client: TestClient) -> None:
    body = crashing_client.get("/api/test/crash").json()
    assert "boom" not in body["error"]["message"]


def test_errors_on_pages_are_pages(crashing_client: TestClient) -> None:
    for path, status in (("/nothing-here", 404), ("/test/crash", 500), ("/learn/spells/x", 404)):
        reply = crashing_client.get(path)
        assert reply.status_code == status
        assert reply.headers["content-type"].startswith("text/html")
        assert "<h1>" in reply.text and "Start again" in reply.text
    assert "boom" not in crashing_client.get("/test/crash").text


def test_a_changed_interview_address_gives_a_clear_error_page(client: TestClient) -> None:
    address = post_form(client, "/interview", {"text": SELF_CARE_TEXT}).url.path
    bad = address[:-3] + ("xyz" if not address.endswith("xyz") else "abc")
    for reply in (client.get(bad), post_form(client, bad + "/answer", {"answer": "no"})):
        assert reply.status_code == 404
        assert "not known here or has expired" in reply.text
        assert 'role="alert"' in reply.text and 'href="/">Start again' in reply.text
