"""Load on the diary: latency (p50, p99) of a diary write and of the diary page under concurrent clients,
on SQLite and on PostgreSQL.

    .venv/bin/python benchmarks/diary_load.py [--clients 8] [--requests 800] [--seconds 20] [--sqlite-only] [--json]

For each database (an SQLite file in a temporary folder; a database in a throw-away PostgreSQL
cluster from tests/postgres_cluster.py) starts ``lumbar serve``, makes one account per client, and
then ``--clients`` httpx async clients, each signed in as its own person, first write diary entries
(``POST /api/diary/entries``), then ask for the diary page (``GET /diary``: every day written, the
re-assessment and the plot). Each scenario stops after
``--requests`` requests or ``--seconds`` seconds. The load generator runs on the same cores as the
server, so the figures are a floor. Not a test: nothing is asserted; it prints the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from diary_server import Server, entry_body, sign_up
from postgres_cluster import Cluster, new_postgres_database

WARMUP = 8


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


async def drive(
    server: Server,
    sessions: list[httpx.Cookies],
    call: Callable[[httpx.AsyncClient, int], Awaitable[httpx.Response]],
    requests: int,
    seconds: float,
) -> dict[str, float | int]:
    """Run ``call`` from one client per session until ``requests`` are done or ``seconds`` pass."""
    latencies: list[float] = []
    failures = 0
    deadline = time.monotonic() + seconds
    counter = iter(range(requests + WARMUP * len(sessions)))

    async def one_client(cookies: httpx.Cookies) -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=server.base, cookies=cookies, timeout=60) as client:
            for _ in range(WARMUP):
                await call(client, next(counter, 0))
            for number in counter:
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                reply = await call(client, number)
                latencies.append(time.perf_counter() - start)
                failures += reply.status_code != 200

    started = time.monotonic()
    await asyncio.gather(*(one_client(cookies) for cookies in sessions))
    elapsed = time.monotonic() - started
    if not latencies:  # every client was still warming up when the time ran out
        return {"requests": 0, "failures": failures, "per_second": 0.0}
    return {
        "requests": len(latencies),
        "failures": failures,
        "per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
    }


def measure(database: str, url: str, home: Path, options: argparse.Namespace) -> list[dict[str, object]]:
    """The figures of both scenarios on one database."""
    server = Server(url, home=home).start()
    try:
        sessions = [sign_up(server.base, f"load-{n}") for n in range(options.clients)]

        async def write(client: httpx.AsyncClient, number: int) -> httpx.Response:
            body = entry_body(f"load-{number}", number)
            body["notes"] = "Stiff in the morning, easier after a short walk."
            return await client.post("/api/diary/entries", json=body)

        async def page(client: httpx.AsyncClient, _number: int) -> httpx.Response:
            return await client.get("/diary")

        rows = []
        for scenario, call in (("diary write", write), ("diary page", page)):
            figures = asyncio.run(drive(server, sessions, call, options.requests, options.seconds))
            rows.append({"database": database, "scenario": scenario, "clients": options.clients, **figures})
        return rows
    finally:
        server.kill()


def main() -> None:
    """Measure on SQLite, then on PostgreSQL, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="lumbar-diary-load-"))
    rows = measure("sqlite", f"sqlite:///{home / 'lumbar.sqlite3'}", home, options)
    if not options.sqlite_only:
        cluster = Cluster().start()
        try:
            rows += measure("postgresql", new_postgres_database(cluster), home, options)
        finally:
            cluster.stop()
    for row in rows:
        print(json.dumps(row) if options.json else " ".join(f"{k}={v}" for k, v in row.items()))


if __name__ == "__main__":
    main()
