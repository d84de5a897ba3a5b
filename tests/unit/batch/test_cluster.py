"""Inbox triage on a Dask cluster: every id written exactly once, also when a worker is killed
mid-partition; a rerun skips the finished partitions; the engine is built once per worker."""

from __future__ import annotations

import gc
import os
import signal
from pathlib import Path

import pyarrow.parquet as pq
from distributed import Client

from inbox_helpers import messages, write_inbox
from lumbar.batch.cluster import IN_FLIGHT_PER_WORKER, LOW_LEVEL_LOG_LENGTH, RunOutcome, run_inbox
from lumbar.batch.folder import ERRORS, RESULTS, OutputFolder, identify
from lumbar.batch.rows import Partition


def triage(client: Client, inbox: Path, out: Path, rows: int, **kwargs: object) -> RunOutcome:
    identity = identify(inbox, "jsonl", rows)
    return run_inbox(client, identity, OutputFolder.prepare(out, identity), **kwargs)  # type: ignore[arg-type]


def written_ids(out: Path, sub: str = RESULTS) -> list[str]:
    return pq.read_table(out / sub, columns=["id"]).column("id").to_pylist()


def test_every_id_is_written_once_and_a_rerun_skips_the_finished_partitions(
    client: Client, tmp_path: Path
) -> None:
    rows = messages(60)
    inbox = write_inbox(tmp_path / "inbox.jsonl", [*rows, {"id": "m1", "text": "a second m1"}])
    first = triage(client, inbox, tmp_path / "out", 16)
    assert (first.written, first.skipped, first.failed) == (4, 0, {})
    assert sorted(written_ids(tmp_path / "out")) == sorted(row["id"] for row in rows)
    assert written_ids(tmp_path / "out", ERRORS) == ["m1"]
    again = triage(client, inbox, tmp_path / "out", 16)
    assert (again.written, again.skipped, again.rows) == (0, 4, 61)


def test_a_rerun_does_only_the_partitions_that_are_missing(client: Client, tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(40))
    triage(client, inbox, tmp_path / "out", 10)
    (tmp_path / "out" / RESULTS / "part-00002.parquet").unlink()
    again = triage(client, inbox, tmp_path / "out", 10)
    assert (again.written, again.skipped) == (1, 3)
    assert sorted(written_ids(tmp_path / "out")) == sorted(f"m{n}" for n in range(40))


def test_a_worker_killed_mid_partition_loses_nothing_and_duplicates_nothing(
    client: Client, tmp_path: Path
) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(300))
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(_rows: int) -> None:
        if killed:
            return
        busy = [address for address, keys in client.processing().items() if keys and address in pids]
        if busy:
            killed.append(pids[busy[0]])
            os.kill(pids[busy[0]], signal.SIGKILL)

    outcome = triage(client, inbox, tmp_path / "out", 15, advance=kill_a_busy_worker)
    assert killed, "no worker was busy when the first partition finished"
    assert outcome.failed == {}
    ids = written_ids(tmp_path / "out")
    assert len(ids) == len(set(ids)) == 300
    assert not list((tmp_path / "out").rglob(".*.tmp")), "a killed attempt's temporary file was left"
    client.wait_for_workers(2, timeout=60)


def test_each_worker_builds_the_engine_once(client: Client, tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(30))
    triage(client, inbox, tmp_path / "out", 5)

    def engines_built() -> int:
        from lumbar.assessor import default_engine

        return default_engine.cache_info().misses

    assert set(client.run(engines_built).values()) == {1}


def test_the_driver_keeps_a_bounded_number_of_partitions_however_many_it_sends(
    client: Client, tmp_path: Path
) -> None:
    """Dask keeps each link's last messages for debugging, and a task carries its partition's rows: the
    local cluster keeps few, so the driver (where its scheduler runs) does not grow with the input."""
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(60))
    assert triage(client, inbox, tmp_path / "out", 1).written == 60
    gc.collect()
    alive = sum(isinstance(o, Partition) for o in gc.get_objects())
    workers = len(client.scheduler_info()["workers"])
    assert alive <= workers * (LOW_LEVEL_LOG_LENGTH + IN_FLIGHT_PER_WORKER)
