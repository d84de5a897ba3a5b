"""A real ``lumbar serve`` in a subprocess, for the diary's durability test and benchmarks: started
on a free port over a given database, waited for, and killed with SIGKILL (no clean shutdown).

Also the clients' side: accounts made through the API and diary entries whose medicines carry a
unique marker, so each entry read back can be matched to the request that wrote it.
"""

from __future__ import annotations

import itertools
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from postgres_cluster import free_port

PASSWORD = "a long and memorable password"
#: seconds to wait for the first acknowledged entry of a cycle before the kill timer starts
FIRST_ACK_TIMEOUT = 60.0
#: the server's limits, opened up: every client of a benchmark comes from one address
OPEN_LIMITS = {
    "LUMBAR_RATE_PER_MINUTE": "0",
    "LUMBAR_CLIENT_CONCURRENCY": "256",
    "LUMBAR_ENGINE_QUEUE": "256",
}
START_TIMEOUT = 60.0


@dataclass
class Server:
    """``lumbar serve`` over ``database_url`` (the same secret on every start, so sessions outlive a kill)."""

    database_url: str
    home: Path
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        """The server's address."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        """Start the server and wait until it answers its health check."""
        env = {
            **os.environ,
            "LUMBAR_SECRET": self.secret,
            "LUMBAR_HOME": str(self.home),
            "LUMBAR_DATABASE_URL": self.database_url,
            **OPEN_LIMITS,
        }
        lumbar = str(Path(sys.executable).with_name("lumbar"))
        command = [lumbar, "serve", "--port", str(self.port), "--log-level", "warning"]
        self.process = subprocess.Popen(command, env=env, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"lumbar serve stopped at start-up ({self.process.returncode})")
            try:
                if httpx.get(f"{self.base}/api/health", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError(f"lumbar serve did not answer within {START_TIMEOUT:.0f} s")

    def kill(self) -> None:
        """SIGKILL the server's whole process group, at once, and wait for it to be gone."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None


def entry_body(marker: str, number: int) -> dict[str, Any]:
    """A diary entry whose values follow from ``number`` and whose medicines carry ``marker``."""
    return {
        "pain_now": number % 10,
        "pain_worst": min(10, number % 10 + 1),
        "spasms": number % 7,
        "sleep_hours": (number % 16) / 2,
        "activity": number % 11,
        "medicines": [f"marker {marker}", "ibuprofen 400 mg"],
        "notes": "",
    }


def kept_values(entry: dict[str, Any]) -> dict[str, Any]:
    """The values of an entry read back, in the shape they were written."""
    return {
        name: entry[name]
        for name in ("pain_now", "pain_worst", "spasms", "sleep_hours", "activity", "medicines", "notes")
    }


def marker_of(entry: dict[str, Any]) -> str | None:
    """The marker an entry read back carries, if any."""
    for name in entry.get("medicines", []):
        if name.startswith("marker "):
            return str(name[len("marker ") :])
    return None


def sign_up(base: str, username: str) -> httpx.Cookies:
    """Make an account on the server at ``base``; its session cookies."""
    reply = httpx.post(
        f"{base}/api/account/signup", json={"username": username, "password": PASSWORD}, timeout=30
    )
    reply.raise_for_status()
    return reply.cookies


@dataclass
class CycleFigures:
    """What one kill -9 cycle found: entries acknowledged, written but not acknowledged (in flight at the
    kill, kept whole), and acknowledged entries lost or entries kept with other values than sent."""

    acknowledged: int = 0
    in_flight_kept: int = 0
    lost: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)


def write_until_killed(
    server: Server, sessions: list[httpx.Cookies], cycle: int, kill_after: float
) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """Post entries from one thread per session until the server is SIGKILLed ``kill_after`` seconds
    after the first acknowledgement (a loaded machine may take longer to answer the first): (every body
    sent by marker, the markers acknowledged with 200)."""
    sent: dict[str, dict[str, Any]] = {}
    acknowledged: set[str] = set()
    lock = threading.Lock()
    first = threading.Event()

    def writer(number: int, cookies: httpx.Cookies) -> None:
        with httpx.Client(base_url=server.base, cookies=cookies, timeout=30) as client:
            for i in itertools.count():
                marker = f"{cycle}-{number}-{i}"
                body = entry_body(marker, i)
                with lock:
                    sent[marker] = body
                try:
                    reply = client.post("/api/diary/entries", json=body)
                except httpx.TransportError:
                    return
                if reply.status_code == 200 and marker_of(reply.json()["entry"]) == marker:
                    with lock:
                        acknowledged.add(marker)
                    first.set()

    threads = [threading.Thread(target=writer, args=(n, cookies)) for n, cookies in enumerate(sessions)]
    for thread in threads:
        thread.start()
    first.wait(timeout=FIRST_ACK_TIMEOUT)
    time.sleep(kill_after)
    server.kill()
    for thread in threads:
        thread.join()
    return sent, acknowledged


def check_after_restart(
    server: Server,
    sessions: list[httpx.Cookies],
    cycle: int,
    sent: dict[str, dict[str, Any]],
    acknowledged: set[str],
) -> CycleFigures:
    """Read every session's diary back and compare it with what was sent and acknowledged."""
    figures = CycleFigures(acknowledged=len(acknowledged))
    found: set[str] = set()
    for cookies in sessions:
        reply = httpx.get(f"{server.base}/api/diary/entries", cookies=cookies, timeout=30)
        reply.raise_for_status()
        for entry in reply.json()["entries"]:
            marker = marker_of(entry)
            if marker is None or not marker.startswith(f"{cycle}-"):
                continue
            found.add(marker)
            if marker not in sent or kept_values(entry) != sent[marker]:
                figures.partial.append(marker)
    figures.lost = sorted(acknowledged - found)
    figures.in_flight_kept = len(found - acknowledged)
    return figures


def durability_cycle(
    server: Server, sessions: list[httpx.Cookies], cycle: int, kill_after: float
) -> CycleFigures:
    """One cycle on a running server: write concurrently, kill -9 mid-write, restart, check."""
    sent, acknowledged = write_until_killed(server, sessions, cycle, kill_after)
    server.start()
    return check_after_restart(server, sessions, cycle, sent, acknowledged)
