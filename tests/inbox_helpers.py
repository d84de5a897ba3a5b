"""Small inboxes for the inbox triage tests (lumbar.batch and `lumbar triage-inbox`), in each format."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

#: one text per level, most urgent first, and the level each one is triaged at
TEXTS = {
    "emergency_ambulance": "Sudden tearing pain in my back and belly, I feel faint and sweaty.",
    "emergency": "Back pain since Monday and now I can't feel anything down there when I wipe.",
    "self_care": "Pulled my lower back shovelling snow this morning, it's really stiff and sore.",
}


def messages(count: int) -> list[dict[str, Any]]:
    """``count`` messages cycling through TEXTS, with ids m0, m1 … and a date over ten days."""
    texts = list(TEXTS.values())
    return [
        {"id": f"m{n}", "text": texts[n % len(texts)], "received_at": f"2026-11-{1 + n % 10:02d}T09:30:00"}
        for n in range(count)
    ]


def write_inbox(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write ``rows`` in the format of ``path``'s suffix (.jsonl, .csv or .parquet)."""
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    elif path.suffix == ".parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["id", "text", "received_at"])
            writer.writeheader()
            writer.writerows(rows)
    return path
