"""The simulation: the labelled cases cover every cause and level, and the interview meets its targets.

Targets (issue 4): no under-triage, level accuracy >= 95 %, top-3 cause accuracy >= 90 %, median
questions <= 8. A case that misses because of the knowledge data or the intake carries a
`known_issue`; an under-triaged case without one fails this test, and so does a known issue that
no longer misses (remove it from the cases file).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar.assessor import AssessmentEngine
from lumbar.cli import main
from lumbar.errors import InputError
from lumbar.eval.simulation import TARGETS, Report, SimCase, load_cases, simulate
from lumbar.interview import Interviewer
from lumbar.interview.policy import MAX_QUESTIONS
from lumbar.knowledge.schema import Level

CASES_FILE = Path(__file__).resolve().parents[2] / "cases" / "simulation.yaml"


@pytest.fixture(scope="module")
def cases(engine: AssessmentEngine) -> list[SimCase]:
    return load_cases(CASES_FILE, engine.kb)


@pytest.fixture(scope="module")
def report(interviewer: Interviewer, cases: list[SimCase]) -> Report:
    return simulate(interviewer, cases)


def test_the_cases_cover_every_cause_and_every_level(engine: AssessmentEngine, cases: list[SimCase]) -> None:
    assert len(cases) >= 80
    assert set(engine.kb.causes) <= {c.causes[0] for c in cases if c.causes}
    assert set(Level) == {c.level for c in cases}
    assert len({c.text for c in cases}) >= 0.85 * len(cases)


def test_no_unexplained_under_triage(report: Report, cases: list[SimCase]) -> None:
    known = {c.id for c in cases if c.known_issue}
    unexplained = [o.id for o in report.outcomes if o.under_triage and o.id not in known]
    assert unexplained == [], f"under-triaged: {unexplained}"


def test_known_issues_still_miss(report: Report, cases: list[SimCase]) -> None:
    known = {c.id for c in cases if c.known_issue}
    fixed = [o.id for o in report.outcomes if o.id in known and o.level_ok and (o.causes_ok or not o.scored)]
    assert fixed == [], f"these cases now pass; remove their known_issue: {fixed}"


def test_the_targets_are_met(report: Report) -> None:
    figures = {
        k: v for k, v in report.to_dict().items() if k in ("level_accuracy", "top3_accuracy", "questions")
    }
    assert report.level_accuracy >= TARGETS["level_accuracy"], figures
    assert report.top3_accuracy >= TARGETS["top3_accuracy"], figures
    assert report.questions["median"] <= TARGETS["median_questions"], figures
    # the cap, plus a warning sign asked again after "not sure" (never cut short)
    assert report.questions["max"] <= MAX_QUESTIONS + 1, figures


def test_simulate_command_prints_json_and_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.jsonl"
    rows = [
        {
            "id": "strain",
            "text": "Hurt my back lifting a box",
            "present": ["lifting_injury"],
            "values": {"age": 30},
            "level": "self_care",
            "causes": ["muscle_strain"],
        },
        {
            "id": "ces",
            "text": "numbness between my legs and back pain",
            "present": ["saddle_numbness"],
            "level": "emergency",
            "acceptable": ["emergency", "emergency_ambulance"],
            "causes": [],
        },
    ]
    cases.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert main(["simulate", str(cases), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cases"] == 2 and data["under_triage"] == []
    assert {o["id"] for o in data["outcomes"]} == {"strain", "ces"}
    assert main(["simulate", str(cases), "--all"]) == 0
    out = capsys.readouterr().out
    assert "Level accuracy" in out and "strain" in out


def test_a_bad_cases_file_names_every_problem(engine: AssessmentEngine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "cases:\n"
        "- {id: a, text: x, present: [no_such_finding], level: self_care, causes: [no_such_cause]}\n"
        "- {id: a, text: y, level: consultation, acceptable: [self_care], causes: []}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_cases(bad, engine.kb)
    message = str(err.value)
    for words in ("no_such_finding", "no_such_cause", "duplicate id", "not among its acceptable"):
        assert words in message
    with pytest.raises(InputError, match="cannot read"):
        load_cases(tmp_path / "missing.yaml", engine.kb)
