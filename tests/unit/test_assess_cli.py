"""`lumbar assess`: --text, --json and --batch, and the JSON shape of CONTRACT.md section 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lumbar.cli import main

LEVELS = {"emergency_ambulance", "emergency", "consultation_24", "consultation", "self_care"}
REQUIRED = {
    "level",
    "level_reasons",
    "causes",
    "findings",
    "next_questions",
    "specialists",
    "tests",
    "advice",
    "sources",
}
TEXTS = {
    "strain": "I pulled my back lifting a box, no numbness",
    "ces": "Since last night I can't feel the paper when I wipe and I can't pee.",
    "fever": "Lower back pain with a fever of 38.6 and it burns when I pee.",
    "pregnant": "I'm 30 weeks pregnant with back ache, no bleeding.",
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def check_contract(result: dict[str, Any]) -> None:
    """Every required field of CONTRACT.md section 2, with its shape."""
    assert set(result) >= REQUIRED, REQUIRED - set(result)
    assert result["level"] in LEVELS
    assert result["level_reasons"]
    for reason in result["level_reasons"]:
        assert isinstance(reason["text"], str) and reason["text"]
        assert all(isinstance(f, str) for f in reason["findings"])
        assert reason["sources"] and all(isinstance(s, str) for s in reason["sources"])
    probabilities = [c["probability"] for c in result["causes"]]
    assert probabilities == sorted(probabilities, reverse=True), "most likely first"
    for cause in result["causes"]:
        assert {"id", "name", "probability", "for", "against"} <= set(cause)
        assert "for_" not in cause, "the contract spells it `for`"
        assert 0 <= cause["probability"] <= 1
        assert isinstance(cause["for"], list) and isinstance(cause["against"], list)
    for finding in result["findings"]:
        assert finding["status"] in {"present", "absent"}
        assert isinstance(finding["id"], str) and isinstance(finding["evidence"], str)
    for question in result["next_questions"]:
        assert isinstance(question["id"], str) and question["text"]
    for kind in ("specialists", "tests", "advice"):
        for item in result[kind]:
            assert {"id", "text", "sources"} <= set(item), kind
    used = {s for r in result["level_reasons"] for s in r["sources"]}
    for kind in ("specialists", "tests", "advice", "causes"):
        used |= {s for item in result[kind] for s in item.get("sources", [])}
    assert used <= set(result["sources"]), f"sources missing: {used - set(result['sources'])}"
    for ref in result["sources"].values():
        assert isinstance(ref["title"], str) and ref["title"] and isinstance(ref["locator"], str)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_text_json_follows_the_contract(capsys: pytest.CaptureFixture[str], name: str) -> None:
    code, out, _ = run(capsys, "assess", "--text", TEXTS[name], "--json")
    assert code == 0
    result = json.loads(out)
    check_contract(result)


def test_levels_of_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    levels = {}
    for name, text in TEXTS.items():
        _, out, _ = run(capsys, "assess", "--text", text, "--json")
        levels[name] = json.loads(out)["level"]
    assert levels["strain"] == "self_care"
    assert levels["ces"] == "emergency_ambulance"
    assert levels["fever"] == "consultation_24"
    findings = {
        f["id"]: f
        for f in json.loads(run(capsys, "assess", "--text", TEXTS["strain"], "--json")[1])["findings"]
    }
    assert findings["leg_numbness_tingling"]["status"] == "absent"
    assert "numbness" in findings["leg_numbness_tingling"]["evidence"]


def test_text_report_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", "--text", TEXTS["ces"])
    assert code == 0
    assert "CALL AN AMBULANCE NOW" in out
    assert "Sources" in out


def test_unassessable_text_fails_with_a_plain_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "assess", "--text", "   ", "--json")
    assert code != 0 and not out
    assert "empty" in err


def write_batch(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_keeps_input_order_and_goes_on_after_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "z-first", "text": TEXTS["ces"]}),
        "this is not json",
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "a-last", "text": TEXTS["strain"]}),
        "",
        json.dumps(
            {"id": "german", "text": "Ich habe seit drei Tagen starke Rückenschmerzen und kann kaum laufen"}
        ),
        json.dumps({"id": 7, "text": TEXTS["fever"]}),
    ]
    code, out, _ = run(capsys, "assess", "--batch", str(write_batch(tmp_path, lines)))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["z-first", "line-2", "empty", "no-text", "a-last", "german", 7]
    errors = {str(r["id"]): r for r in rows if "error" in r}
    assert set(errors) == {"line-2", "empty", "no-text", "german"}
    for row in errors.values():
        assert set(row) == {"id", "error"} and row["error"]
    assert "English" in errors["german"]["error"]
    good = [r for r in rows if "error" not in r]
    for row in good:
        check_contract(row)
    assert good[0]["level"] == "emergency_ambulance" and good[1]["level"] == "self_care"


def test_batch_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "s", "text": TEXTS["strain"]}) + "\n"))
    code, out, _ = run(capsys, "assess", "--batch", "-")
    assert code == 0 and json.loads(out)["id"] == "s"


def test_batch_of_an_unreadable_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "assess", "--batch", str(tmp_path / "missing.jsonl"))
    assert code != 0 and not out
    assert "cannot read" in err
    code, _, _ = run(capsys, "assess", "--batch", str(tmp_path))  # a folder is not a file
    assert code != 0


def test_text_and_batch_are_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["assess", "--text", "x", "--batch", "y"])
    assert exit_info.value.code != 0
    capsys.readouterr()


def test_installed_command_runs(tmp_path: Path) -> None:
    """One real run of .venv/bin/lumbar, as shared/tools/score uses it."""
    command = Path(sys.executable).with_name("lumbar")
    if not command.exists():
        pytest.skip("the lumbar script is not installed beside this Python")
    proc = subprocess.run(
        [str(command), "assess", "--text", TEXTS["fever"], "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    check_contract(json.loads(proc.stdout))
