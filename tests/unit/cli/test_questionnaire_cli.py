"""`lumbar questionnaire`: list, show, score from --answers or one question at a time, clear errors."""

from __future__ import annotations

import io
import json

import pytest

from lumbar.cli import main

MEDIUM = "1=agree,2=agree,3=agree,4=agree,5=agree,6=disagree,7=agree,8=disagree,9=extremely"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["questionnaire", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_list_names_every_questionnaire(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--json")
    assert status == 0
    assert [row["id"] for row in json.loads(out)] == ["start_back", "rmdq", "pain_nrs"]


def test_show_prints_the_items_and_keeles_notice(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "start_back")
    assert status == 0
    assert "9. Overall, how bothersome has your back pain been in the last 2 weeks?" in out
    assert "Keele University" in " ".join(out.split())


def test_score_with_answers_gives_the_group_its_advice_and_the_notice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "score", "start_back", "--answers", MEDIUM, "--json")
    result = json.loads(out)
    assert status == 0
    assert (result["total"], result["band"]) == (7, "medium")
    assert result["advice"][0]["id"] == "physiotherapy_exercise"
    assert "nice_ng59#1.1.3" in result["advice"][0]["sources"]
    assert result["notice"].startswith("The copyright (©2007)")


def test_score_in_the_terminal_shows_sources_by_title_not_id(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", "start_back", "--answers", MEDIUM)
    text = " ".join(out.split())
    assert status == 0
    assert "Your group: medium risk" in text
    assert "NICE guideline NG59" in text
    assert "nice_ng59" not in text


def test_missing_answers_are_named_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "score", "start_back", "--answers", "1=agree,9=slightly")
    assert status == 1
    assert "question(s) 2, 3, 4, 5, 6, 7, 8" in err


def test_unreadable_answers_and_unknown_forms_are_clear_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "score", "pain_nrs", "--answers", "pain=7")
    assert status == 1 and "NUMBER=ANSWER" in err
    status, _, err = run(capsys, "show", "oswestry")
    assert status == 1 and "start_back, rmdq, pain_nrs" in err


def test_interactive_scoring_asks_one_question_at_a_time(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("8\n"))
    status, out, _ = run(capsys, "score", "pain_nrs")
    assert status == 0
    assert "8 out of 10" in out
    assert "severe pain" in out


def test_roland_morris_counts_the_ticked_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", "rmdq", "--answers", "1=ticked,5=ticked,24=ticked", "--json")
    result = json.loads(out)
    assert (status, result["total"], len(result["blank"])) == (0, 3, 21)


def test_plan_with_a_start_back_group_brings_its_care_first(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", "--text", "I pulled my back lifting a box yesterday, I am 35", "--format", "json"]
    assert main([*argv, "--start-back", "medium"]) == 0
    plan = json.loads(capsys.readouterr().out)
    doctor = next(s for s in plan["sections"] if s["id"] == "doctor")
    assert doctor["items"][0]["id"] == "physiotherapy_exercise"
    assert "medium-risk group" in doctor["items"][0]["why"]


def test_plan_with_an_unknown_group_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--text", "back pain", "--start-back", "huge"]) == 1
    assert "use one of: high, medium, low" in capsys.readouterr().err
