"""The per-client rate limit: a token bucket per client address; over it, 429 with Retry-After."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import client_class, make_settings

from lumbar.errors import SettingsError
from lumbar.web import create_app, settings_from_env
from lumbar.web.rate_limit import TokenBuckets

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_the_burst_then_one_request_per_refill() -> None:
    clock = Clock()
    buckets = TokenBuckets(per_minute=60, burst=3, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0, 0, 0]
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") == 0  # another client has its own bucket
    clock.now += 1.0
    assert buckets.take("a") == 0
    assert buckets.take("a") == pytest.approx(1.0)
    clock.now += 600
    assert [buckets.take("a") for _ in range(4)][:3] == [0, 0, 0]  # refilled only up to the burst


def test_only_so_many_clients_are_remembered() -> None:
    buckets = TokenBuckets(per_minute=60, burst=1, clock=Clock(), max_clients=2)
    buckets.take("a")
    buckets.take("b")
    buckets.take("c")  # "a" is forgotten, so it starts full again
    assert buckets.take("a") == 0
    assert buckets.take("c") > 0


def test_the_defaults_and_the_environment() -> None:
    settings = settings_from_env(environ={})
    assert (settings.rate_per_minute, settings.rate_burst) == (120, 40)
    env = {"LUMBAR_RATE_PER_MINUTE": "30.5", "LUMBAR_RATE_BURST": "5"}
    settings = settings_from_env(environ=env)
    assert (settings.rate_per_minute, settings.rate_burst) == (30.5, 5)
    with pytest.raises(SettingsError, match="LUMBAR_RATE_BURST is 0; it must be at least 1"):
        settings_from_env(environ={"LUMBAR_RATE_BURST": "0"})
    with pytest.raises(SettingsError, match="LUMBAR_RATE_PER_MINUTE must be a number"):
        settings_from_env(environ={"LUMBAR_RATE_PER_MINUTE": "fast"})


@pytest.fixture
def slow_client(ask_home: Path) -> Iterator[TestClient]:
    """A client of an app allowing 2 requests at once and 6 a minute (one every 10 seconds)."""
    with client_class()(create_app(make_settings(ask_home, rate_per_minute=6, rate_burst=2))) as client:
        yield client


def test_over_the_rate_a_client_gets_a_429_with_retry_after(slow_client: TestClient) -> None:
    assert [slow_client.get("/api/knowledge").status_code for _ in range(2)] == [200, 200]
    reply = slow_client.get("/api/knowledge")
    assert reply.status_code == 429
    assert 9 <= int(reply.headers["retry-after"]) <= 10
    error = reply.json()["error"]
    assert (
        error["code"] == "rate_limited" and f"wait {reply.headers['retry-after']} seconds" in error["message"]
    )


def test_over_the_rate_a_person_gets_a_page(slow_client: TestClient) -> None:
    for _ in range(2):
        slow_client.get("/")
    reply = slow_client.get("/learn")
    assert reply.status_code == 429 and "retry-after" in reply.headers
    assert reply.headers["content-type"].startswith("text/html") and "Please wait a moment" in reply.text


def test_the_health_check_and_the_style_sheet_are_not_counted(slow_client: TestClient) -> None:
    for _ in range(5):
        assert slow_client.get("/api/health").status_code == 200
        assert slow_client.get("/static/lumbar.css").status_code == 200
    assert slow_client.get("/api/knowledge").status_code == 200


def test_a_rate_of_0_turns_the_limit_off(ask_home: Path) -> None:
    app = create_app(make_settings(ask_home, rate_per_minute=0, rate_burst=1))
    with client_class()(app) as client:
        assert all(client.get("/api/health").status_code == 200 for _ in range(5))
        assert all(client.get("/api/knowledge").status_code == 200 for _ in range(5))
