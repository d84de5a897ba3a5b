"""The plan's safety properties over every public vignette, every lay vignette and every simulation case.

No anti-inflammatory for a pregnant person or someone on a blood thinner; no home plan first at an
emergency or 24-hour level; a safety-net on every plan; a source on every item.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar.assessment import Assessment
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.care.plan import make_plan
from lumbar.eval.simulation import load_cases
from lumbar.knowledge.schema import Level

ROOT = Path(__file__).resolve().parents[3]
NSAIDS = {"nsaid_oral", "topical_nsaid"}
URGENT = {Level.CONSULTATION_24, Level.EMERGENCY, Level.EMERGENCY_AMBULANCE}


def _texts(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["id"], row["text"]) for row in rows]


def _assessments() -> list[tuple[str, Assessment]]:
    engine: AssessmentEngine = default_engine()
    out = [
        (case_id, engine.assess(text))
        for case_id, text in [
            *_texts(ROOT.parent / "shared" / "vignettes" / "dev.jsonl"),
            *_texts(ROOT / "tests" / "cases" / "vignettes_lay.jsonl"),
        ]
    ]
    for case in load_cases(ROOT / "tests" / "cases" / "simulation.yaml", engine.kb):
        answers: dict[str, bool | float] = {f: True for f in case.present}
        answers.update({f: False for f in case.absent})
        answers.update(case.values)
        out.append((case.id, engine.assess(case.text, answers)))
    return out


CASES = _assessments()


def test_the_case_set_is_broad() -> None:
    assert len(CASES) >= 170
    assert {a.level for _, a in CASES} == set(Level)


@pytest.mark.parametrize(("case_id", "assessment"), CASES, ids=[c for c, _ in CASES])
def test_plan_is_safe(case_id: str, assessment: Assessment) -> None:
    kb = default_engine().kb
    plan = make_plan(assessment, kb)
    present = assessment.present
    items = {item.id for item in plan.items()}
    if present & {"pregnant", "anticoagulant"}:
        assert not items & NSAIDS, (
            f"{case_id}: anti-inflammatory advised with {present & {'pregnant', 'anticoagulant'}}"
        )
    if assessment.level in URGENT:
        assert not plan.home_plan_first, f"{case_id}: home plan first at {assessment.level}"
        assert [s.id for s in plan.sections] in (["while_you_wait"], []), case_id
    assert plan.safety_net.groups and all(group.signs for group in plan.safety_net.groups)
    assert all(item.sources for item in plan.items()), f"{case_id}: an item without a source"
    advice = [a for a in assessment.advice]
    assert advice and all(a.sources for a in advice), f"{case_id}: advice without a source"
