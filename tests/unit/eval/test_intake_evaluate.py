"""The intake evaluator: scoring by group, closure on both sides, tolerances, the gold file's checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar.errors import InputError
from lumbar.eval.intake import (
    GoldCase,
    Tally,
    evaluate,
    gold_reading,
    load_cases,
    main,
    score_case,
    value_matches,
)
from lumbar.intake.reader import ReadFinding, Reading, TextReader
from lumbar.knowledge.loader import KnowledgeBase


def reading_of(*found: ReadFinding) -> Reading:
    reading = Reading()
    for f in found:
        reading.findings[f.id] = f
    return reading


def test_tally() -> None:
    t = Tally(gold=10, read=8, matched=6)
    assert (t.precision, t.recall) == (0.75, 0.6)
    assert t.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Tally().precision == Tally().recall == 1.0


def test_gold_is_completed_like_a_reading(kb: KnowledgeBase) -> None:
    gold = gold_reading(GoldCase("g", "x", present=("urinary_retention",), values={"age": 70}), kb)
    assert {"urinary_retention", "bladder_dysfunction", "age_over_65"} <= gold.present()


def test_groups_negation_and_uncertainty(kb: KnowledgeBase) -> None:
    case = GoldCase("c1", "x", present=("saddle_numbness",), absent=("fever",), possible=("haematuria",))
    read = reading_of(
        ReadFinding("saddle_numbness", "present", "w"),
        ReadFinding("fever", "present", "w"),  # wrong status: extra in systemic, missed in negation
        ReadFinding("haematuria", "present", "w", certainty="possible"),
        ReadFinding("back_pain", "present", "w"),  # not in the gold
    )
    tallies, misses = score_case(case, read, kb)
    assert (tallies["cauda_equina"].gold, tallies["cauda_equina"].matched) == (1, 1)
    assert (tallies["negation"].gold, tallies["negation"].matched) == (1, 0)
    assert (tallies["systemic"].read, tallies["systemic"].matched) == (1, 0)
    assert (tallies["uncertainty"].gold, tallies["uncertainty"].matched) == (1, 1)
    assert (tallies["muscle"].read, tallies["muscle"].matched) == (1, 0)
    assert {(m.kind, m.item) for m in misses} == {
        ("missed", "fever=absent"),
        ("extra", "fever=present"),
        ("extra", "back_pain=present"),
    }


def test_threshold_findings_are_not_scored_but_their_numbers_are(kb: KnowledgeBase) -> None:
    case = GoldCase("c2", "x", values={"age": 70, "duration_days": (14.0, 21.0)})
    read = reading_of(
        ReadFinding("age", "present", "70", value=70.4), ReadFinding("duration_days", "present", "", value=3)
    )
    tallies, misses = score_case(case, read, kb)
    assert "person" not in tallies or tallies["person"].gold == 0
    assert (tallies["values"].gold, tallies["values"].read, tallies["values"].matched) == (2, 2, 1)
    assert [m.item.split("=")[0] for m in misses] == ["duration_days"]


@pytest.mark.parametrize(
    ("name", "gold", "read", "ok"),
    [
        ("age", 34.0, 34.0, True),
        ("age", 34.0, 35.0, False),
        ("temperature_c", 38.9, 38.8, True),
        ("temperature_c", 38.9, 38.6, False),
        ("duration_days", 21.0, 22.0, True),
        ("duration_days", 21.0, 30.0, False),
        ("duration_days", 1 / 24, 0.02, True),
        ("pregnancy_weeks", (14.0, 27.0), 20.0, True),
        ("pregnancy_weeks", (14.0, 27.0), 32.0, False),
    ],
)
def test_value_tolerance(name: str, gold: float | tuple[float, float], read: float, ok: bool) -> None:
    assert value_matches(name, gold, read) is ok


def write(tmp_path: Path, *rows: object) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def test_load_cases_reports_every_bad_line(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = write(
        tmp_path,
        {"id": "a", "text": "ok", "present": ["back_pain"]},
        {"id": "b", "text": "x", "present": ["no_such_finding"]},
        {"id": "c", "text": "x", "present": ["age_over_50"]},
        "not json",
        {"id": "a", "text": "again"},
    )
    with pytest.raises(InputError) as error:
        load_cases(path, kb)
    message = str(error.value)
    assert "gold.jsonl:2: b: present names no finding: 'no_such_finding'" in message
    assert "gold.jsonl:3: c: 'age_over_50' is a number or a threshold" in message
    assert "gold.jsonl:4:" in message
    assert "'a' is used more than once" in message


def test_missing_file_is_an_input_error(tmp_path: Path, kb: KnowledgeBase) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_cases(tmp_path / "missing.jsonl", kb)


def test_evaluate_end_to_end(tmp_path: Path, kb: KnowledgeBase, reader: TextReader) -> None:
    path = write(
        tmp_path,
        {"id": "a", "text": "No fever, but my lower back is in spasm.", "present": ["back_pain", "muscle_spasm"],
         "absent": ["fever"], "values": {}},
        {"id": "b", "text": "I'm 34 and can't pee.", "present": ["urinary_retention"], "values": {"age": 34}},
    )  # fmt: skip
    report = evaluate(load_cases(path, kb), reader)
    assert report.cases == 2
    assert report.overall.precision == report.overall.recall == 1.0, report.misses
    assert report.groups["values"].matched == 1


def test_main_prints_json_and_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        {"id": "a", "text": "Sore lower back, no fever.", "present": ["back_pain"], "absent": ["fever"]},
    )
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cases"] == 1 and data["overall"]["recall"] == 1.0 and "misses" not in data
    assert main([str(path), "--errors"]) == 0
    assert "overall" in capsys.readouterr().out


def test_main_fails_on_an_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
