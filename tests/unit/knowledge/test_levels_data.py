"""levels.yaml: every level once, most urgent first; its specialist and sources exist."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from lumbar.knowledge.check import check_knowledge
from lumbar.knowledge.loader import data_root, parse_knowledge
from lumbar.knowledge.schema import Level


def _copy_with(tmp_path: Path, change: Callable[[list[dict[str, Any]]], None]) -> Path:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    levels = yaml.safe_load((root / "levels.yaml").read_text(encoding="utf-8"))
    change(levels)
    (root / "levels.yaml").write_text(yaml.safe_dump(levels, sort_keys=False), encoding="utf-8")
    return root


def _messages(root: Path) -> list[str]:
    return [f"{p.file} {p.item}: {p.message}" for p in check_knowledge(root, seeds=None).problems]


def test_the_packaged_levels_are_the_five_in_urgency_order() -> None:
    kb, problems = parse_knowledge(data_root())
    assert problems == []
    assert list(kb.levels) == sorted(Level, key=lambda level: -level.rank)


def test_a_missing_level_is_reported_with_its_id(tmp_path: Path) -> None:
    root = _copy_with(tmp_path, lambda levels: levels.pop())
    assert any("levels.yaml self_care: level is missing" in m for m in _messages(root))


def test_levels_out_of_order_are_reported(tmp_path: Path) -> None:
    root = _copy_with(tmp_path, lambda levels: levels.reverse())
    assert any("out of order" in m for m in _messages(root))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        (
            "routing",
            {"specialist": "no_such_doctor", "why": "x"},
            "specialist 'no_such_doctor' does not exist",
        ),
        (
            "tests",
            {"listed": False, "reason": "x", "sources": ["no_such_source"]},
            "unknown source 'no_such_source'",
        ),
        ("tests", {"listed": False}, "needs a `reason` and its `sources`"),
    ],
)
def test_bad_routing_or_tests_are_reported(tmp_path: Path, field: str, value: Any, expected: str) -> None:
    root = _copy_with(tmp_path, lambda levels: levels[-1].__setitem__(field, value))
    assert any(m.startswith("levels.yaml self_care") and expected in m for m in _messages(root))
