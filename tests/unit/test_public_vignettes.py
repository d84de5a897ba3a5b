"""Safety over the public vignettes: never under-triaged, emergencies always caught, causes in the top 3.

The vignettes are read from ../shared/vignettes when present (CI has them beside the repository).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar import Level, assess

VIGNETTES = Path(__file__).resolve().parents[2].parent / "shared" / "vignettes" / "dev.jsonl"
ROWS = (
    [json.loads(line) for line in VIGNETTES.read_text().splitlines() if line.strip()]
    if VIGNETTES.exists()
    else []
)
pytestmark = pytest.mark.skipif(not ROWS, reason="../shared/vignettes/dev.jsonl is not beside the repository")


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_vignette_is_never_under_triaged(row: dict) -> None:
    result = assess(row["text"])
    least = min(Level(a).rank for a in row["acceptable"])
    assert result.level.rank >= least, f"{row['id']}: {result.level} is less urgent than {row['acceptable']}"


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_vignette_level_is_acceptable(row: dict) -> None:
    assert assess(row["text"]).level.value in row["acceptable"]


def test_vignette_causes_in_top_three() -> None:
    with_causes = [r for r in ROWS if r["causes"]]
    hits = sum(any(c.id in r["causes"] for c in assess(r["text"]).causes[:3]) for r in with_causes)
    assert hits / len(with_causes) >= 0.9


def test_every_result_has_reasons_and_sources() -> None:
    for row in ROWS:
        result = assess(row["text"])
        assert result.level_reasons and all(r.sources for r in result.level_reasons)
        used = {s for r in result.level_reasons for s in r.sources}
        assert used <= set(result.sources)
