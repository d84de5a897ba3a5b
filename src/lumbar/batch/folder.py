"""The output folder of an inbox triage: one Parquet file of results and one of bad rows per
partition, each written to a temporary file and renamed into place, and a manifest of what it holds.

A partition is finished when its results file exists: it is renamed last, after its errors file, so a
process killed at any moment leaves either a whole partition or one that is done again. The manifest
names the input (its bytes' hash), the partition size and the lumbar and knowledge versions; a rerun
with the same manifest skips the finished partitions, and a folder holding another run's results is
refused rather than mixed in.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from lumbar.batch.rows import BadRow, Format, check_columns
from lumbar.errors import InputError
from lumbar.knowledge.compiled import fingerprint
from lumbar.knowledge.loader import data_root

MANIFEST = "manifest.json"
RESULTS = "results"
ERRORS = "errors"
ERRORS_CSV = "errors.csv"
REPORT = "report.html"
TEMPORARY = ".tmp"

RESULT_SCHEMA = pa.schema(
    [
        ("row", pa.int64()),
        ("id", pa.string()),
        ("received_at", pa.string()),
        ("level", pa.string()),
        ("action", pa.string()),
        ("reasons", pa.list_(pa.string())),
        ("possible_warning_signs", pa.list_(pa.string())),
        ("top_causes", pa.list_(pa.string())),
        ("top_cause_probabilities", pa.list_(pa.float64())),
        ("sources", pa.list_(pa.string())),
        ("summary", pa.string()),
    ]
)
ERROR_SCHEMA = pa.schema(
    [("row", pa.int64()), ("id", pa.string()), ("kind", pa.string()), ("reason", pa.string())]
)


@dataclass(frozen=True)
class RunIdentity:
    """What a finished partition's results depend on: the input's bytes, the partitioning, lumbar."""

    input: str
    format: Format
    input_bytes: int
    input_hash: str
    partition_rows: int
    lumbar: str
    knowledge: str
    rows_estimate: int

    @property
    def key(self) -> dict[str, Any]:
        """The fields that must match for a finished partition to be reused (not the input's path)."""
        fields = asdict(self)
        del fields["input"]
        return fields


def identify(path: Path, fmt: Format, partition_rows: int) -> RunIdentity:
    """Hash the input (read once, in blocks) and count its lines, for the manifest and the progress bar;
    a CSV or Parquet file without the id and text columns is refused here, before any work."""
    digest = hashlib.blake2b(digest_size=16)
    lines = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
                lines += block.count(b"\n")
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        check_columns(path, fmt)
        rows = pq.ParquetFile(path).metadata.num_rows if fmt == "parquet" else lines - (fmt == "csv")
    except pa.ArrowException as exc:
        raise InputError(f"{path.name} is not a Parquet file that can be read ({exc})") from None
    return RunIdentity(
        input=str(path),
        format=fmt,
        input_bytes=size,
        input_hash=digest.hexdigest(),
        partition_rows=partition_rows,
        lumbar=version("lumbar"),
        knowledge=fingerprint(data_root()),
        rows_estimate=max(rows, 0),
    )


class OutputFolder:
    """The folder the results of one run go to (see the module's docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def prepare(cls, root: Path, identity: RunIdentity, restart: bool = False) -> OutputFolder:
        """The folder for ``identity``: new, or holding earlier results of the same run (to resume).

        A folder holding other results is refused unless ``restart``, which removes them first.
        """
        folder = cls(root)
        if root.exists() and not root.is_dir():
            raise InputError(f"{root} is a file; give a folder for the results")
        held = folder.manifest()
        if held is not None and held.get("key") != identity.key:
            if not restart:
                raise InputError(
                    f"{root} holds the results of another input, partition size or lumbar version; "
                    "give a new folder, or add --restart to replace them"
                )
            folder.clear()
        elif held is None and root.is_dir() and any(root.iterdir()):
            raise InputError(f"{root} is not empty and holds no inbox results; give a new or empty folder")
        for sub in (RESULTS, ERRORS):
            (root / sub).mkdir(parents=True, exist_ok=True)
        folder.write_text(MANIFEST, json.dumps({"key": identity.key, "input": identity.input}, indent=2))
        return folder

    def manifest(self) -> dict[str, Any] | None:
        """The manifest of the results the folder holds, if any."""
        try:
            value = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def clear(self) -> None:
        """Remove the results of an earlier run."""
        for sub in (RESULTS, ERRORS):
            shutil.rmtree(self.root / sub, ignore_errors=True)
        for name in (MANIFEST, ERRORS_CSV, REPORT):
            (self.root / name).unlink(missing_ok=True)

    def _part(self, sub: str, index: int) -> Path:
        return self.root / sub / f"part-{index:05d}.parquet"

    def is_done(self, index: int) -> bool:
        """Whether partition ``index`` was written whole."""
        return self._part(RESULTS, index).exists()

    def write_partition(self, index: int, records: list[dict[str, Any]], bad: list[BadRow]) -> None:
        """Write a partition's bad rows, then its results: each file whole or not at all."""
        rows = [
            {"row": b.number, "id": b.id, "kind": b.kind, "reason": b.reason}
            for b in sorted(bad, key=lambda b: b.number)
        ]
        errors = pa.Table.from_pylist(rows, ERROR_SCHEMA)
        self._write_table(errors, self._part(ERRORS, index))
        self._write_table(pa.Table.from_pylist(records, RESULT_SCHEMA), self._part(RESULTS, index))

    def _write_table(self, table: pa.Table, path: Path) -> None:
        temporary = _temporary(path)
        pq.write_table(table, temporary)
        os.replace(temporary, path)

    def write_text(self, name: str, text: str) -> Path:
        """Write ``name`` in the folder through a temporary file renamed into place."""
        path = self.root / name
        temporary = _temporary(path)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return path

    def remove_leftovers(self) -> None:
        """Remove the temporary files of attempts that were stopped midway (a killed worker's)."""
        for path in self.root.rglob(f".*{TEMPORARY}"):
            path.unlink(missing_ok=True)

    def files(self, sub: str) -> list[Path]:
        """The partition files of ``sub`` (results or errors), in partition order."""
        return sorted((self.root / sub).glob("part-*.parquet"))

    def batches(self, sub: str, columns: list[str]) -> Iterator[dict[str, list[Any]]]:
        """The ``columns`` of every partition file of ``sub``, one partition at a time."""
        for path in self.files(sub):
            yield pq.read_table(path, columns=columns).to_pydict()

    def write_errors_csv(self) -> int:
        """All bad rows in one CSV file (row, id, kind, reason), in input order; returns how many."""
        count = 0
        temporary = _temporary(self.root / ERRORS_CSV)
        with temporary.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(ERROR_SCHEMA.names)
            for columns in self.batches(ERRORS, ERROR_SCHEMA.names):
                for values in zip(*(columns[name] for name in ERROR_SCHEMA.names), strict=True):
                    writer.writerow(values)
                    count += 1
        os.replace(temporary, self.root / ERRORS_CSV)
        return count


def _temporary(path: Path) -> Path:
    """A hidden name beside ``path``, its own per attempt: two attempts never write the same file."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex}{TEMPORARY}")
