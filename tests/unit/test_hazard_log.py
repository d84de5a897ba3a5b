"""docs/hazard-log.md: every hazard is guarded by at least one test, and every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOG = ROOT / "docs" / "hazard-log.md"
TEST_REF = re.compile(r"(tests/[\w/.-]+\.py)::(test_\w+)")
HAZARD_ROW = re.compile(r"^\|\s*(H\d+)\s*\|")


def hazard_rows() -> dict[str, str]:
    """Hazard id -> its table row."""
    rows: dict[str, str] = {}
    for line in LOG.read_text(encoding="utf-8").splitlines():
        match = HAZARD_ROW.match(line)
        if match:
            if match.group(1) in rows:
                raise AssertionError(f"hazard {match.group(1)} appears twice in {LOG.name}")
            rows[match.group(1)] = line
    return rows


def test_the_log_lists_hazards() -> None:
    rows = hazard_rows()
    assert len(rows) >= 8
    assert all(len(row.strip().strip("|").split("|")) == 8 for row in rows.values())


@pytest.mark.parametrize("hazard", sorted(hazard_rows()))
def test_every_hazard_names_tests_that_exist(hazard: str) -> None:
    refs = TEST_REF.findall(hazard_rows()[hazard])
    assert refs, f"{hazard} names no test"
    for path, name in refs:
        test_file = ROOT / path
        assert test_file.is_file(), f"{hazard}: {path} does not exist"
        assert re.search(rf"^\s*def {name}\(", test_file.read_text(encoding="utf-8"), re.M), (
            f"{hazard}: {path} has no `def {name}`"
        )
