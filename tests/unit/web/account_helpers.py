"""Helpers for the account and diary tests: new browsers, people signed up through the pages or the API."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from web_helpers import client_class, hidden_field

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from httpx import Response

PASSWORD = "a long and memorable password"
_numbers = itertools.count(1)


def new_username(prefix: str = "person") -> str:
    """A username no other test has used in this run."""
    return f"{prefix}-{next(_numbers)}"


@contextmanager
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A client with a cookie jar of its own, like a new browser (redirects not followed)."""
    with client_class()(app, follow_redirects=False) as client:
        yield client


def form_token(client: TestClient, page: str = "/account/login") -> str:
    """The form token of ``page`` (getting it also gives the client its form cookie)."""
    return hidden_field(client.get(page).text, "csrf_token")


def page_sign_up(client: TestClient, username: str | None = None, keep: str = "") -> Response:
    """Make an account through the sign-up page (signed in afterwards); the answer, not followed."""
    fields = {"username": username or new_username(), "password": PASSWORD, "keep": keep}
    return client.post("/account/signup", data={**fields, "csrf_token": form_token(client)})


def api_sign_up(client: TestClient, username: str | None = None) -> str:
    """Make an account through the API (signed in afterwards); its username."""
    name = username or new_username()
    reply = client.post("/api/account/signup", json={"username": name, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return name


def api_entry(client: TestClient, **values: object) -> dict[str, object]:
    """Write a diary entry through the API; the entry as kept."""
    reply = client.post("/api/diary/entries", json={"pain_now": 5, "pain_worst": 7, **values})
    assert reply.status_code == 200, reply.text
    entry: dict[str, object] = reply.json()["entry"]
    return entry


def all_routes(app: FastAPI) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route of ``app``, the included routers' too."""
    found: list[tuple[str, set[str]]] = []
    pending = list(app.routes)
    while pending:
        route = pending.pop()
        inner = getattr(route, "original_router", None)
        if inner is not None:
            pending.extend(inner.routes)
        elif getattr(route, "methods", None):
            found.append((route.path, set(route.methods)))  # type: ignore[attr-defined]
    return found
