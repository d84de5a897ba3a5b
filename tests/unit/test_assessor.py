"""The engine's two entry points: a screening is the assessment's triage fields, for half the work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar.assessor import default_engine
from lumbar.errors import InputError

CASES = Path(__file__).resolve().parents[1] / "cases"
TEXTS = [
    json.loads(line)["text"]
    for name in ("vignettes_lay.jsonl", "intake_heldout.jsonl")
    for line in (CASES / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_the_texts_cover_every_level() -> None:
    engine = default_engine()
    assert len({engine.assess(text).level for text in TEXTS[:200]}) == 5


@pytest.mark.parametrize("text", TEXTS[:200])
def test_a_screening_has_the_assessments_level_reasons_findings_causes_and_summary(text: str) -> None:
    engine = default_engine()
    assessment, screening = engine.assess(text), engine.screen(text)
    for field in ("level", "level_reasons", "causes", "findings", "fits_back_problem", "summary"):
        assert getattr(screening, field) == getattr(assessment, field), field
    cited = {s for r in screening.level_reasons for s in r.sources} | {
        s for c in screening.causes for s in c.sources
    }
    assert set(screening.sources) == cited
    # the same titles; a locator names the places the screening's own lines cite
    assert all(screening.sources[s].title == assessment.sources[s].title for s in screening.sources)


def test_a_screening_refuses_what_an_assessment_refuses() -> None:
    with pytest.raises(InputError):
        default_engine().screen("me duele mucho la espalda desde ayer y no puedo dormir")
