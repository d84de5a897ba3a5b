"""The local Dask cluster of two worker processes shared by the tests that run partitions on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from distributed import Client, LocalCluster

from lumbar.batch.cluster import LOCAL_STATUS_ADDRESS


@pytest.fixture(scope="session")
def client() -> Iterator[Client]:
    """A client of a local cluster of two single-threaded worker processes (as the CLI's default)."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=LOCAL_STATUS_ADDRESS
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client
