"""Inbox triage at any scale: read messages (JSONL, CSV or Parquet), split them into partitions, assess
each partition on a Dask worker, write Parquet partition by partition, then summarise and report.

Engines: :mod:`~lumbar.batch.rows` (reading and checking rows), :mod:`~lumbar.batch.records` (one
partition -> result records), :mod:`~lumbar.batch.folder` (the output folder, written atomically) and
:mod:`~lumbar.batch.summary`. Adapters: :mod:`~lumbar.batch.cluster` (Dask) and
:mod:`~lumbar.batch.report` (the HTML report). Importing this package loads none of them.
"""
