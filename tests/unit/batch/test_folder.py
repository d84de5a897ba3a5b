"""The output folder: partitions written whole, a rerun of the same input resumes, another input is
refused unless restarted, and all bad rows end up in one CSV file."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from inbox_helpers import messages, write_inbox
from lumbar.batch.folder import ERRORS_CSV, RESULTS, OutputFolder, identify
from lumbar.batch.rows import BadRow
from lumbar.errors import InputError


def test_the_same_input_resumes_and_a_changed_one_is_refused_unless_restarted(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(4))
    out = tmp_path / "out"
    folder = OutputFolder.prepare(out, identify(inbox, "jsonl", 2))
    folder.write_partition(0, [], [])
    assert OutputFolder.prepare(out, identify(inbox, "jsonl", 2)).is_done(0)
    with pytest.raises(InputError, match="another input, partition size"):
        OutputFolder.prepare(out, identify(inbox, "jsonl", 3))
    write_inbox(inbox, messages(5))
    with pytest.raises(InputError, match="--restart"):
        OutputFolder.prepare(out, identify(inbox, "jsonl", 2))
    assert not OutputFolder.prepare(out, identify(inbox, "jsonl", 2), restart=True).is_done(0)


def test_a_folder_holding_other_files_is_not_used(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(1))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        OutputFolder.prepare(tmp_path / "out", identify(inbox, "jsonl", 2))


def test_a_file_without_the_columns_is_refused_before_any_work(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox.csv"
    inbox.write_text("id,message\n1,my back hurts\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column"):
        identify(inbox, "csv", 2)


def test_the_identity_counts_rows_for_the_progress_bar(tmp_path: Path) -> None:
    assert identify(write_inbox(tmp_path / "a.jsonl", messages(5)), "jsonl", 2).rows_estimate == 5
    assert identify(write_inbox(tmp_path / "a.csv", messages(5)), "csv", 2).rows_estimate == 5
    assert identify(write_inbox(tmp_path / "a.parquet", messages(5)), "parquet", 2).rows_estimate == 5


def test_a_partition_is_written_whole_and_its_bad_rows_go_to_the_csv_in_input_order(tmp_path: Path) -> None:
    inbox = write_inbox(tmp_path / "inbox.jsonl", messages(1))
    folder = OutputFolder.prepare(tmp_path / "out", identify(inbox, "jsonl", 2))
    folder.write_partition(1, [], [BadRow(4, "x", "missing text", "the row has no text to assess")])
    folder.write_partition(
        0, [], [BadRow(2, None, "missing id", "the row has no id"), BadRow(1, "y", "k", "r")]
    )
    assert pq.read_table(tmp_path / "out" / RESULTS / "part-00000.parquet").num_rows == 0
    assert folder.write_errors_csv() == 3
    with (tmp_path / "out" / ERRORS_CSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["row", "id", "kind", "reason"],
        ["1", "y", "k", "r"],
        ["2", "", "missing id", "the row has no id"],
        ["4", "x", "missing text", "the row has no text to assess"],
    ]
    assert not list((tmp_path / "out").rglob(".*.tmp"))
