"""`lumbar serve --workers N`: N server processes, each listening on its own socket.

uvicorn's own workers share one listening socket, and the first to wake accepts every connection
waiting: 8 keep-alive clients that connect at once all landed on one of 2 processes while the other
stayed idle (seen with ``ss`` under ``benchmarks/web_load.py``; p99 130-150 ms instead of 36-53).
Here each worker binds the address itself with SO_REUSEPORT, so the kernel spreads new connections
across the workers. A worker that dies is started again; Ctrl+C or SIGTERM stops them all. Where
SO_REUSEPORT is missing (Windows), uvicorn's own workers serve instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
import socket
import time
from multiprocessing.process import BaseProcess
from types import FrameType

import uvicorn

from lumbar.errors import InputError

#: the app each worker builds from the environment (one secret for all, set by `lumbar serve`)
APP = "lumbar.web.app:create_app"
#: seconds between looks at the workers
WATCH_EVERY = 0.5
#: a worker that exits with an error sooner than this after its start (it could not start) is not
#: started again; one killed by a signal (the out-of-memory killer, an operator) always is
SHORTEST_LIFE = 5.0
#: seconds the workers have to stop on their own (Ctrl+C reaches every process of the terminal)
OWN_STOP = 2.0
#: seconds a worker has to finish its requests when asked to stop
STOP_TIMEOUT = 10.0


def reuse_port_available() -> bool:
    """True where every worker can bind the same address (Linux, the BSDs, macOS)."""
    return hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, shared: bool = True) -> socket.socket:
    """A socket bound to ``host:port``; ``shared``: other workers may bind it too (SO_REUSEPORT)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if shared:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _check_free(host: str, port: int) -> None:
    """Raise InputError when something listens on ``host:port`` already, another lumbar included
    (a socket without SO_REUSEPORT cannot share the address), so it is said once, in plain words."""
    try:
        listening_socket(host, port, shared=False).close()
    except OSError as error:
        raise InputError(
            f"cannot listen on {host} port {port} ({error.strerror}): stop what uses it, or "
            "choose another port, e.g. --port 8001"
        ) from error


def serve_one(host: str, port: int, log_level: str) -> None:
    """One worker: its own socket, the app built from the environment."""
    config = uvicorn.Config(APP, factory=True, host=host, port=port, log_level=log_level)
    # a second Ctrl+C while finishing stops the worker without a traceback, as uvicorn does
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run(sockets=[listening_socket(host, port)])


def run_workers(host: str, port: int, workers: int, log_level: str) -> int:
    """Run ``workers`` processes until Ctrl+C or SIGTERM; 1 when one could not start."""
    _check_free(host, port)
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    def start() -> tuple[BaseProcess, float]:
        process = context.Process(target=serve_one, args=(host, port, log_level), daemon=False)
        process.start()
        return process, time.monotonic()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    running = [start() for _ in range(workers)]
    failed = False
    try:
        while not stopping and not failed:
            time.sleep(WATCH_EVERY)
            for index, (process, started) in enumerate(running):
                if process.is_alive() or stopping:
                    continue
                exit_code = process.exitcode or 0
                if exit_code > 0 and time.monotonic() - started < SHORTEST_LIFE:
                    failed = True
                    break
                running[index] = start()
    finally:
        for process, _ in running:  # Ctrl+C reached the workers too: let them finish on their own
            process.join(OWN_STOP)
        for process, _ in running:
            if process.is_alive():
                process.terminate()
        for process, _ in running:
            process.join(STOP_TIMEOUT)
            if process.is_alive():
                process.kill()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 1 if failed else 0
