"""Inbox triage on Dask: the partitions go to the workers of a cluster (a local one over every core by
default, or an existing one by its scheduler's address), a few at a time, and are written by them.

Each worker builds the assessment engine once (:class:`EngineOnWorker`), not once per row or task. A
worker that dies mid-partition loses nothing: the scheduler gives its partition to another worker,
and since a partition's file is renamed into place whole, every assessed id is written exactly once.
A partition that keeps killing workers is reported and the run goes on; a rerun retries it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from lumbar.assessor import default_engine
from lumbar.batch.folder import OutputFolder, RunIdentity
from lumbar.batch.records import assess_rows
from lumbar.batch.rows import Partition, SeenIds, partitions

#: partitions handed out per worker at once: enough to keep every worker busy, few enough that the
#: driver holds a bounded number of rows however large the input
IN_FLIGHT_PER_WORKER = 2
#: where a local cluster's scheduler serves its status page: a free port of the loopback interface
LOCAL_STATUS_ADDRESS = "127.0.0.1:0"
#: messages each Dask link keeps for debugging (Dask's default is 1,000 per link). A message under 1 MB
#: is kept whole, and each task carries its partition's rows, so with the default the scheduler, which
#: runs in this process for a local cluster, kept the last thousand partitions sent to every worker:
#: the driver's memory grew with the input up to a million rows a worker.
LOW_LEVEL_LOG_LENGTH = 8


class EngineOnWorker(WorkerPlugin):
    """Builds the assessment engine when a worker starts, so that its first partition does not wait."""

    name = "lumbar-engine"

    def setup(self, worker: Any) -> None:
        default_engine()


@dataclass(frozen=True)
class PartitionDone:
    """What a worker reports of a partition it wrote."""

    index: int
    rows: int
    assessed: int
    bad: int


@dataclass
class RunOutcome:
    """What the run did: partitions written now, skipped as already done, and failed (with why)."""

    written: int = 0
    skipped: int = 0
    rows: int = 0
    failed: dict[int, str] = field(default_factory=dict)


def triage_partition(partition: Partition, root: str) -> PartitionDone:
    """Assess one partition with this process's engine and write it (a task run on a worker)."""
    records, refused = assess_rows(default_engine(), partition.rows)
    OutputFolder(Path(root)).write_partition(partition.index, records, [*partition.bad, *refused])
    return PartitionDone(partition.index, partition.size, len(records), len(partition.bad) + len(refused))


@contextmanager
def open_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, else of a local cluster of ``workers`` processes
    (default: one per core), one thread each: the engine is pure Python, so processes give the cores."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        dask.config.set({"distributed.admin.low-level-log-length": LOW_LEVEL_LOG_LENGTH}),
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            # the scheduler serves its status page in any case: on a free port, so that two runs (or
            # another cluster on this machine) never fight over the fixed default one
            dashboard_address=LOCAL_STATUS_ADDRESS,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run_inbox(
    client: Client,
    identity: RunIdentity,
    folder: OutputFolder,
    advance: Callable[[int], None] | None = None,
) -> RunOutcome:
    """Triage the input of ``identity`` into ``folder`` on the cluster of ``client``.

    The finished partitions of an earlier run are skipped; ``advance`` is given the number of input
    rows of every partition done (written now or earlier).
    """
    client.register_plugin(EngineOnWorker())
    window = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]))
    outcome = RunOutcome()
    pending = as_completed()
    future_index: dict[object, int] = {}  # the partition of each future not yet collected

    def collect(future: Any) -> None:
        index = future_index[future.key]
        del future_index[future.key]
        try:
            done: PartitionDone = future.result()
        except Exception as exc:  # a partition that killed its workers, or failed: the others go on
            outcome.failed[index] = f"{type(exc).__name__}: {exc}"
            return
        outcome.written += 1
        outcome.rows += done.rows
        if advance is not None:
            advance(done.rows)

    with tempfile.TemporaryDirectory(prefix="lumbar-inbox-") as scratch:
        seen = SeenIds(Path(scratch) / "ids.sqlite")
        try:
            for partition in partitions(Path(identity.input), identity.format, identity.partition_rows, seen):
                if folder.is_done(partition.index):
                    outcome.skipped += 1
                    outcome.rows += partition.size
                    if advance is not None:
                        advance(partition.size)
                    continue
                while len(future_index) >= window:
                    collect(next(pending))
                future = client.submit(triage_partition, partition, str(folder.root), pure=False)
                future_index[future.key] = partition.index
                pending.add(future)
            for future in pending:
                collect(future)
        finally:
            seen.close()
    folder.remove_leftovers()
    return outcome
