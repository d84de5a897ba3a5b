"""`lumbar triage-inbox` as people run it (its own local cluster): the results, the bad rows and the
report in the folder, a summary with the emergencies' ids, a rerun that keeps what was done, and a
folder of another input refused."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from inbox_helpers import messages, write_inbox
from lumbar.cli import main


def test_the_command_writes_results_errors_and_report_and_prints_the_emergencies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = write_inbox(
        tmp_path / "inbox.csv", [*messages(9), {"id": "empty", "text": "", "received_at": ""}]
    )
    out = tmp_path / "out"
    argv = ["triage-inbox", str(inbox), "--out", str(out), "--workers", "1"]
    assert main([*argv, "--partition-rows", "4"]) == 0
    printed = capsys.readouterr().out
    assert "9 messages assessed" in printed
    assert "Call an ambulance now: m0, m3, m6" in printed
    assert "Go to an emergency department now: m1, m4, m7" in printed
    assert "1 row could not be assessed (missing text: 1)" in printed
    assert pq.read_table(out / "results").num_rows == 9
    assert "empty,missing text" in (out / "errors.csv").read_text(encoding="utf-8")
    assert "Emergencies" in (out / "report.html").read_text(encoding="utf-8")
    assert main([*argv, "--partition-rows", "4"]) == 0
    assert "3 of the partitions were already done" in capsys.readouterr().out
    assert main([*argv, "--partition-rows", "5"]) == 1
    assert "--restart" in capsys.readouterr().err


def test_a_missing_input_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["triage-inbox", str(tmp_path / "nothing.jsonl"), "--out", str(tmp_path / "out")]) == 1
    assert "no such file" in capsys.readouterr().err
