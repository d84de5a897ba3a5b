"""Our own lay vignettes (tests/cases/vignettes_lay.jsonl): retellings of typical and classic case
pictures, written from the clinical picture, not from the engine's output.

Every case must be safe (never less urgent than its acceptable levels); levels and causes are
held to the same bars as the public set.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar import Level, assess

CASES = [
    json.loads(line)
    for line in (Path(__file__).parents[1] / "cases" / "vignettes_lay.jsonl").read_text().splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_lay_vignette_is_never_under_triaged(case: dict) -> None:
    level = assess(case["text"]).level
    assert level.rank >= min(Level(a).rank for a in case["acceptable"]), f"{case['id']}: {level}"


def test_lay_vignette_levels_and_causes() -> None:
    results = [(case, assess(case["text"])) for case in CASES]
    acceptable = sum(r.level.value in c["acceptable"] for c, r in results) / len(results)
    with_causes = [(c, r) for c, r in results if c["causes"]]
    top3 = sum(any(x.id in c["causes"] for x in r.causes[:3]) for c, r in with_causes) / len(with_causes)
    assert acceptable >= 0.95
    assert top3 >= 0.9
