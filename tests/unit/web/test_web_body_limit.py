"""The request-body limit: a body over the setting is refused (413, the one error shape) before it
is read, whether it says its size or streams in chunks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import SELF_CARE_TEXT, asgi_call, client_class, make_settings, run_async

from lumbar.errors import SettingsError
from lumbar.settings import Settings
from lumbar.web import create_app, settings_from_env

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

LIMIT = 4096
JSON = ("content-type", "application/json")


@pytest.fixture(scope="module")
def small_app(ask_home: Path) -> FastAPI:
    return create_app(make_settings(ask_home, max_body_bytes=LIMIT))


@pytest.fixture(scope="module")
def small_client(small_app: FastAPI) -> Iterator[TestClient]:
    with client_class()(small_app) as client:
        yield client


def _too_large(body: dict[str, dict[str, object]]) -> None:
    assert body["error"]["status"] == 413 and body["error"]["code"] == "too_large"
    assert f"larger than {LIMIT} bytes" in str(body["error"]["message"])
    assert set(body["error"]) == {"status", "code", "message", "details"}


def test_the_default_limit_is_64_kb() -> None:
    assert Settings.model_fields["max_body_bytes"].default == 65536
    assert settings_from_env(environ={}).max_body_bytes == 65536
    assert settings_from_env(environ={"LUMBAR_MAX_BODY_BYTES": "2048"}).max_body_bytes == 2048


@pytest.mark.parametrize(("value", "problem"), [("lots", "a whole number"), ("10", "at least 1024")])
def test_a_bad_limit_is_refused_naming_the_variable(value: str, problem: str) -> None:
    with pytest.raises(SettingsError, match=f"LUMBAR_MAX_BODY_BYTES .*{problem}"):
        settings_from_env(environ={"LUMBAR_MAX_BODY_BYTES": value})


def test_a_body_within_the_limit_is_served(small_client: TestClient) -> None:
    assert small_client.post("/api/assess", json={"text": SELF_CARE_TEXT}).status_code == 200


def test_a_json_body_over_the_limit_is_a_413_in_the_one_shape(small_client: TestClient) -> None:
    reply = small_client.post("/api/assess", json={"text": "a" * LIMIT})
    assert reply.status_code == 413
    _too_large(reply.json())


def test_a_form_over_the_limit_is_a_413_page(small_client: TestClient) -> None:
    reply = small_client.post("/interview", data={"text": "a" * LIMIT})
    assert reply.status_code == 413
    assert reply.headers["content-type"].startswith("text/html")
    assert f"larger than {LIMIT} bytes" in reply.text


def test_a_declared_200_mb_body_is_refused_before_a_byte_is_read(small_app: FastAPI) -> None:
    huge = str(200 * 1024 * 1024)
    chunks = (b"x" * 65536 for _ in range(3200))
    reply = run_async(
        asgi_call(small_app, "POST", "/api/assess", headers=[JSON, ("content-length", huge)], chunks=chunks)
    )
    assert reply.status == 413 and reply.pulled == 0
    _too_large(json.loads(reply.body))


def test_a_chunked_200_mb_body_is_refused_after_at_most_the_limit_and_a_chunk(small_app: FastAPI) -> None:
    chunk = 1024
    chunks = (b"x" * chunk for _ in range(200 * 1024))  # 200 MB, made only as it is pulled
    reply = run_async(asgi_call(small_app, "POST", "/api/assess", headers=[JSON], chunks=chunks))
    assert reply.status == 413
    assert reply.pulled <= LIMIT + chunk
    _too_large(json.loads(reply.body))


def test_a_content_length_that_is_not_a_number_is_a_400(small_app: FastAPI) -> None:
    reply = run_async(asgi_call(small_app, "POST", "/api/assess", headers=[JSON, ("content-length", "1e9")]))
    assert reply.status == 400 and json.loads(reply.body)["error"]["code"] == "bad_request"
