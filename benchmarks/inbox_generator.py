"""Synthetic inbox messages for `lumbar triage-inbox`: sentences of the labelled cases mixed at random.

    .venv/bin/python benchmarks/inbox_generator.py N OUT.{jsonl,csv,parquet} [--seed 1] [--weeks 6]

Each message joins one to three sentences drawn from the labelled texts (../shared/vignettes/*.jsonl
and tests/cases/*.jsonl), so the mix of levels resembles theirs, with an id (``msg-0000001``…) and a
``received_at`` time spread over ``--weeks`` weeks. The same seed gives the same file. Written in
blocks, so memory stays flat at any N.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT.parent / "shared" / "vignettes").glob("*.jsonl")),
    *sorted((ROOT / "tests" / "cases").glob("*.jsonl")),
]
START = datetime(2026, 10, 1, 7, 0, 0)
BLOCK = 20_000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences() -> list[str]:
    """Every distinct sentence of the labelled texts, in a fixed order."""
    found: dict[str, None] = {}
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if isinstance(text, str):
                found.update(dict.fromkeys(s.strip() for s in _SENTENCE_END.split(text) if s.strip()))
    return list(found)


def messages(count: int, seed: int = 1, weeks: int = 6) -> Iterator[dict[str, str]]:
    """``count`` messages, the same for the same seed."""
    pool = sentences()
    rng = random.Random(seed)
    span = weeks * 7 * 24 * 3600
    for n in range(count):
        text = " ".join(rng.sample(pool, rng.randint(1, 3)))
        when = START + timedelta(seconds=rng.randrange(span))
        yield {"id": f"msg-{n:07d}", "text": text, "received_at": when.isoformat()}


def write(path: Path, count: int, seed: int = 1, weeks: int = 6) -> Path:
    """Write ``count`` messages to ``path`` in the format its suffix names."""
    stream = messages(count, seed, weeks)
    schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("received_at", pa.string())])
    blocks = (
        pa.Table.from_pylist([row for _, row in zip(range(BLOCK), stream, strict=False)], schema)
        for _ in range(0, count, BLOCK)
    )
    if path.suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in stream:
                out.write(json.dumps(row) + "\n")
    elif path.suffix == ".parquet":
        with pq.ParquetWriter(path, schema) as writer:
            for table in blocks:
                writer.write_table(table)
    elif path.suffix == ".csv":
        with pacsv.CSVWriter(path, schema) as writer:
            for table in blocks:
                writer.write_table(table)
    else:
        raise SystemExit(f"name the output .jsonl, .csv or .parquet, not {path.name}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="how many messages")
    parser.add_argument("out", type=Path, help="the file to write (.jsonl, .csv or .parquet)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--weeks", type=int, default=6, help="the span of the received_at times")
    args = parser.parse_args()
    write(args.out, args.count, args.seed, args.weeks)
    print(f"{args.count:,} messages from {len(sentences()):,} sentences written to {args.out}")


if __name__ == "__main__":
    main()
