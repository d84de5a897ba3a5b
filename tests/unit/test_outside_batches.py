"""Cases written outside the team (tests/cases/outside_*.jsonl, see outside_batches.md): never under-triaged.

Their first scores, taken before anyone read them, are recorded in outside_batches.md; here they guard
against regressions once their general causes were fixed. A case the reader still cannot follow carries
a `known_issue` (why, in words); it must still miss, so that a fix is noticed and the note removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumbar import Level, assess

CASES_DIR = Path(__file__).parents[1] / "cases"
CASES = [
    json.loads(line)
    for path in sorted(CASES_DIR.glob("outside_*.jsonl"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


UNDERSTOOD = [c for c in CASES if "known_issue" not in c]
KNOWN_ISSUES = [c for c in CASES if "known_issue" in c]


def _under_triaged(case: dict) -> bool:
    return assess(case["text"]).level.rank < min(Level(a).rank for a in case["acceptable"])


@pytest.mark.parametrize("case", UNDERSTOOD, ids=[c["id"] for c in UNDERSTOOD])
def test_outside_case_is_never_under_triaged(case: dict) -> None:
    assert not _under_triaged(case), f"{case['id']}: {assess(case['text']).level}"


@pytest.mark.parametrize("case", KNOWN_ISSUES, ids=[c["id"] for c in KNOWN_ISSUES])
def test_a_known_issue_still_misses(case: dict) -> None:
    assert _under_triaged(case), f"{case['id']} now passes: remove its known_issue"


def test_known_issues_are_few() -> None:
    assert len(KNOWN_ISSUES) <= len(CASES) // 100


def test_outside_cases_levels_and_causes() -> None:
    results = [(case, assess(case["text"])) for case in CASES]
    emergencies = [(c, r) for c, r in results if Level(c["level"]).rank >= Level.EMERGENCY.rank]
    caught = sum(r.level.rank >= Level.EMERGENCY.rank for _, r in emergencies) / len(emergencies)
    acceptable = sum(r.level.value in c["acceptable"] for c, r in results) / len(results)
    over = sum(r.level.rank > max(Level(a).rank for a in c["acceptable"]) for c, r in results) / len(results)
    with_causes = [(c, r) for c, r in results if c["causes"]]
    top3 = sum(any(x.id in c["causes"] for x in r.causes[:3]) for c, r in with_causes) / len(with_causes)
    assert len(CASES) >= 100
    assert caught >= 0.95
    assert acceptable >= 0.9
    assert over <= 0.1
    assert top3 >= 0.88
