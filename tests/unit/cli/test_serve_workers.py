"""`lumbar serve --workers N`: each worker listens on its own socket, so connections that arrive
together are spread across the workers; a worker that dies is started again; a port in use is
said once, in plain words."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from lumbar.cli import main
from lumbar.cli.serve_workers import reuse_port_available

pytestmark = pytest.mark.skipif(not reuse_port_available(), reason="needs SO_REUSEPORT")

START_TIMEOUT = 60.0
#: keep-alive connections opened at once: all on one of 2 workers by chance is 2 in 65,536
CONNECTIONS = 16


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port()
    env = {**os.environ, "LUMBAR_SECRET": secrets.token_urlsafe(32), "LUMBAR_HOME": str(tmp_path)}
    lumbar = str(Path(sys.executable).with_name("lumbar"))
    command = [lumbar, "serve", "--port", str(port), "--workers", "2", "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        wait_for_workers(process, port, 2)
        yield process, port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def workers_of(process: subprocess.Popen[bytes]) -> list[psutil.Process]:
    """The serving processes under ``lumbar serve`` (not multiprocessing's own helpers)."""
    children = psutil.Process(process.pid).children(recursive=True)
    return [child for child in children if "spawn_main" in " ".join(child.cmdline())]


def listening(worker: psutil.Process, port: int) -> bool:
    return any(c.laddr.port == port and c.status == psutil.CONN_LISTEN for c in worker.net_connections("tcp"))


def wait_for_workers(process: subprocess.Popen[bytes], port: int, count: int) -> list[psutil.Process]:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, f"lumbar serve stopped ({process.returncode})"
        workers = [w for w in workers_of(process) if listening(w, port)]
        if len(workers) == count:
            return workers
        time.sleep(0.1)
    raise AssertionError(f"{count} workers did not listen within {START_TIMEOUT:.0f} s")


def test_connections_that_arrive_together_are_spread_across_the_workers(
    server: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = server
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}") for _ in range(CONNECTIONS)]
    try:
        for client in clients:
            assert client.get("/api/health").status_code == 200  # the connection stays open
        per_worker = {
            worker.pid: sum(
                c.laddr.port == port and c.status == psutil.CONN_ESTABLISHED
                for c in worker.net_connections("tcp")
            )
            for worker in workers_of(process)
        }
        assert sum(per_worker.values()) == CONNECTIONS
        assert all(per_worker.values()), per_worker  # every worker took some
    finally:
        for client in clients:
            client.close()


def test_a_worker_that_dies_is_started_again(server: tuple[subprocess.Popen[bytes], int]) -> None:
    process, port = server
    first, _ = workers_of(process)[:2]
    first.kill()
    first.wait(10)
    workers = wait_for_workers(process, port, 2)
    assert first.pid not in {w.pid for w in workers}
    assert httpx.get(f"http://127.0.0.1:{port}/api/health").status_code == 200


def test_a_port_in_use_is_said_once_in_plain_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LUMBAR_SECRET", secrets.token_urlsafe(32))
    monkeypatch.setenv("LUMBAR_ALLOWED_HOSTS", "")  # recorded, so what serve sets is undone afterwards
    monkeypatch.delenv("LUMBAR_ALLOWED_HOSTS")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--workers", "2"]) == 1
    said = capsys.readouterr()
    assert f"cannot listen on 127.0.0.1 port {port}" in said.err + said.out
    assert "--port 8001" in said.err + said.out
    assert "Traceback" not in said.err
