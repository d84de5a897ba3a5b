"""`lumbar diary`: add (options and questions), show with the prompt and the plot, export; the clock is
passed in with --today."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest

from lumbar.cli import main

START = date(2026, 3, 2)


@pytest.fixture
def diary(tmp_path: Path) -> list[str]:
    """The start of a `lumbar diary` command over an empty SQLite file."""
    return ["diary", "--database", f"sqlite:///{tmp_path / 'diary.sqlite3'}"]


def add(diary: list[str], day: date, now: int, worst: int, *more: str) -> int:
    return main(
        [*diary, "--today", day.isoformat(), "add", "--pain-now", str(now), "--pain-worst", str(worst), *more]
    )


def fourteen_days(diary: list[str], first: int, last: int) -> date:
    """Fifteen daily entries from START, pain now going from ``first`` to ``last``; the last day."""
    for i in range(15):
        now = round(first + (last - first) * i / 14)
        assert add(diary, START + timedelta(days=i), now, min(now + 2, 10)) == 0
    return START + timedelta(days=14)


def test_not_better_after_two_weeks_shows_the_prompt(
    diary: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    today = fourteen_days(diary, 6, 5)
    capsys.readouterr()
    assert main([*diary, "--today", today.isoformat(), "show"]) == 0
    out = capsys.readouterr().out
    assert "book a visit" in out and "not clearly better" in out


def test_better_after_two_weeks_shows_no_prompt(diary: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    today = fourteen_days(diary, 6, 4)
    capsys.readouterr()
    assert main([*diary, "--today", today.isoformat(), "show"]) == 0
    out = capsys.readouterr().out
    assert "book a visit" not in out and "clearly better" in out


def test_show_writes_the_plot(diary: list[str], tmp_path: Path) -> None:
    today = fourteen_days(diary, 6, 2)
    plot = tmp_path / "pain.svg"
    assert main([*diary, "--today", today.isoformat(), "show", "--plot", str(plot)]) == 0
    assert ElementTree.parse(plot).getroot().get("role") == "img"


def test_a_note_with_a_warning_sign_shows_its_level_at_once(
    diary: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(diary, START, 5, 7, "--note", "numbness around my bottom since this morning") == 0
    out = capsys.readouterr().out
    assert "EMERGENCY" in out.upper() and "cauda equina" in out


def test_a_dose_at_the_limit_is_warned_and_still_saved(
    diary: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(diary, START, 5, 7, "--medicine", "co-codamol=8 tablets") == 0
    assert "4,000 mg" in capsys.readouterr().out
    assert main([*diary, "export"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved[0]["medicines"] == [{"medicine": "co-codamol", "amount": 8.0, "unit": "tablets"}]


def test_export_as_csv(diary: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    add(diary, START, 5, 7, "--spasms", "3", "--sleep", "6.5", "--activity", "4", "--note", "stiff")
    capsys.readouterr()
    assert main([*diary, "export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        {
            "day": "2026-03-02",
            "pain_now": "5",
            "pain_worst": "7",
            "spasms": "3",
            "sleep_hours": "6.5",
            "activity": "4",
            "medicines": "",
            "notes": "stiff",
        }
    ]


def test_add_asks_one_question_at_a_time(
    diary: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("4\n6\n\n7\n5\nibuprofen=400mg\nbetter today\n"))
    assert main([*diary, "--today", START.isoformat(), "add"]) == 0
    capsys.readouterr()
    main([*diary, "export"])
    saved = json.loads(capsys.readouterr().out)[0]
    assert (saved["pain_now"], saved["pain_worst"], saved["spasms"], saved["sleep_hours"]) == (
        4,
        6,
        None,
        7.0,
    )
    assert saved["medicines"][0]["medicine"] == "ibuprofen" and saved["notes"] == "better today"


@pytest.mark.parametrize(
    ("more", "words"),
    [
        (["--medicine", "paracetamol"], "gives no amount"),
        (["--medicine", "paracetamol=lots"], "gives no amount"),
    ],
)
def test_a_bad_value_is_a_plain_error(
    diary: list[str], capsys: pytest.CaptureFixture[str], more: list[str], words: str
) -> None:
    assert add(diary, START, 5, 7, *more) == 1
    assert words in capsys.readouterr().err


def test_the_worst_below_the_pain_now_is_refused(
    diary: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(diary, START, 7, 5) == 1
    assert "cannot be less than the pain now" in capsys.readouterr().err


def test_add_score_keeps_a_questionnaire_and_says_the_change(
    diary: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = ["add-score", "rmdq", "--answers", "1=ticked,2=ticked,3=ticked,4=ticked,5=ticked,6=ticked"]
    assert main([*diary, "--today", START.isoformat(), *first]) == 0
    assert "Kept in your diary for Monday 2 March: Roland-Morris 6 out of 24." in capsys.readouterr().out
    later = (START + timedelta(days=14)).isoformat()
    assert main([*diary, "--today", later, "add-score", "rmdq", "--answers", "2=ticked", "--json"]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert (kept["kept"]["total"], kept["kept"]["day"]) == (1, later)
    assert kept["kept"]["answers"] == {"change_position": "ticked"}
    assert "big enough to be a real improvement" in kept["change"][0]


def test_show_lists_the_kept_scores_and_plots_them(
    diary: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = fourteen_days(diary, 6, 3)
    answers = "1=agree,2=agree,3=agree,4=agree,5=agree,6=disagree,7=agree,8=disagree,9=extremely"
    assert main([*diary, "--today", START.isoformat(), "add-score", "start_back", "--answers", answers]) == 0
    capsys.readouterr()
    plot = tmp_path / "pain.svg"
    assert main([*diary, "--today", today.isoformat(), "show", "--plot", str(plot)]) == 0
    out = capsys.readouterr().out
    assert "STarT Back" in out and "7 out of 9" in out and "medium risk" in out
    assert 'id="scores-start_back"' in plot.read_text(encoding="utf-8")
    assert main([*diary, "--today", today.isoformat(), "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["scores"] == [
        {"day": START.isoformat(), "questionnaire": "start_back", "total": 7, "group": "medium"}
    ]


def test_add_score_refuses_a_day_after_today(diary: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    later = (START + timedelta(days=1)).isoformat()
    code = main(
        [*diary, "--today", START.isoformat(), "add-score", "rmdq", "--answers", "1=ticked", "--day", later]
    )
    assert code != 0 and "after today" in capsys.readouterr().err


def test_export_scores_as_json_and_csv(diary: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main([*diary, "--today", START.isoformat(), "add-score", "rmdq", "--answers", "5=ticked,9=ticked"])
        == 0
    )
    capsys.readouterr()
    assert main([*diary, "export", "--scores"]) == 0
    [kept] = json.loads(capsys.readouterr().out)
    assert (kept["questionnaire"], kept["total"], kept["day"]) == ("rmdq", 2, START.isoformat())
    assert kept["answers"] == {"handrail": "ticked", "dress_slowly": "ticked"}
    assert main([*diary, "export", "--scores", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["date"], row["score"]) for row in rows] == [(START.isoformat(), "2")]
