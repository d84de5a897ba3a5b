"""lumbar served for the browser tests: uvicorn in a background thread on a free loopback port, with
the clock a test gives it."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

#: the day the shared test server takes for today
TODAY = date(2026, 3, 2)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(home: Path, today: Callable[[], date]) -> Iterator[str]:
    """lumbar served by uvicorn in a background thread on a free loopback port, its clock ``today``;
    the address."""
    import uvicorn

    from lumbar.ask.settings import AskSettings, default_seeds
    from lumbar.web import WebSettings, create_app

    port = _free_port()
    settings = WebSettings(
        port=port,
        secret="e2e-secret-of-at-least-32-bytes-long",
        ask=AskSettings(home=home, seeds=default_seeds()),
        today=today,
        # one browser runs many whole interviews in a minute, each step a form and its page (Post/
        # Redirect/Get), far more than a person would; the limit itself is tested in tests/unit/web
        rate_per_minute=60_000,
        rate_burst=10_000,
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, name="lumbar-e2e-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
