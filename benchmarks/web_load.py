"""Load on the web API: requests per second, latency (p50, p99) and CPU per request under concurrent clients.

    .venv/bin/python benchmarks/web_load.py [--workers 2] [--clients 1,2,8] [--requests 3000] [--seconds 15]

Starts ``lumbar serve`` (the command people run, with its uvicorn settings) on a free loopback port
with ``--workers`` processes, then drives it: ``POST /api/assess`` with each number of ``--clients``
in turn, ``POST /api/interview/step`` (one answer to the first question of a started interview, with
its signed token) with the most clients, and last ``--worst-clients`` clients (default 42) posting
worst-case 20,000-character texts while one more asks ``GET /api/health`` every 20 ms: the health
check's latency shows whether slow work stalls the server. Each scenario stops after ``--requests``
requests or ``--seconds`` seconds, whichever comes first. The rate and per-client limits are opened up
(every client comes from one address).

The clients are raw asyncio sockets, one keep-alive connection each, sending requests encoded once
before the run and reading each answer by its ``Content-Length``: the load generator shares the
server's cores, so it should take as little of them as it can. Each scenario reports the CPU time the
server's processes and the load generator used per request, so that its share is known; the rates are
floors. Not a test: nothing is asserted; it prints the figures.
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
from dataclasses import asdict, dataclass
from pathlib import Path

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
#: requests each client sends before the clock starts (each worker builds its engines on its first ones)
WARMUP = 10
#: clock ticks a second, for the CPU times in /proc/<pid>/stat
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Figures:
    """What one scenario measured; CPU times are milliseconds per request."""

    scenario: str
    clients: int
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    server_cpu_ms: float
    client_cpu_ms: float


class Connection:
    """One keep-alive HTTP/1.1 connection sending pre-encoded requests and reading whole answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def send(self, request: bytes) -> tuple[int, bytes]:
        """The status and body of the answer to ``request`` (reconnecting when the server closed)."""
        if self._writer is None or self._writer.is_closing():
            self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self._reader is not None
        self._writer.write(request)
        head = await self._reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        close = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        body = await self._reader.readexactly(length)
        if close:
            self.close()
        return status, body

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def encode(method: str, path: str, port: int, body: object | None = None) -> bytes:
    """An HTTP/1.1 request, encoded once: ``body`` as JSON."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
    if body is None:
        return (head + "\r\n").encode()
    payload = json.dumps(body).encode()
    head += f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
    return head.encode() + payload


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int, home: str) -> subprocess.Popen[bytes]:
    """``lumbar serve`` with its workers sharing one secret; returns once it answers the health check."""
    env = {**os.environ, "LUMBAR_SECRET": secrets.token_urlsafe(32), "LUMBAR_HOME": home, **OPEN_LIMITS}
    command = [
        sys.executable, "-m", "lumbar.cli", "serve",
        "--port", str(port), "--workers", str(workers), "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    health = encode("GET", "/api/health", port)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"lumbar serve exited with status {server.returncode}")
        try:
            if asyncio.run(Connection(port).send(health))[0] == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise RuntimeError("lumbar serve did not answer within 60 s")


def process_tree(root: int) -> list[int]:
    """``root`` and every process descended from it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rpartition(")")[2].split()[1])
    tree = [root]
    for pid in tree:
        tree.extend(child for child, parent in parents.items() if parent == pid)
    return tree


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of ``pids`` so far (those that have ended are left out)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def drive(
    name: str, request: bytes, port: int, server: list[int], clients: int, total: int, seconds: float
) -> Figures:
    """Send ``request`` from ``clients`` connections until ``total`` requests or ``seconds`` have passed."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    connections = [Connection(port) for _ in range(clients)]

    async def warm(connection: Connection) -> None:
        for _ in range(WARMUP):
            await connection.send(request)

    await asyncio.gather(*(warm(c) for c in connections))
    server_before, client_before = cpu_seconds(server), time.process_time()
    start = time.perf_counter()
    stop_at = start + seconds

    async def one_client(connection: Connection) -> None:
        nonlocal errors, issued
        while issued < total and time.perf_counter() < stop_at:
            issued += 1
            began = time.perf_counter()
            status, _ = await connection.send(request)
            latencies.append((time.perf_counter() - began) * 1000)
            errors += status != 200

    await asyncio.gather(*(one_client(c) for c in connections))
    elapsed = time.perf_counter() - start
    server_used, client_used = cpu_seconds(server) - server_before, time.process_time() - client_before
    for connection in connections:
        connection.close()
    return figures_of(name, clients, latencies, errors, elapsed, server_used, client_used)


def figures_of(
    name: str,
    clients: int,
    latencies: list[float],
    errors: int,
    elapsed: float,
    server_used: float,
    client_used: float,
) -> Figures:
    done = len(latencies)
    return Figures(
        scenario=name,
        clients=clients,
        requests=done,
        errors=errors,
        seconds=round(elapsed, 2),
        rps=round(done / elapsed, 1),
        p50_ms=round(statistics.median(latencies), 2),
        p99_ms=round(percentile(latencies, 0.99), 2),
        max_ms=round(max(latencies), 2),
        server_cpu_ms=round(server_used / done * 1000, 2),
        client_cpu_ms=round(client_used / done * 1000, 2),
    )


async def step_request(port: int) -> bytes:
    """An answer to the first question of a started interview, encoded once."""
    status, body = await Connection(port).send(encode("POST", "/api/interview/start", port, {"text": TEXT}))
    first = json.loads(body)
    if status != 200 or first["kind"] != "question":
        raise RuntimeError("the interview did not ask a question; pick a text that asks one")
    answer = 35 if first["question"]["type"] in ("number", "duration") else "no"
    return encode("POST", "/api/interview/step", port, {"token": first["token"], "answer": answer})


async def health_under_load(
    port: int, server: list[int], clients: int, seconds: float
) -> tuple[Figures, dict[int, int]]:
    """``GET /api/health`` every 20 ms while ``clients`` post worst-case texts; the posts' status counts."""
    statuses: dict[int, int] = {}
    latencies: list[float] = []
    posts = [encode("POST", "/api/assess", port, {"text": text}) for text in WORST]
    health_request = encode("GET", "/api/health", port)
    stop_at = time.perf_counter() + seconds

    async def poster(k: int) -> None:
        connection = Connection(port)
        while time.perf_counter() < stop_at:
            status, _ = await connection.send(posts[k % len(posts)])
            statuses[status] = statuses.get(status, 0) + 1
        connection.close()

    async def health() -> None:
        connection = Connection(port)
        await asyncio.sleep(0.5)  # let the posts fill the server first
        while time.perf_counter() < stop_at:
            began = time.perf_counter()
            await connection.send(health_request)
            latencies.append((time.perf_counter() - began) * 1000)
            await asyncio.sleep(0.02)
        connection.close()

    server_before, client_before = cpu_seconds(server), time.process_time()
    start = time.perf_counter()
    await asyncio.gather(health(), *(poster(k) for k in range(clients)))
    elapsed = time.perf_counter() - start
    server_used, client_used = cpu_seconds(server) - server_before, time.process_time() - client_before
    name = f"GET /api/health, {clients} posting"
    return figures_of(name, 1, latencies, 0, elapsed, server_used, client_used), statuses


