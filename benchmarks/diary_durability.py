"""Durability of the diary under kill -9: no acknowledged entry lost, none kept partly.

    .venv/bin/python benchmarks/diary_durability.py [--cycles 100] [--writers 8] [--postgres] [--json]

Starts ``lumbar serve`` over a fresh database (an SQLite file in a temporary folder, or with
``--postgres`` a database in a throw-away PostgreSQL cluster from tests/postgres_cluster.py), makes one
account per writer, then, each cycle: the writers post diary entries concurrently through the API,
the server's process group is sent SIGKILL after a random 0.2 to 1.0 seconds, the server is started
again, and every diary is read back. Each entry carries a unique marker, so it is matched to the
request that wrote it. Printed: entries acknowledged, acknowledged entries lost, entries kept with
other values than sent (partial), and entries written but not acknowledged (in flight at the kill,
kept whole). Not a test: the test suite runs 3 cycles (tests/unit/web/test_web_diary_durability.py).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from diary_server import CycleFigures, Server, durability_cycle, sign_up
from postgres_cluster import Cluster, new_postgres_database


def main() -> None:
    """Run the cycles and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL cluster, not SQLite")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    home = Path(tempfile.mkdtemp(prefix="lumbar-durability-"))
    cluster = Cluster().start() if options.postgres else None
    url = new_postgres_database(cluster) if cluster else f"sqlite:///{home / 'lumbar.sqlite3'}"
    server = Server(url, home=home).start()
    total = CycleFigures()
    started = time.monotonic()
    try:
        sessions = [sign_up(server.base, f"writer-{n}") for n in range(options.writers)]
        for cycle in range(options.cycles):
            figures = durability_cycle(server, sessions, cycle, kill_after=rng.uniform(0.2, 1.0))
            total.acknowledged += figures.acknowledged
            total.in_flight_kept += figures.in_flight_kept
            total.lost += figures.lost
            total.partial += figures.partial
            if not options.json:
                print(
                    f"cycle {cycle + 1:3}: acknowledged {figures.acknowledged:4}, lost {len(figures.lost)}, "
                    f"partial {len(figures.partial)}, in flight and kept {figures.in_flight_kept}",
                    flush=True,
                )
    finally:
        server.kill()
        if cluster is not None:
            cluster.stop()
    result = {
        "database": "postgresql" if options.postgres else "sqlite",
        "cycles": options.cycles,
        "writers": options.writers,
        "acknowledged": total.acknowledged,
        "lost": len(total.lost),
        "partial": len(total.partial),
        "in_flight_kept": total.in_flight_kept,
        "seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(result) if options.json else " ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
