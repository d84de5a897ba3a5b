"""The rows of an inbox file (JSONL, CSV or Parquet), checked one by one and grouped into partitions.

Every input row counts towards its partition, good or bad, so the partitions depend only on the
input and the partition size: a rerun meets the same partitions and can skip the finished ones.
Rows are read as a stream, so memory stays flat at any input size; the ids already met live in a
small SQLite file, not in memory.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import pyarrow.parquet as pq

from lumbar.errors import InputError
from lumbar.intake.validate import MAX_CHARS

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[Format, ...] = ("jsonl", "csv", "parquet")
SUFFIXES: dict[str, Format] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
}
COLUMNS = ("id", "text", "received_at")
#: a CSV field may be much longer than a text lumbar reads, so that a long text is reported as too long
_CSV_FIELD_LIMIT = 16 * MAX_CHARS

# the kinds of bad row, in plain words (they head the summary's count of errors)
MISSING_ID = "missing id"
MISSING_TEXT = "missing text"
TOO_LONG = "text too long"
DUPLICATE_ID = "duplicate id"
UNREADABLE = "unreadable row"


@dataclass(frozen=True)
class InboxRow:
    """A message to assess: its row number in the input (from 1), id, text and when it came in."""

    number: int
    id: str
    text: str
    received_at: str | None = None


@dataclass(frozen=True)
class BadRow:
    """A row that was not assessed: its number, id (when it had one), kind of error and reason."""

    number: int
    id: str | None
    kind: str
    reason: str


@dataclass(frozen=True)
class Partition:
    """Consecutive rows of the input, numbered from 0: the unit of work, of writing and of resuming."""

    index: int
    rows: tuple[InboxRow, ...]
    bad: tuple[BadRow, ...]

    @property
    def size(self) -> int:
        """How many input rows the partition covers, good and bad."""
        return len(self.rows) + len(self.bad)


def input_format(path: Path, given: str | None = None) -> Format:
    """The format of ``path``: the one ``given``, else the one its name ends with."""
    if given is not None:
        if given not in FORMATS:
            raise InputError(f"unknown input format {given!r}; use one of {', '.join(FORMATS)}")
        return given
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise InputError(
            f"cannot tell the format of {path.name}: name it .jsonl, .csv or .parquet, or pass --format"
        ) from None


def raw_records(path: Path, fmt: Format) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    """(row number, the row's fields) for every row, or (row number, why it cannot be read)."""
    if fmt == "jsonl":
        yield from _jsonl(path)
    elif fmt == "csv":
        yield from _csv(path)
    else:
        yield from _parquet(path)


def _jsonl(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    number = 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if not line.strip():
                continue
            number += 1
            try:
                value = json.loads(line)
            except json.JSONDecodeError:
                yield number, "the line is not valid JSON"
                continue
            yield number, value if isinstance(value, dict) else "the line is not a JSON object"


def _csv(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        _require_columns(path, reader.fieldnames or [])
        number = 0
        while True:
            number += 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield number, f"the row is not valid CSV ({exc})"
                continue
            yield number, record


def _parquet(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | str]]:
    source = pq.ParquetFile(path)
    names = source.schema_arrow.names
    _require_columns(path, names)
    number = 0
    for batch in source.iter_batches(batch_size=4096, columns=[c for c in COLUMNS if c in names]):
        for record in batch.to_pylist():
            number += 1
            yield number, record


def check_columns(path: Path, fmt: Format) -> None:
    """Refuse, before any work, a CSV or Parquet file without the id and text columns."""
    if fmt == "csv":
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            _require_columns(path, next(csv.reader(handle), []))
    elif fmt == "parquet":
        _require_columns(path, pq.ParquetFile(path).schema_arrow.names)


def _require_columns(path: Path, names: Sequence[str]) -> None:
    missing = [c for c in ("id", "text") if c not in names]
    if missing:
        raise InputError(
            f"{path.name} has no {' or '.join(repr(m) for m in missing)} column; its columns are: "
            f"{', '.join(names) or 'none'}. The inbox needs 'id' and 'text' (and may have 'received_at')"
        )


def check_record(number: int, record: Mapping[str, Any] | str) -> InboxRow | BadRow:
    """The row to assess, or why it cannot be (duplicates are found later, across rows)."""
    if isinstance(record, str):
        return BadRow(number, None, UNREADABLE, record)
    row_id = _id_of(record.get("id"))
    if row_id is None:
        return BadRow(number, None, MISSING_ID, "the row has no id")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return BadRow(number, row_id, MISSING_TEXT, "the row has no text to assess")
    if len(text) > MAX_CHARS:
        return BadRow(
            number, row_id, TOO_LONG, f"the text is {len(text):,} characters; the limit is {MAX_CHARS:,}"
        )
    return InboxRow(number, row_id, text, _when(record.get("received_at")))


def _id_of(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | str):
        text = str(value).strip()
        return text or None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def _when(value: Any) -> str | None:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


class SeenIds:
    """The ids met so far, in a SQLite file: memory stays flat however many rows the input has."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path)
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY);"
        )

    def first_time(self, row_id: str) -> bool:
        """True the first time ``row_id`` is met, False ever after."""
        return self._db.execute("INSERT OR IGNORE INTO seen VALUES (?)", (row_id,)).rowcount == 1

    def close(self) -> None:
        self._db.close()


def partitions(path: Path, fmt: Format, size: int, seen: SeenIds) -> Iterator[Partition]:
    """The input's checked rows in partitions of ``size`` input rows; a repeated id is a bad row."""
    rows: list[InboxRow] = []
    bad: list[BadRow] = []
    index = 0
    for number, record in raw_records(path, fmt):
        checked = check_record(number, record)
        if isinstance(checked, InboxRow) and not seen.first_time(checked.id):
            checked = BadRow(number, checked.id, DUPLICATE_ID, "an earlier row has the same id")
        if isinstance(checked, InboxRow):
            rows.append(checked)
        else:
            bad.append(checked)
        if len(rows) + len(bad) == size:
            yield Partition(index, tuple(rows), tuple(bad))
            rows, bad, index = [], [], index + 1
    if rows or bad:
        yield Partition(index, tuple(rows), tuple(bad))
