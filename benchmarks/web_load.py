"""Load on the web API: requests per second and latency (p50, p99) under concurrent clients.

    .venv/bin/python benchmarks/web_load.py [--workers 1] [--concurrency 8] [--requests 1500] [--seconds 20]

Starts `uvicorn lumbar.web.app:create_app --factory` on a free loopback port (1 or 2 worker
processes, one shared $LUMBAR_SECRET), then drives it with httpx async clients: first
``POST /api/assess``, then ``POST /api/interview/step`` (one answer to the first question of a
started interview, with its signed token). Each scenario stops after ``--requests`` requests or
``--seconds`` seconds, whichever comes first. Last, ``--worst-clients`` clients (default 42) post
worst-case 20,000-character texts while one more asks ``GET /api/health`` every 20 ms: the health
check's latency shows whether slow work stalls the server. The rate and per-client limits are opened
up for the benchmark (every client comes from one address). The load generator runs on the same
cores as the server, so the figures are a floor. Not a test: nothing is asserted; it prints the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from typing import Any

import httpx

TEXT = "I pulled my back lifting a heavy box yesterday. It is a cramp in my lower back, no numbness. I am 35."
#: the worst-case texts: 20,000 characters of negations, repeated mentions and numbers without punctuation
WORST = [
    (phrase * (20_000 // len(phrase) + 1))[:20_000]
    for phrase in (
        "no back pain ",
        "weak leg ",
        "I can't feel my legs sooo numb and my back hurts cant pee no poo since 3 days 39.5 fever ",
        "for 3 days ",
    )
]
#: the server's limits, opened up: every client of the benchmark comes from one address
OPEN_LIMITS = {
    "LUMBAR_RATE_PER_MINUTE": "0",
    "LUMBAR_CLIENT_CONCURRENCY": "256",
    "LUMBAR_ENGINE_QUEUE": "256",
}
WARMUP = 20


@dataclass(frozen=True)
class Figures:
    """What one scenario measured."""

    scenario: str
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int, home: str) -> subprocess.Popen[bytes]:
    """uvicorn with the app factory, its workers sharing one secret; returns once it answers."""
    env = {**os.environ, "LUMBAR_SECRET": secrets.token_urlsafe(32), "LUMBAR_HOME": home, **OPEN_LIMITS}
    command = [
        sys.executable, "-m", "uvicorn", "lumbar.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"uvicorn exited with status {server.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError("uvicorn did not answer within 60 s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def drive(
    name: str,
    call: Callable[[httpx.AsyncClient], Awaitable[httpx.Response]],
    base_url: str,
    concurrency: int,
    total: int,
    seconds: float,
) -> Figures:
    """Run ``call`` from ``concurrency`` clients until ``total`` requests or ``seconds`` have passed."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        for _ in range(WARMUP):  # each worker builds its engines on its first requests
            await call(client)
        start = time.perf_counter()
        stop_at = start + seconds

        async def one_client() -> None:
            nonlocal errors, issued
            while issued < total and time.perf_counter() < stop_at:
                issued += 1
                began = time.perf_counter()
                response = await call(client)
                latencies.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    errors += 1

        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return Figures(
        scenario=name,
        requests=len(latencies),
        errors=errors,
        seconds=round(elapsed, 2),
        rps=round(len(latencies) / elapsed, 1),
        p50_ms=round(statistics.median(latencies), 2),
        p99_ms=round(percentile(latencies, 0.99), 2),
        max_ms=round(max(latencies), 2),
    )


async def run(base_url: str, concurrency: int, total: int, seconds: float) -> list[Figures]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        first = (await client.post("/api/interview/start", json={"text": TEXT})).json()
    if first["kind"] != "question":
        raise RuntimeError("the interview ended at once; pick a text that asks a question")
    question = first["question"]
    answer: Any = 35 if question["type"] in ("number", "duration") else "no"
    step_body = {"token": first["token"], "answer": answer}

    async def assess(client: httpx.AsyncClient) -> httpx.Response:
        return await client.post("/api/assess", json={"text": TEXT})

    async def step(client: httpx.AsyncClient) -> httpx.Response:
        return await client.post("/api/interview/step", json=step_body)

    return [
        await drive("POST /api/assess", assess, base_url, concurrency, total, seconds),
        await drive("POST /api/interview/step", step, base_url, concurrency, total, seconds),
    ]


async def health_under_load(base_url: str, clients: int, seconds: float) -> tuple[Figures, dict[int, int]]:
    """``GET /api/health`` every 20 ms while ``clients`` post worst-case texts; the posts' status counts."""
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients + 1, max_keepalive_connections=clients + 1)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=120) as client:

        async def poster(k: int) -> None:
            while time.perf_counter() < stop_at:
                response = await client.post("/api/assess", json={"text": WORST[k % len(WORST)]})
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        async def health() -> None:
            await asyncio.sleep(0.5)  # let the posts fill the server first
            while time.perf_counter() < stop_at:
                began = time.perf_counter()
                await client.get("/api/health")
                latencies.append((time.perf_counter() - began) * 1000)
                await asyncio.sleep(0.02)

        start = time.perf_counter()
        await asyncio.gather(health(), *(poster(k) for k in range(clients)))
        elapsed = time.perf_counter() - start
    figures = Figures(
        scenario=f"GET /api/health, {clients} posting",
        requests=len(latencies),
        errors=0,
        seconds=round(elapsed, 2),
        rps=round(len(latencies) / elapsed, 1),
        p50_ms=round(statistics.median(latencies), 2),
        p99_ms=round(percentile(latencies, 0.99), 2),
        max_ms=round(max(latencies), 2),
    )
    return figures, statuses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, choices=[1, 2], help="uvicorn worker processes")
    parser.add_argument("--concurrency", type=int, default=8, help="clients sending at the same time")
    parser.add_argument("--requests", type=int, default=1500, help="requests per scenario, at most")
    parser.add_argument("--seconds", type=float, default=20.0, help="seconds per scenario, at most")
    parser.add_argument("--worst-clients", type=int, default=42, help="clients posting worst-case texts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="lumbar-web-load-") as home:
        server = start_server(port, args.workers, home)
        try:
            base_url = f"http://127.0.0.1:{port}"
            figures = asyncio.run(run(base_url, args.concurrency, args.requests, args.seconds))
            under_load, statuses = asyncio.run(health_under_load(base_url, args.worst_clients, args.seconds))
            figures.append(under_load)
        finally:
            server.terminate()
            server.wait(timeout=20)
    if args.json:
        print(json.dumps({"figures": [asdict(f) for f in figures], "worst_statuses": statuses}, indent=2))
        return 0
    print(
        f"lumbar web load: {args.workers} worker(s), {args.concurrency} concurrent clients, {os.cpu_count()} cores"
    )
    print(
        f"{'scenario':28} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
    )
    for f in figures:
        print(
            f"{f.scenario:28} {f.requests:8d} {f.errors:6d} {f.rps:8.1f} {f.p50_ms:8.2f} {f.p99_ms:8.2f} {f.max_ms:8.2f}"
        )
    print("worst-case posts by status:", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
