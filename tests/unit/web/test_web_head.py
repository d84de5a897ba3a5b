"""HEAD is answered wherever GET is: the same status and headers, and no body."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from starlette.routing import Route
from web_helpers import SELF_CARE_TEXT, asgi_call, run_async

from lumbar.interview.models import InterviewState
from lumbar.web.routes import api, docs, pages

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

#: a real value for each path parameter of a GET route
EXAMPLES = {"kind": "causes", "item_id": "muscle_strain"}


def get_paths(app: FastAPI) -> list[str]:
    """Every path the app answers GET on, with its parameters filled in (an interview's key: a new one)."""
    examples = {**EXAMPLES, "key": app.state.saved_states.save(InterviewState(text=SELF_CARE_TEXT))}
    paths = ["/static/lumbar.css"]
    for route in (*app.routes, *api.router.routes, *pages.router.routes, *docs.router.routes):
        if isinstance(route, Route) and route.methods and "GET" in route.methods:
            paths.append(re.sub(r"\{(\w+)\}", lambda m: examples[m.group(1)], route.path))
    return paths


def test_every_get_route_is_covered(app: FastAPI) -> None:
    assert {"/", "/api/health", "/learn/causes/muscle_strain", "/openapi.json", "/docs"} <= set(
        get_paths(app)
    )


@pytest.mark.parametrize("path", ["/", "/api/health", "/learn", "/static/lumbar.css"])
def test_head_of_a_page_is_200_without_a_body(client: TestClient, path: str) -> None:
    reply = client.head(path)
    assert reply.status_code == 200
    assert reply.content == b""
    assert reply.headers["content-length"] == client.get(path).headers["content-length"]


def test_head_is_answered_wherever_get_is(app: FastAPI, client: TestClient) -> None:
    for path in get_paths(app):
        got, head = client.get(path, follow_redirects=False), client.head(path, follow_redirects=False)
        assert head.status_code == got.status_code, path
        assert head.headers.get("content-type") == got.headers.get("content-type"), path
        assert head.content == b"", path


def test_head_where_only_post_is_served_is_still_a_405(client: TestClient) -> None:
    reply = client.head("/api/assess")
    assert reply.status_code == 405 and reply.content == b""


def test_the_app_itself_sends_no_body_for_head(app: FastAPI) -> None:
    reply = run_async(asgi_call(app, "HEAD", "/"))
    assert reply.status == 200 and reply.body == b"" and int(reply.headers["content-length"]) > 0
