"""Durability: a real ``lumbar serve`` over an SQLite file is killed with SIGKILL while diary entries are
being written; after a restart every acknowledged entry is there, and no entry is kept partly
(benchmarks/diary_durability.py runs 100 such cycles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary_server import Server, durability_cycle, sign_up

CYCLES = 3
WRITERS = 4


@pytest.mark.slow
def test_a_kill_mid_write_loses_no_acknowledged_entry_and_leaves_none_partial(tmp_path: Path) -> None:
    server = Server(f"sqlite:///{tmp_path / 'lumbar.sqlite3'}", home=tmp_path).start()
    try:
        sessions = [sign_up(server.base, f"writer-{n}") for n in range(WRITERS)]
        total = 0
        for cycle in range(CYCLES):
            figures = durability_cycle(server, sessions, cycle, kill_after=0.4 + 0.2 * cycle)
            assert figures.lost == [] and figures.partial == [], figures
            total += figures.acknowledged
        assert total > 0  # entries were written and acknowledged before each kill
    finally:
        server.kill()