async def run(port: int, server: list[int], args: argparse.Namespace) -> tuple[list[Figures], dict[int, int]]:
    assess = encode("POST", "/api/assess", port, {"text": TEXT})
    figures = [
        await drive("POST /api/assess", assess, port, server, n, args.requests, args.seconds)
        for n in args.clients
    ]
    step = await step_request(port)
    most = max(args.clients)
    figures.append(
        await drive("POST /api/interview/step", step, port, server, most, args.requests, args.seconds)
    )
    if args.worst_clients:
        under_load, statuses = await health_under_load(port, server, args.worst_clients, args.seconds)
        figures.append(under_load)
        return figures, statuses
    return figures, {}


def client_counts(value: str) -> list[int]:
    counts = [int(part) for part in value.split(",") if part.strip()]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a list of client counts such as 1,2,8")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default: 2)")
    parser.add_argument(
        "--clients",
        type=client_counts,
        default=[1, 2, 8],
        help="clients sending at once, in turn (default: 1,2,8)",
    )
    parser.add_argument("--requests", type=int, default=3000, help="requests per scenario, at most")
    parser.add_argument("--seconds", type=float, default=15.0, help="seconds per scenario, at most")
    parser.add_argument(
        "--worst-clients", type=int, default=42, help="clients posting worst-case texts (0: leave it out)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    port = free_port()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="lumbar-web-load-") as home:
        server = start_server(port, args.workers, home)
        try:
            figures, statuses = asyncio.run(run(port, process_tree(server.pid), args))
        finally:
            server.terminate()
            server.wait(timeout=20)
    load = f"{load_before:.1f} -> {os.getloadavg()[0]:.1f}"
    if args.json:
        report = {"figures": [asdict(f) for f in figures], "worst_statuses": statuses, "load": load}
        print(json.dumps(report, indent=2))
        return 0
    print(f"lumbar web load: {args.workers} worker(s), {os.cpu_count()} cores, load average {load}")
    print(
        f"{'scenario':30} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'max ms':>7} {'server CPU ms':>13} {'client CPU ms':>13}"
    )
    for f in figures:
        print(
            f"{f.scenario:30} {f.clients:7d} {f.requests:8d} {f.errors:6d} {f.rps:7.1f} {f.p50_ms:7.2f} "
            f"{f.p99_ms:7.2f} {f.max_ms:7.2f} {f.server_cpu_ms:13.2f} {f.client_cpu_ms:13.2f}"
        )
    if statuses:
        print("worst-case posts by status:", ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
