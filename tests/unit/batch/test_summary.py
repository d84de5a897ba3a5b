"""The summary read back from the results: counts by level, emergencies ambulance-first, days, errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from inbox_helpers import messages, write_inbox
from lumbar.batch.folder import OutputFolder, identify
from lumbar.batch.rows import BadRow
from lumbar.batch.summary import InboxSummary, received_day, summarise
from lumbar.knowledge.schema import Level


def record(row_id: str, level: Level, received_at: str | None) -> dict[str, object]:
    return {"id": row_id, "level": level.value, "reasons": [f"why {row_id}"], "received_at": received_at}


def test_counts_emergencies_most_urgent_first_and_messages_per_day(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(1))
    folder = OutputFolder.prepare(tmp_path / "out", identify(inbox, "jsonl", 2))
    folder.write_partition(
        0,
        [record("a", Level.EMERGENCY, "2026-11-02T10:00:00"), record("b", Level.SELF_CARE, "2026-11-02")],
        [BadRow(3, "c", "missing text", "the row has no text to assess")],
    )
    folder.write_partition(
        1,
        [
            record("d", Level.EMERGENCY_AMBULANCE, "2026-11-04T23:59:00+01:00"),
            record("e", Level.CONSULTATION, None),
        ],
        [],
    )
    summary = summarise(folder)
    assert summary.assessed == 4
    assert summary.by_level[Level.EMERGENCY] == summary.by_level[Level.EMERGENCY_AMBULANCE] == 1
    assert [(e.id, e.level, e.reason) for e in summary.emergencies] == [
        ("d", Level.EMERGENCY_AMBULANCE, "why d"),
        ("a", Level.EMERGENCY, "why a"),
    ]
    assert summary.per_day == {
        date(2026, 11, 2): {Level.EMERGENCY: 1, Level.SELF_CARE: 1},
        date(2026, 11, 4): {Level.EMERGENCY_AMBULANCE: 1},
    }
    assert summary.undated == 1
    assert summary.errors == {"missing text": 1}


def test_only_the_first_emergencies_of_each_level_are_kept_but_all_are_counted() -> None:
    summary = InboxSummary()
    for n in range(300):
        summary.add(f"e{n}", Level.EMERGENCY, "why", None)
    summary.add("amb", Level.EMERGENCY_AMBULANCE, "why", None)
    assert summary.emergency_count == 301
    assert summary.emergencies[0].id == "amb"
    assert len(summary.emergencies) == 201


def test_a_date_that_cannot_be_read_has_no_day() -> None:
    assert received_day("30/11/2026") is None
    assert received_day(None) is None
    assert received_day("2026-11-30 08:15") == date(2026, 11, 30)
