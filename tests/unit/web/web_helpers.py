"""Helpers shared by the web tests: answer an interview through the API or the pages."""

from __future__ import annotations

import asyncio
import re
import warnings
from collections.abc import Coroutine, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lumbar.ask.settings import AskSettings, default_seeds
from lumbar.knowledge.loader import load_knowledge
from lumbar.web import WebSettings

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from httpx import Response
    from starlette.types import ASGIApp, Message

T = TypeVar("T")

SECRET = "test-secret-not-for-production-0123456789"
#: the host name Starlette's TestClient and schemathesis send
TEST_HOST = "testserver"
TODAY = date(2026, 3, 2)
SELF_CARE_TEXT = "I pulled my back lifting a heavy box yesterday. It is a cramp in my lower back. I am 35."
EMERGENCY_TEXT = (
    "My lower back went into spasm after lifting. Since this morning I cannot feel the toilet paper when "
    "I wipe and I am numb between my legs."
)

#: a sensible number for each numeric question a self-care case may be asked
NUMBERS = {
    "age": 35.0,
    "pain_score": 5.0,
    "duration_days": 1.0,
    "temperature_c": 36.8,
    "pregnancy_weeks": 20.0,
}
MAX_STEPS = 40


def client_class() -> type[TestClient]:
    """Starlette's TestClient, imported without its notice that it now prefers the httpx2 package."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    return TestClient


def make_settings(home: Path, **changes: Any) -> WebSettings:
    """Settings for tests: a fixed secret and date, the ask index under ``home``, the TestClient's
    host name (``testserver``) allowed, and the rate and log-in limits in place but raised far above what a test
    run sends (the tests of the limit set their own)."""
    values: dict[str, Any] = {
        "secret": SECRET,
        "knowledge": load_knowledge(),
        "ask": AskSettings(home=home, seeds=default_seeds()),
        "today": lambda: TODAY,
        "allowed_hosts": (TEST_HOST,),
        "rate_per_minute": 60_000,
        "rate_burst": 10_000,
        "login_burst": 10_000,
    }
    values.update(changes)
    return WebSettings(**values)


def answer_for(question: dict[str, Any]) -> str | float:
    """'no' to every yes/no question, the first choice of a choice question, an ordinary value to
    every number."""
    if question["type"] in ("number", "duration"):
        return NUMBERS.get(question["id"], 1.0)
    if question["type"] == "choice":
        return str(question["choices"][0]["id"])
    return "no"


def api_interview(client: TestClient, text: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Run an interview through the API to its result: (the final reply, the questions asked)."""
    reply = client.post("/api/interview/start", json={"text": text})
    assert reply.status_code == 200, reply.text
    body = reply.json()
    asked = []
    for _ in range(MAX_STEPS):
        if body["kind"] == "result":
            return body, asked
        asked.append(body["question"])
        reply = client.post(
            "/api/interview/step", json={"token": body["token"], "answer": answer_for(body["question"])}
        )
        assert reply.status_code == 200, reply.text
        body = reply.json()
    raise AssertionError(f"the interview did not end within {MAX_STEPS} answers")


def hidden_field(html: str, name: str) -> str:
    """The value of a page's hidden form field ``name``."""
    found = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert found, f"the page has no {name} field"
    return unescape(found.group(1))


def answer_action(html: str) -> str:
    """Where a question page's (or a result page's) answer form posts: its step's own address + /answer."""
    found = re.search(r'<form method="post" action="(/interview/[A-Za-z0-9_-]+/answer)"', html)
    assert found, "the page has no answer form"
    return found.group(1)


def post_form(client: TestClient, path: str, fields: dict[str, str], page: str | None = None) -> Response:
    """Post a form as a browser would: with the form token of ``page`` (else of the first page, which
    also gives the client its cookie), following the redirect to the page it leads to."""
    token = hidden_field(page if page is not None else client.get("/").text, "csrf_token")
    return client.post(path, data={**fields, "csrf_token": token})


def summary_address(html: str) -> str:
    """The address of the summary for your doctor, as a result page links to it."""
    found = re.search(r'href="(/interview/[A-Za-z0-9_-]+/summary)"', html)
    assert found, "the page has no link to the summary for your doctor"
    return found.group(1)


def is_question_page(html: str) -> bool:
    return (
        re.search(r'action="/interview/[A-Za-z0-9_-]+/answer"', html) is not None and 'value="unsure"' in html
    )


def form_answer(html: str) -> dict[str, str]:
    """The form fields a person would send for 'no' (or a number, or the first choice) on a question page."""
    if 'name="number"' in html:
        found = re.search(r'data-question="([^"]+)"', html)
        value = NUMBERS.get(found.group(1), 1.0) if found else 1.0
        return {"answer": "number", "number": f"{value:g}"}
    first_choice = re.search(r'type="radio" name="choice" value="([^"]+)"', html)
    if first_choice:
        return {"answer": "choice", "choice": first_choice.group(1)}
    return {"answer": "no"}


def page_interview(client: TestClient, text: str) -> tuple[str, int]:
    """Run an interview through the pages to the result page: (its HTML, the questions answered)."""
    page = post_form(client, "/interview", {"text": text})
    assert page.status_code == 200, page.text
    for answered in range(MAX_STEPS):
        if not is_question_page(page.text):
            return page.text, answered
        page = post_form(client, answer_action(page.text), form_answer(page.text), page=page.text)
        assert page.status_code == 200, page.text
    raise AssertionError(f"the interview did not end within {MAX_STEPS} answers")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end in a new event loop on a thread of its own (the browser tests'
    Playwright keeps an event loop running in the main thread, where asyncio.run would refuse)."""
    with ThreadPoolExecutor(1, thread_name_prefix="test-event-loop") as thread:
        return thread.submit(asyncio.run, coroutine).result()


@dataclass
class AsgiReply:
    """What an ASGI app sent back, and how many request-body bytes it pulled."""

    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    pulled: int = 0


async def asgi_call(
    app: ASGIApp,
    method: str,
    path: str,
    headers: Iterable[tuple[str, str]] = (),
    chunks: Iterable[bytes] = (),
    host: str | None = TEST_HOST,
) -> AsgiReply:
    """Call ``app`` as a server would, streaming the body in ``chunks`` (no Content-Length unless given),
    with ``host`` as the Host header (None: no Host header)."""
    reply = AsgiReply()
    pending: Iterator[bytes] = iter(chunks)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [
            *([(b"host", host.encode())] if host is not None else []),
            *((k.lower().encode(), v.encode()) for k, v in headers),
        ],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }

    async def receive() -> Message:
        chunk = next(pending, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        reply.pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            reply.status = message["status"]
            reply.headers = {k.decode().lower(): v.decode() for k, v in message["headers"]}
        elif message["type"] == "http.response.body":
            reply.body += message.get("body", b"")

    await app(scope, receive, send)
    return reply


#: STarT Back answers that score in the high-risk group
START_BACK_HIGH = {
    "leg_pain": "agree",
    "shoulder_neck_pain": "disagree",
    "walked_short_distances": "agree",
    "dressed_slowly": "agree",
    "not_safe_active": "agree",
    "worrying_thoughts": "agree",
    "never_better": "agree",
    "not_enjoyed": "disagree",
    "bothersome": "very_much",
}
