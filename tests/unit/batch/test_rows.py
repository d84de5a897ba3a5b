"""Reading an inbox: the three formats, every kind of bad row with its reason, and partitions that
depend only on the input and the partition size."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbox_helpers import messages, write_inbox
from lumbar.batch.rows import (
    DUPLICATE_ID,
    MISSING_ID,
    MISSING_TEXT,
    TOO_LONG,
    UNREADABLE,
    BadRow,
    InboxRow,
    SeenIds,
    check_record,
    input_format,
    partitions,
)
from lumbar.errors import InputError
from lumbar.intake.validate import MAX_CHARS


@pytest.fixture
def seen(tmp_path: Path) -> SeenIds:
    return SeenIds(tmp_path / "ids.sqlite")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_each_format_gives_the_same_rows(tmp_path: Path, seen: SeenIds, suffix: str) -> None:
    inbox = write_inbox(tmp_path / f"inbox{suffix}", messages(7))
    parts = list(partitions(inbox, input_format(inbox), 3, seen))
    assert [(p.index, p.size) for p in parts] == [(0, 3), (1, 3), (2, 1)]
    first = parts[0].rows[0]
    assert first == InboxRow(1, "m0", messages(1)[0]["text"], "2026-11-01T09:30:00")


def test_an_unknown_suffix_asks_for_the_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--format"):
        input_format(tmp_path / "inbox.txt")
    assert input_format(tmp_path / "inbox.txt", "csv") == "csv"


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"text": "my back hurts"}, MISSING_ID),
        ({"id": "", "text": "my back hurts"}, MISSING_ID),
        ({"id": ["a"], "text": "my back hurts"}, MISSING_ID),
        ({"id": "a"}, MISSING_TEXT),
        ({"id": "a", "text": "   "}, MISSING_TEXT),
        ({"id": "a", "text": 12}, MISSING_TEXT),
        ({"id": "a", "text": "x" * (MAX_CHARS + 1)}, TOO_LONG),
        ("the line is not valid JSON", UNREADABLE),
    ],
)
def test_a_bad_row_says_what_is_wrong(record: dict[str, object] | str, kind: str) -> None:
    checked = check_record(4, record)
    assert isinstance(checked, BadRow)
    assert (checked.number, checked.kind) == (4, kind)
    assert checked.reason


def test_a_number_is_a_good_id_and_a_date_is_kept_as_written() -> None:
    checked = check_record(1, {"id": 17, "text": "my back hurts", "received_at": "2026-11-30"})
    assert checked == InboxRow(1, "17", "my back hurts", "2026-11-30")


def test_bad_rows_are_reported_in_their_partition_and_the_reading_goes_on(
    tmp_path: Path, seen: SeenIds
) -> None:
    inbox = tmp_path / "inbox.jsonl"
    inbox.write_text(
        '{"id": "a", "text": "my back hurts"}\n'
        "not json\n"
        "\n"
        '{"id": "a", "text": "the same id again"}\n'
        '["a list"]\n'
        '{"id": "b", "text": "my back hurts too"}\n',
        encoding="utf-8",
    )
    (part,) = partitions(inbox, "jsonl", 10, seen)
    assert [row.id for row in part.rows] == ["a", "b"]
    assert [(bad.number, bad.kind) for bad in part.bad] == [
        (2, UNREADABLE),
        (3, DUPLICATE_ID),
        (4, UNREADABLE),
    ]


def test_a_duplicate_in_a_later_partition_is_found(tmp_path: Path, seen: SeenIds) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", [*messages(5), messages(1)[0]])
    parts = list(partitions(inbox, "jsonl", 2, seen))
    assert [bad.id for part in parts for bad in part.bad] == ["m0"]
    assert sum(part.size for part in parts) == 6


def test_a_file_without_the_text_column_is_refused_naming_its_columns(tmp_path: Path, seen: SeenIds) -> None:
    inbox = tmp_path / "inbox.csv"
    inbox.write_text("id,message\n1,my back hurts\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no 'text' column; its columns are: id, message"):
        list(partitions(inbox, "csv", 10, seen))


def test_a_csv_text_longer_than_the_csv_module_allows_is_reported_as_too_long(
    tmp_path: Path, seen: SeenIds
) -> None:
    inbox = write_inbox(tmp_path / "inbox.csv", [{"id": "long", "text": "back pain " * 20_000}, *messages(1)])
    (part,) = partitions(inbox, "csv", 10, seen)
    assert [(bad.id, bad.kind) for bad in part.bad] == [("long", TOO_LONG)]
    assert [row.id for row in part.rows] == ["m0"]
