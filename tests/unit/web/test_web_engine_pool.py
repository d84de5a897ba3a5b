"""Engine calls run off the event loop in a bounded pool: over its caps a call is refused at once
(429, Retry-After), a call over its time budget is a 503 (Retry-After), and the health check answers
while the pool is full. The slow engine is a fake that waits for the test to open a gate."""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from web_helpers import SELF_CARE_TEXT, TEST_HOST, client_class, make_settings, post_form, run_async

from lumbar import Assessment, assess
from lumbar.interview.models import InterviewState
from lumbar.web import create_app, settings_from_env
from lumbar.web.engine_pool import EnginePool
from lumbar.web.errors import Refusal

if TYPE_CHECKING:
    from fastapi import FastAPI

#: the engine calls the routes make, all held by the gate
ENGINE_CALLS = ("assess", "start_interview", "step_interview", "ask")
TEXT = {"text": SELF_CARE_TEXT}


@functools.cache
def self_care_assessment() -> Assessment:
    """A real assessment, as a held engine call answers (/api/assess checks its response model)."""
    return assess(SELF_CARE_TEXT)


class Gate:
    """Holds every engine call until the test opens it, counting the calls that have started."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self._started = threading.Semaphore(0)

    def hold(self, *args: object, **kwargs: object) -> Assessment:
        self._started.release()
        self.opened.wait(timeout=60)
        return self_care_assessment()

    def wait_started(self, calls: int) -> None:
        for _ in range(calls):
            assert self._started.acquire(timeout=10), "the engine call did not start"


@pytest.fixture
def gate() -> Gate:
    return Gate()


@pytest.fixture
def gated_app(
    ask_home: Path, gate: Gate, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., FastAPI]]:
    """Makes apps (with the given settings) whose engine calls wait at the gate."""
    apps: list[FastAPI] = []

    def make(**settings: Any) -> FastAPI:
        app = create_app(make_settings(ask_home, **settings))
        for name in ENGINE_CALLS:
            monkeypatch.setattr(app.state.engines, name, gate.hold)
        apps.append(app)
        return app

    yield make
    gate.opened.set()
    for app in apps:
        app.state.pool.shutdown()


def _client(app: FastAPI, address: str = "10.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 50000))
    return httpx.AsyncClient(transport=transport, base_url=f"http://{TEST_HOST}")


def test_the_defaults_and_the_environment() -> None:
    settings = settings_from_env(environ={})
    assert (settings.engine_workers, settings.engine_queue, settings.client_concurrency) == (4, 16, 4)
    assert (settings.time_budget, settings.retry_after) == (15.0, 5)
    env = {"LUMBAR_ENGINE_WORKERS": "2", "LUMBAR_ENGINE_QUEUE": "0", "LUMBAR_TIME_BUDGET": "2.5"}
    settings = settings_from_env(environ=env)
    assert (settings.engine_workers, settings.engine_queue, settings.time_budget) == (2, 0, 2.5)


def test_health_answers_at_once_while_the_pool_is_full(gated_app: Callable[..., FastAPI], gate: Gate) -> None:
    app = gated_app(engine_workers=2, engine_queue=0, client_concurrency=10, retry_after=7)

    async def scenario() -> None:
        async with _client(app) as client:
            slow = [asyncio.create_task(client.post("/api/assess", json=TEXT)) for _ in range(2)]
            await asyncio.to_thread(gate.wait_started, 2)
            assert app.state.pool.admitted == 2
            health = await asyncio.wait_for(client.get("/api/health"), timeout=2)
            assert health.status_code == 200 and health.json() == {"status": "ok"}
            page = await asyncio.wait_for(client.get("/learn"), timeout=5)
            assert page.status_code == 200
            busy = await asyncio.wait_for(client.post("/api/assess", json=TEXT), timeout=2)
            assert busy.status_code == 429 and busy.headers["retry-after"] == "7"
            assert busy.json()["error"]["code"] == "busy"
            gate.opened.set()
            assert [reply.status_code for reply in await asyncio.gather(*slow)] == [200, 200]

    run_async(scenario())


def test_one_client_may_have_only_so_many_calls_going(gated_app: Callable[..., FastAPI], gate: Gate) -> None:
    app = gated_app(engine_workers=4, client_concurrency=1)

    async def scenario() -> None:
        async with _client(app, "10.0.0.1") as first, _client(app, "10.0.0.2") as second:
            held = asyncio.create_task(first.post("/api/assess", json=TEXT))
            await asyncio.to_thread(gate.wait_started, 1)
            again = await asyncio.wait_for(first.post("/api/plan", json=TEXT), timeout=2)
            assert again.status_code == 429 and again.json()["error"]["code"] == "too_many_at_once"
            other = asyncio.create_task(second.post("/api/assess", json=TEXT))
            await asyncio.to_thread(gate.wait_started, 1)  # another client is let in
            gate.opened.set()
            assert [r.status_code for r in await asyncio.gather(held, other)] == [200, 200]

    run_async(scenario())


def test_a_call_over_the_time_budget_is_a_503_and_keeps_its_thread(
    gated_app: Callable[..., FastAPI], gate: Gate
) -> None:
    app = gated_app(engine_workers=1, engine_queue=0, time_budget=0.2, retry_after=3)
    with client_class()(app) as client:
        reply = client.post("/api/assess", json=TEXT)
        assert reply.status_code == 503 and reply.headers["retry-after"] == "3"
        error = reply.json()["error"]
        assert error["code"] == "timed_out" and "longer than 0.2 seconds" in error["message"]
        # The work goes on in the background and keeps the only thread until it ends.
        assert client.post("/api/assess", json=TEXT).status_code == 429
        assert client.get("/api/health").status_code == 200


def _step_token(app: FastAPI) -> str:
    return str(app.state.signer.sign(InterviewState(text=SELF_CARE_TEXT)))


def _step_key(app: FastAPI) -> str:
    return str(app.state.saved_states.save(InterviewState(text=SELF_CARE_TEXT)))


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/assess", TEXT),
        ("/api/plan", TEXT),
        ("/api/interview/start", TEXT),
        ("/api/interview/step", {"answer": "no"}),
        ("/api/ask", {"question": "Can I drive with back spasms?"}),
    ],
)
def test_every_engine_call_of_the_api_has_the_time_budget(
    gated_app: Callable[..., FastAPI], path: str, body: dict[str, str]
) -> None:
    app = gated_app(time_budget=0.1)
    if path.endswith("/step"):
        body = {**body, "token": _step_token(app)}
    with client_class()(app) as client:
        reply = client.post(path, json=body)
        assert reply.status_code == 503 and "retry-after" in reply.headers, path


def test_every_engine_call_of_the_pages_has_the_time_budget(gated_app: Callable[..., FastAPI]) -> None:
    app = gated_app(time_budget=0.1, engine_workers=4, client_concurrency=4)
    with client_class()(app) as client:
        replies = [
            post_form(client, "/interview", TEXT),
            post_form(client, f"/interview/{_step_key(app)}/answer", {"answer": "no"}),
            client.get(f"/interview/{_step_key(app)}"),
            client.get("/ask", params={"q": "Can I drive with back spasms?"}),
        ]
    for reply in replies:
        assert reply.status_code == 503 and "retry-after" in reply.headers
        assert reply.headers["content-type"].startswith("text/html") and "We are busy" in reply.text


def test_a_refused_call_never_runs_and_every_call_gives_its_place_back() -> None:
    pool = EnginePool(workers=1, queue=0, per_client=1, budget=5, retry_after=1)
    ran: list[str] = []

    async def scenario() -> None:
        assert await pool.run("a", lambda: ran.append("a") or "done") == "done"
        with pytest.raises(ValueError, match="engine failed"):
            await pool.run("a", _fail)
        assert pool.admitted == 0
        gate = threading.Event()
        held = asyncio.create_task(pool.run("a", lambda: gate.wait(10)))
        while pool.admitted == 0:
            await asyncio.sleep(0)
        with pytest.raises(Refusal) as refused:
            await pool.run("b", lambda: ran.append("b"))
        assert refused.value.code == "busy"
        gate.set()
        assert await held is True

    try:
        run_async(scenario())
    finally:
        pool.shutdown()
    assert ran == ["a"] and pool.admitted == 0


def _fail() -> None:
    raise ValueError("engine failed")
