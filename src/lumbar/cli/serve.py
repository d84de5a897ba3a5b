"""`lumbar serve`: the web page and the REST API on this computer (default http://127.0.0.1:8000)."""

from __future__ import annotations

import argparse
import os
import secrets

import uvicorn

from lumbar.cli.serve_workers import reuse_port_available, run_workers
from lumbar.errors import InputError
from lumbar.web.app import create_app
from lumbar.web.settings import ALLOWED_HOSTS_ENV, SECRET_ENV, WILDCARD_ADDRESSES, settings_from_env

#: the default number of worker processes: one per core (the engines are CPU-bound Python)
CORES = os.cpu_count() or 1


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Serve lumbar's web page (describe, answer questions, see the result and care plan, "
        "learn, ask) and its REST API (/api/..., described at /docs and /openapi.json). "
        "Interview tokens are encrypted and signed with a key made from $LUMBAR_SECRET (at least 32 "
        "bytes when set), or from a secret made at start-up. Only requests for the names in $LUMBAR_ALLOWED_HOSTS are answered (default: "
        "localhost, 127.0.0.1, ::1 and the --host name unless it is a wildcard such as 0.0.0.0). "
        "lumbar informs; it does not diagnose."
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=CORES,
        help="worker processes, each with its own engines (default: the number of cores); "
        "they share $LUMBAR_SECRET and the database",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="how much the server logs (default: info)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise InputError(f"--port {args.port} is not a port number; use 1 to 65535, e.g. --port 8000")
    if args.workers < 1:
        raise InputError(f"--workers {args.workers} must be at least 1")
    # Settings are checked before anything is served: a bad one stops here with its fix (exit 1).
    settings = settings_from_env(host=args.host, port=args.port)
    print(f"lumbar is serving on http://{_display_host(args.host)}:{args.port}/ (press Ctrl+C to stop)")
    if settings.allowed_hosts is None and args.host in WILDCARD_ADDRESSES:
        print(
            f"Only requests for {', '.join(settings.hosts_allowed())} are answered. To open lumbar to the "
            f"network, set {ALLOWED_HOSTS_ENV} to the names clients use, e.g. clinic-pc.local,192.168.1.20"
        )
    if args.workers == 1:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level=args.log_level)
        return 0
    # Worker processes build their own app from the environment: one secret for all, so any worker
    # can read any token, and the host names this process worked out from --host.
    os.environ.setdefault(SECRET_ENV, secrets.token_urlsafe(32))
    os.environ.setdefault(ALLOWED_HOSTS_ENV, ",".join(settings.hosts_allowed()))
    if reuse_port_available():
        return run_workers(args.host, args.port, args.workers, args.log_level)
    uvicorn.run(
        "lumbar.web.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    return 0


def _display_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
