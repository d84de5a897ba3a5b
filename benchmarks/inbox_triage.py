"""Inbox triage at scale: messages per second with 1 and 2 workers, the scaling efficiency, and the
peak memory of the driver and of each worker, at 10,000 and 100,000 messages (1,000,000 with --full).

    .venv/bin/python benchmarks/inbox_triage.py [--sizes 10000,100000] [--full] [--workers 1,2]
                                                [--partition-rows 1000] [--json]

The messages come from inbox_generator.py (seed 1, JSONL). Each run is a fresh process with its own
local cluster (one single-threaded worker process per --workers), so every peak is that run's own:
the driver's is its resident peak (reading, checking, sending partitions, summarising), each worker's
is read on the worker at the end. "run" is the triage itself (hashing the input, reading it, the
partitions on the workers, errors file, summary); "start" is the cluster's start-up and each worker
building its engine. "worker CPU ms/msg" is the CPU time the workers spent per message, which
the machine's other load does not change; "load" is the 1-minute load average before and after.
Scaling efficiency = rate with 2 workers / (2 × rate with 1 worker). The load
shares the machine's cores with the driver and with anything else running, so the figures are a floor.
A measurement, never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from inbox_generator import write
from rich.console import Console
from rich.table import Table

from lumbar.batch.cluster import EngineOnWorker, open_client, run_inbox
from lumbar.batch.folder import OutputFolder, identify
from lumbar.batch.summary import summarise

FULL = 1_000_000


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """The CPU time (user and system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_run(inbox: Path, workers: int, partition_rows: int) -> dict[str, Any]:
    """Triage ``inbox`` once on a fresh local cluster of ``workers`` processes; the figures as a dict."""
    with tempfile.TemporaryDirectory(prefix="lumbar-inbox-bench-") as scratch:
        started = time.perf_counter()
        with open_client(workers) as client:
            client.register_plugin(EngineOnWorker())
            worker_cpu_before = sum(client.run(cpu_seconds).values())
            load_before = os.getloadavg()[0]
            ready = time.perf_counter()
            identity = identify(inbox, "jsonl", partition_rows)
            folder = OutputFolder.prepare(Path(scratch) / "out", identity)
            outcome = run_inbox(client, identity, folder)
            folder.write_errors_csv()
            summary = summarise(folder)
            finished = time.perf_counter()
            worker_cpu = sum(client.run(cpu_seconds).values()) - worker_cpu_before
            worker_peaks = sorted(client.run(peak_mb).values())
    return {
        "rows": outcome.rows,
        "workers": workers,
        "assessed": summary.assessed,
        "bad": sum(summary.errors.values()),
        "start_s": ready - started,
        "run_s": finished - ready,
        "per_second": outcome.rows / (finished - ready),
        "worker_cpu_ms_per_message": 1000 * worker_cpu / max(1, outcome.rows),
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "driver_peak_mb": peak_mb(),
        "worker_peak_mb": worker_peaks,
    }


def measure(size: int, workers: int, partition_rows: int, folder: Path) -> dict[str, Any]:
    """One run in a fresh process (so that its peak memory is its own)."""
    inbox = folder / f"inbox-{size}.jsonl"
    if not inbox.exists():
        write(inbox, size)
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(inbox), str(workers), str(partition_rows)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated message counts")
    parser.add_argument(
        "--full", action="store_true", help=f"add a run of {FULL:,} messages (hours on 2 cores)"
    )
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--partition-rows", type=int, default=1_000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON lines too")
    parser.add_argument("--one", nargs=3, metavar=("INBOX", "WORKERS", "ROWS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        inbox, workers, rows = args.one
        print(json.dumps(one_run(Path(inbox), int(workers), int(rows))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] + ([FULL] if args.full else [])
    worker_counts = [int(w) for w in args.workers.split(",")]
    console = Console(width=150)
    table = Table(title="lumbar triage-inbox on a local Dask cluster")
    columns = ("messages", "workers", "msgs/s", "worker CPU ms/msg", "load", "run s", "start s")
    for name in (*columns, "driver peak MB", "worker peak MB"):
        table.add_column(name, justify="right")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="lumbar-inbox-gen-") as scratch:
        for size in sizes:
            for workers in worker_counts:
                result = measure(size, workers, args.partition_rows, Path(scratch))
                results.append(result)
                if args.json:
                    print(json.dumps(result), flush=True)
                table.add_row(
                    f"{result['rows']:,}",
                    str(workers),
                    f"{result['per_second']:,.0f}",
                    f"{result['worker_cpu_ms_per_message']:.1f}",
                    " -> ".join(f"{load:.1f}" for load in result["load_average"]),
                    f"{result['run_s']:.1f}",
                    f"{result['start_s']:.1f}",
                    f"{result['driver_peak_mb']:.0f}",
                    ", ".join(f"{mb:.0f}" for mb in result["worker_peak_mb"]),
                )
    console.print(table)
    for size in sizes:
        rates = {r["workers"]: r["per_second"] for r in results if r["rows"] == size}
        if 1 in rates and 2 in rates:
            console.print(
                f"{size:,} messages: scaling efficiency 1 -> 2 workers {rates[2] / (2 * rates[1]):.0%}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
