"""The local Dask cluster of two worker processes shared by the tests that run partitions on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from distributed import Client

from lumbar.batch.cluster import open_client


@pytest.fixture(scope="session")
def client() -> Iterator[Client]:
    """A client of the CLI's local cluster with two single-threaded worker processes."""
    with open_client(workers=2) as dask_client:
        yield dask_client
