"""JSON request bodies that give a key twice are refused (422, naming the key).

Python's ``json`` keeps the last of two equal keys without a word, so ``{"text": "a", "text": "b"}``
would be read as "b" while a proxy, a log or a filter that keeps the first sees "a". Rather than
let two readers of one request disagree on what it says, the API refuses it.
"""

from __future__ import annotations

import contextlib
import email.message
import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect


class DuplicateKey(ValueError):
    """A JSON object gives ``key`` more than once."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key '{key}' is given more than once")
        self.key = key


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise DuplicateKey(key)
        found[key] = value
    return found


def refuse_duplicate_keys(body: bytes) -> None:
    """Raise RequestValidationError when ``body`` is JSON with a key given twice in any object.

    A body that is not JSON at all is left to FastAPI, which reports it in its own words.
    """
    try:
        json.loads(body, object_pairs_hook=_object_without_duplicates)
    except DuplicateKey as exc:
        error = {"type": "duplicate_key", "loc": ("body", exc.key), "msg": str(exc), "input": exc.key}
        raise RequestValidationError([error]) from None
    except (ValueError, RecursionError):
        return


def is_json(request: Request) -> bool:
    """True when the request says its body is JSON (``application/json`` or ``application/*+json``)."""
    content_type = request.headers.get("content-type")
    if not content_type:
        return False
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (
        subtype == "json" or subtype.endswith("+json")
    )


class StrictJSONRoute(APIRoute):
    """An API route whose JSON body may not give a key twice."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            if is_json(request):
                # A client gone mid-body is left to FastAPI, which meets the same disconnect.
                with contextlib.suppress(ClientDisconnect):
                    refuse_duplicate_keys(await request.body())  # kept on the request for FastAPI
            return await handler(request)

        return handle
