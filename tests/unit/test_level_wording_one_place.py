"""A level sentence changed in a copy of levels.yaml shows in the terminal and the CLI JSON and
markdown (the web page: tests/unit/web/test_web_level_wording.py): levels.yaml is the one place."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.cli import main
from lumbar.cli.render import assessment_report
from lumbar.knowledge import loader
from lumbar.knowledge.loader import KnowledgeBase, data_root, load_knowledge, parse_knowledge

TEXT = "I pulled my back lifting a heavy box yesterday. It is a cramp in my lower back. I am 35."
MARK = "Zebra-marked"
#: the fields shown to people, each given the mark in the copy
MARKED = ("action", "headline", "title", "banner", "safety_net_prefix")


@pytest.fixture
def marked_root(tmp_path: Path) -> Path:
    """A copy of the packaged knowledge whose level sentences all start with the mark."""
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    levels = yaml.safe_load((root / "levels.yaml").read_text(encoding="utf-8"))
    for level in levels:
        for key in MARKED:
            level[key] = f"{MARK} {level[key]}"
    (root / "levels.yaml").write_text(yaml.safe_dump(levels, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture
def marked_kb(marked_root: Path) -> KnowledgeBase:
    kb, problems = parse_knowledge(marked_root)
    assert problems == []
    return kb


@pytest.fixture
def packaged_is_marked(marked_root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The CLI's packaged knowledge base read from the marked copy, caches emptied before and after."""
    monkeypatch.setattr(loader, "data_root", lambda: marked_root)
    load_knowledge.cache_clear()
    default_engine.cache_clear()
    yield
    load_knowledge.cache_clear()
    default_engine.cache_clear()


def test_the_summary_and_terminal_banner_come_from_levels_yaml(marked_kb: KnowledgeBase) -> None:
    result = AssessmentEngine(marked_kb).assess(TEXT)
    assert result.summary.startswith(f"{MARK} ")
    banner = assessment_report(result, marked_kb, width=120).splitlines()[1]
    assert f"{MARK} " in banner


def test_the_cli_json_and_markdown_plan_come_from_levels_yaml(
    packaged_is_marked: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", "--text", TEXT, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["summary"].startswith(f"{MARK} ")
    assert main(["plan", "--text", TEXT, "--format", "markdown"]) == 0
    plan = capsys.readouterr().out
    assert f"{MARK} " in plan
    assert plan.count(MARK) >= 2  # the headline and the safety-net headings
